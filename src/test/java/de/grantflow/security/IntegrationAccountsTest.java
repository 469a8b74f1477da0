package de.grantflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** The integration accounts as the README says to configure them. */
class IntegrationAccountsTest {

    @Test
    void readsTheAccountsFromTheConfiguration() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("grantflow.integration-accounts[0].username", "fachverfahren-arnsberg")
                .withProperty("grantflow.integration-accounts[0].password", "ein-langes-passwort")
                .withProperty("grantflow.integration-accounts[0].authorities", "br-arnsberg, lpb-bw");

        assertThat(IntegrationAccounts.configured(environment)).containsExactly(new IntegrationAccounts.Configured(
                "fachverfahren-arnsberg", "ein-langes-passwort", Set.of("br-arnsberg", "lpb-bw")));
    }

    @Test
    void readsTheAccountsFromEnvironmentVariables() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "GRANTFLOW_INTEGRATIONACCOUNTS_0_USERNAME", "fachverfahren-bw",
                "GRANTFLOW_INTEGRATIONACCOUNTS_0_PASSWORD", "noch-ein-passwort",
                "GRANTFLOW_INTEGRATIONACCOUNTS_0_AUTHORITIES", "lpb-bw")));

        assertThat(IntegrationAccounts.configured(environment)).containsExactly(new IntegrationAccounts.Configured(
                "fachverfahren-bw", "noch-ein-passwort", Set.of("lpb-bw")));
    }

    @Test
    void readsNoAccountWhenNoneIsConfigured() {
        assertThat(IntegrationAccounts.configured(new MockEnvironment())).isEmpty();
    }
}
