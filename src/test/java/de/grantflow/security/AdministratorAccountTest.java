package de.grantflow.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** No default credentials outside the demo: production mode refuses to start unless the administrator is configured. */
class AdministratorAccountTest {

    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final UserAccounts accounts = mock(UserAccounts.class);
    private final UserRepository users = mock(UserRepository.class);
    private final EngineAccounts engineAccounts = mock(EngineAccounts.class);
    private final MockEnvironment environment = new MockEnvironment();

    @Test
    void refusesProductionWithTheDemoProfile() {
        environment.setActiveProfiles("production", "demo");
        environment.setProperty("grantflow.admin.password", "ein-langes-geheimnis");

        assertThatIllegalStateException().isThrownBy(this::start).withMessageContaining("Profil demo");
    }

    @Test
    void refusesProductionWithoutAnAdministratorPassword() {
        environment.setActiveProfiles("production");

        assertThatIllegalStateException().isThrownBy(this::start).withMessageContaining("GRANTFLOW_ADMIN_PASSWORD");
    }

    @Test
    void refusesProductionWhileADemoUserStillHasTheDemoPassword() {
        environment.setActiveProfiles("production");
        environment.setProperty("grantflow.admin.password", "ein-langes-geheimnis");
        when(users.find(anyString())).thenReturn(Optional.empty());
        when(users.find("pruefer")).thenReturn(Optional.of(new UserRepository.StoredUser(passwords.encode("demo"),
                new CurrentUser("pruefer", "P", null, null, Set.of(Role.REVIEWER), null, Set.of()), true)));

        assertThatIllegalStateException().isThrownBy(this::start).withMessageContaining("pruefer");
    }

    @Test
    void refusesAShortAdministratorPassword() {
        environment.setProperty("grantflow.admin.password", "kurz");

        assertThatIllegalStateException().isThrownBy(this::start).withMessageContaining("12 Zeichen");
    }

    @Test
    void startsInProductionWithAConfiguredAdministratorAndGivesHimTheEngine() {
        environment.setActiveProfiles("production");
        environment.setProperty("grantflow.admin.password", "ein-langes-geheimnis");
        when(users.find(anyString())).thenReturn(Optional.empty());

        assertThatCode(this::start).doesNotThrowAnyException();
        verify(accounts).createOrUpdate(any(NewUser.class));
        verify(engineAccounts).save(any(NewUser.class), org.mockito.ArgumentMatchers.eq(List.of("camunda-admin")));
    }

    private void start() {
        new AdministratorAccount(environment, accounts, users, engineAccounts, passwords).onStart();
    }
}
