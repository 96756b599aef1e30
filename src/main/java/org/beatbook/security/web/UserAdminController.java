package org.beatbook.security.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.security.application.Accounts;
import org.beatbook.security.domain.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User administration for administrators: list, create, disable/enable, reset a password. */
@Controller
@RequestMapping("/staff/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

    private final Accounts accounts;

    UserAdminController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String list(Model model) {
        return page(model, new NewUserForm("", "", "", "", List.of()), Map.of(), null, Map.of());
    }

    @PostMapping
    String create(@ModelAttribute NewUserForm form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : form.roles() == null ? List.<String>of() : form.roles()) {
            try {
                roles.add(Role.valueOf(role));
            }
            catch (IllegalArgumentException unknown) {
                // an unknown role from a tampered form is simply not granted; "roles" gets an error if none is left
            }
        }
        Map<String, String> errors = accounts.create(form.username(), form.displayName(), form.password(),
                form.confirmation(), roles);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, new NewUserForm(form.username(), form.displayName(), "", "", form.roles()), errors,
                    null, Map.of());
        }
        redirect.addFlashAttribute("done", "security.users.created");
        return "redirect:/staff/users";
    }

    @PostMapping("/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        boolean changed = accounts.setEnabled(id, enabled);
        redirect.addFlashAttribute(changed ? "done" : "refused",
                changed ? (enabled ? "security.users.enabled.done" : "security.users.disabled.done")
                        : "security.users.lastAdmin");
        return "redirect:/staff/users";
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam(defaultValue = "") String password,
                         @RequestParam(defaultValue = "") String confirmation, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = accounts.resetPassword(id, password, confirmation);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, new NewUserForm("", "", "", "", List.of()), Map.of(), id, errors);
        }
        redirect.addFlashAttribute("done", "security.users.password.done");
        return "redirect:/staff/users";
    }

    private String page(Model model, NewUserForm form, Map<String, String> errors, Long resetId,
                        Map<String, String> resetErrors) {
        model.addAttribute("users", accounts.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("resetId", resetId);
        model.addAttribute("resetErrors", resetErrors);
        return "security/users";
    }

    record NewUserForm(String username, String displayName, String password, String confirmation, List<String> roles) {
    }
}
