package de.grantflow.web;

import de.grantflow.security.CurrentUser;
import de.grantflow.security.CurrentUsers;
import de.grantflow.security.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The one login page for everyone, and the way from `/` to each role's own start page. */
@Controller
class HomeController {

    private final CurrentUsers users;

    HomeController(CurrentUsers users) {
        this.users = users;
    }

    @GetMapping("/login")
    String login(Authentication authentication, @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout, @RequestParam(required = false) String locked,
            Model model) {
        if (signedIn(authentication)) {
            return "redirect:/";
        }
        model.addAttribute("failed", error != null || locked != null);
        model.addAttribute("locked", locked != null);
        model.addAttribute("loggedOut", logout != null);
        return "login";
    }

    @GetMapping("/")
    String home(Authentication authentication) {
        if (!signedIn(authentication)) {
            return "redirect:/login";
        }
        return "redirect:" + startPage(users.current());
    }

    static String startPage(CurrentUser user) {
        if (user.isApplicant()) {
            return "/portal";
        }
        if (user.has(Role.REVIEWER) || user.has(Role.APPROVER)) {
            return "/workspace";
        }
        if (user.has(Role.PROGRAMME_MANAGER) || user.has(Role.EVALUATOR)) {
            return "/dashboard";
        }
        return "/camunda/app/admin/";
    }

    private static boolean signedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
