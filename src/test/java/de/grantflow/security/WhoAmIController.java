package de.grantflow.security;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Only in tests: API endpoints that show the caller as {@link CurrentUsers} sees it, and method security at work. */
@RestController
class WhoAmIController {

    private final CurrentUsers users;

    WhoAmIController(CurrentUsers users) {
        this.users = users;
    }

    @GetMapping("/api/test/whoami")
    CurrentUser whoami() {
        return users.current();
    }

    @GetMapping("/api/test/admin-only")
    @PreAuthorize("hasRole('ADMIN')")
    String adminOnly() {
        return "ok";
    }
}
