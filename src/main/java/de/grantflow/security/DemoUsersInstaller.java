package de.grantflow.security;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** In the demo profile, the demo users exist after every start; without it, no user with a known password does. */
@Component
@Profile("demo")
class DemoUsersInstaller {

    private final DemoUsers demoUsers;

    DemoUsersInstaller(DemoUsers demoUsers) {
        this.demoUsers = demoUsers;
    }

    @EventListener(ApplicationStartedEvent.class)
    void install() {
        demoUsers.install();
    }
}
