package de.grantflow.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator comes from configuration ({@code GRANTFLOW_ADMIN_PASSWORD}), never from a default. In production
 * mode (profile {@code production}) the application refuses to start without it, with the demo profile on, or while a
 * demo user still signs in with the demo password.
 */
@Component
class AdministratorAccount {

    static final String PRODUCTION = "production";
    private static final int MIN_LENGTH = 12;

    private final Environment environment;
    private final UserAccounts accounts;
    private final UserRepository users;
    private final EngineAccounts engineAccounts;
    private final PasswordEncoder passwords;

    AdministratorAccount(Environment environment, UserAccounts accounts, UserRepository users,
            EngineAccounts engineAccounts, PasswordEncoder passwords) {
        this.environment = environment;
        this.accounts = accounts;
        this.users = users;
        this.engineAccounts = engineAccounts;
        this.passwords = passwords;
    }

    /** After the demo users (application started), so that a configured password wins over the demo one. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    void onStart() {
        String username = environment.getProperty("grantflow.admin.username", "admin");
        String password = environment.getProperty("grantflow.admin.password", "");
        boolean production = environment.acceptsProfiles(Profiles.of(PRODUCTION));
        if (production) {
            refuseUnsafeProduction(password);
        }
        if (!password.isEmpty()) {
            if (password.length() < MIN_LENGTH) {
                throw new IllegalStateException("GRANTFLOW_ADMIN_PASSWORD ist kürzer als " + MIN_LENGTH + " Zeichen");
            }
            NewUser admin = new NewUser(username, password, "Administration", null, null, Set.of(Role.ADMIN), null,
                    Set.of());
            accounts.createOrUpdate(admin);
            engineAccounts.save(admin, List.of(EngineGroups.ADMINISTRATORS));
        }
    }

    private void refuseUnsafeProduction(String password) {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            throw new IllegalStateException("Im Produktionsbetrieb (Profil production) darf das Profil demo nicht aktiv"
                    + " sein: es legt Benutzer mit bekanntem Passwort an. Starten Sie mit"
                    + " --spring.profiles.active=production");
        }
        if (password.isEmpty()) {
            throw new IllegalStateException("Im Produktionsbetrieb fehlt das Passwort des Administrators:"
                    + " bitte GRANTFLOW_ADMIN_PASSWORD setzen (mindestens " + MIN_LENGTH + " Zeichen)");
        }
        List<String> withDemoPassword = DemoUsers.users().stream().map(NewUser::username)
                .filter(name -> users.find(name).filter(UserRepository.StoredUser::enabled)
                        .filter(stored -> passwords.matches(DemoUsers.PASSWORD, stored.passwordHash())).isPresent())
                .toList();
        if (!withDemoPassword.isEmpty()) {
            throw new IllegalStateException("Im Produktionsbetrieb melden sich noch Demo-Benutzer mit dem Demo-Passwort"
                    + " an: " + String.join(", ", withDemoPassword) + ". Bitte sperren oder Passwörter ändern.");
        }
    }
}
