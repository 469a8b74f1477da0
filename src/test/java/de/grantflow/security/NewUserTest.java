package de.grantflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Set;
import org.junit.jupiter.api.Test;

class NewUserTest {

    @Test
    void rejectsAnApplicantWithoutMunicipality() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NewUser("antrag.x", "geheim", "X", null, null,
                Set.of(Role.APPLICANT), null, Set.of())).withMessageContaining("Gemeindeschlüssel");
    }

    @Test
    void rejectsAMalformedMunicipalityKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NewUser("antrag.x", "geheim", "X", null, null,
                Set.of(Role.APPLICANT), "5913000", Set.of()));
    }

    @Test
    void acceptsAKreisKeyOfFiveDigits() {
        NewUser kreis = new NewUser("antrag.unna", "geheim", "Kreis Unna", null, null, Set.of(Role.APPLICANT),
                "05978", null);

        assertThat(kreis.municipalityAgs()).isEqualTo("05978");
        assertThat(kreis.authorities()).isEmpty();
    }

    @Test
    void rejectsAUserWithoutRole() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NewUser("niemand", "geheim", "Niemand", null, null,
                Set.of(), null, Set.of()));
    }

    @Test
    void rejectsAUsernameTheEngineWouldRefuse() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NewUser("peter prüfer", "geheim", "Peter", null,
                null, Set.of(Role.REVIEWER), null, Set.of("br-arnsberg")));
    }

    @Test
    void rejectsAnEmptyPassword() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NewUser("pruefer", "", "Peter Prüfer", null, null,
                Set.of(Role.REVIEWER), null, Set.of("br-arnsberg")));
    }

    @Test
    void neverShowsThePasswordInItsText() {
        NewUser user = new NewUser("pruefer", "streng-geheim", "Peter Prüfer", null, null, Set.of(Role.REVIEWER),
                null, Set.of("br-arnsberg"));

        assertThat(user.toString()).contains("pruefer").doesNotContain("streng-geheim");
    }
}
