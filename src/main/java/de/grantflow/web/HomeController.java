package de.grantflow.web;

import de.grantflow.security.CurrentUser;
import de.grantflow.security.CurrentUsers;
import de.grantflow.security.OidcRefusal;
import de.grantflow.security.OidcSignIn;
import de.grantflow.security.Role;
import org.springframework.beans.factory.ObjectProvider;
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
    private final ObjectProvider<OidcSignIn> oidc;

    HomeController(CurrentUsers users, ObjectProvider<OidcSignIn> oidc) {
        this.users = users;
        this.oidc = oidc;
    }

    @GetMapping("/login")
    String login(Authentication authentication, @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout, @RequestParam(required = false) String locked,
            @RequestParam(required = false) String refused, Model model) {
        if (signedIn(authentication)) {
            return "redirect:/";
        }
        model.addAttribute("failed", error != null || locked != null);
        model.addAttribute("locked", locked != null);
        model.addAttribute("loggedOut", logout != null);
        OidcSignIn signIn = oidc.getIfAvailable();
        model.addAttribute("oidc", signIn);
        if (signIn != null && refused != null) {
            model.addAttribute("refusal", OidcRefusal.fromParameter(refused).messageKey());
        }
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
        if (user.has(Role.REVIEWER) || user.has(Role.APPROVER) || user.has(Role.AUDITOR)) {
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
