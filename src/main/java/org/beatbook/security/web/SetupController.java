package org.beatbook.security.web;

import java.util.EnumSet;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.security.application.Accounts;
import org.beatbook.security.domain.Role;
import org.beatbook.security.domain.SetupToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Creating the first administrator with the one-time token from the server log. */
@Controller
class SetupController {

    private final Accounts accounts;
    private final SetupToken token;

    SetupController(Accounts accounts, SetupToken token) {
        this.accounts = accounts;
        this.token = token;
    }

    @GetMapping("/setup")
    String form(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        if (!usable(token)) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "security/setup-closed";
        }
        model.addAttribute("form", new SetupForm(token, "", "", "", ""));
        model.addAttribute("errors", Map.of());
        return "security/setup";
    }

    @PostMapping("/setup")
    String create(@ModelAttribute SetupForm form, Model model, HttpServletResponse response) {
        if (!usable(form.token())) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "security/setup-closed";
        }
        Map<String, String> errors = accounts.create(form.username(), form.displayName(), form.password(),
                form.confirmation(), EnumSet.of(Role.ADMIN));
        if (!errors.isEmpty()) {
            model.addAttribute("form", new SetupForm(form.token(), form.username(), form.displayName(), "", ""));
            model.addAttribute("errors", errors);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "security/setup";
        }
        token.consume(form.token());
        return "redirect:/login?setup";
    }

    /** The token works only while no administrator exists; once one does, it is revoked for good. */
    private boolean usable(String candidate) {
        if (accounts.adminExists()) {
            token.revoke();
            return false;
        }
        return token.matches(candidate);
    }

    record SetupForm(String token, String username, String displayName, String password, String confirmation) {
    }
}
