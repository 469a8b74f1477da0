package de.grantflow.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts of other systems for the engine's REST API ({@code grantflow.integration-accounts} in the configuration):
 * HTTP Basic with a password of at least 12 characters, the role INTEGRATION and an engine account in the integration
 * group of each of its authorities, which may read that authority's process instances, their variables and tasks
 * and nothing else.
 */
@Component
public class IntegrationAccounts {

    private static final int MIN_LENGTH = 12;

    private final Environment environment;
    private final UserAccounts accounts;
    private final CurrentUsers users;
    private final EngineAccounts engineAccounts;

    IntegrationAccounts(Environment environment, UserAccounts accounts, CurrentUsers users,
            EngineAccounts engineAccounts) {
        this.environment = environment;
        this.accounts = accounts;
        this.users = users;
        this.engineAccounts = engineAccounts;
    }

    /** One configured account: user name, password and the authorities whose cases it may read. */
    record Configured(String username, String password, Set<String> authorities) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        configured(environment).forEach(account -> save(account.username(), account.password(),
                account.authorities()));
    }

    /** From YAML or environment variables ({@code GRANTFLOW_INTEGRATIONACCOUNTS_0_USERNAME} and so on). */
    static List<Configured> configured(Environment environment) {
        return Binder.get(environment).bind("grantflow.integration-accounts", Bindable.listOf(Configured.class))
                .orElse(List.of());
    }

    /** Creates or updates the account with exactly these authorities. */
    @Transactional
    public void save(String username, String password, Set<String> authorities) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalStateException("Das Passwort des Schnittstellenkontos " + username + " ist kürzer als "
                    + MIN_LENGTH + " Zeichen");
        }
        if (authorities == null || authorities.isEmpty()) {
            throw new IllegalStateException("Das Schnittstellenkonto " + username + " nennt keine Behörde");
        }
        NewUser account = new NewUser(username, password, "Schnittstelle " + username, null, null,
                Set.of(Role.INTEGRATION), null, authorities);
        accounts.createOrUpdate(account);
        engineAccounts.save(account, users.find(username).orElseThrow().engineGroups());
    }
}
