package de.grantflow.register;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.calendar.FederalState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class MunicipalityRegisterTest {

    @Autowired MunicipalityRegister register;

    @Test
    void holdsEveryNrwGemeindeAndKreisOnce() {
        var nrw = register.all(FederalState.NW);
        assertThat(nrw.stream().filter(m -> m.ags().length() == 8)).hasSize(396);
        assertThat(nrw.stream().filter(m -> m.kind() == MunicipalityKind.KREIS)).hasSize(31);
        assertThat(register.find("05913")).isEmpty();

        Municipality dortmund = register.get("05913000");
        assertThat(dortmund.displayName()).isEqualTo("Stadt Dortmund");
        assertThat(dortmund.kind()).isEqualTo(MunicipalityKind.KREISFREIE_STADT);
        assertThat(dortmund.regierungsbezirk()).isEqualTo("Arnsberg");
        assertThat(register.get("05515000").displayName()).isEqualTo("Stadt Münster");
        assertThat(register.get("05154").displayName()).isEqualTo("Kreis Kleve");
        assertThat(register.get("05154").population()).isPositive();
        assertThat(register.get("08111000").state()).isEqualTo(FederalState.BW);
    }

    @Test
    void loadingAgainChangesNothing() {
        int before = register.count();
        register.loadAtStart();
        assertThat(register.count()).isEqualTo(before);
    }
}
