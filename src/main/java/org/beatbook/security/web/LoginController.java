package org.beatbook.security.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Our own sign-in page; Spring Security handles the POST to /login. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "security/login";
    }

    @GetMapping("/staff")
    String staffHome() {
        return "security/staff-home";
    }
}
