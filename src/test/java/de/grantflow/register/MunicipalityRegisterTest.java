package de.grantflow.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import de.grantflow.calendar.FederalState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class MunicipalityRegisterTest {

    @Autowired MunicipalityRegister register;
    @Autowired JdbcClient jdbc;

    @Test
    void holdsEveryNrwGemeindeAndKreisOnce() {
        List<Municipality> nrw = register.all(FederalState.NW);
        assertThat(nrw).hasSize(396 + 31);
        assertThat(nrw).filteredOn(m -> m.ags().length() == 8).hasSize(396);
        assertThat(nrw).filteredOn(m -> m.kind() == MunicipalityKind.KREIS).hasSize(31);
        assertThat(register.find("05913")).isEmpty();
        assertThat(register.count()).isEqualTo(396 + 31 + 16);
    }

    @Test
    void findsKreisfreieStaedteAsGemeinden() {
        Municipality dortmund = register.get("05913000");
        assertThat(dortmund.displayName()).isEqualTo("Stadt Dortmund");
        assertThat(dortmund.kind()).isEqualTo(MunicipalityKind.KREISFREIE_STADT);
        assertThat(dortmund.regierungsbezirk()).isEqualTo("Arnsberg");
        assertThat(dortmund.kreisAgs()).isEqualTo("05913");
        assertThat(dortmund.state()).isEqualTo(FederalState.NW);
        assertThat(dortmund.population()).isEqualTo(603_462);
        assertThat(register.get("05515000").displayName()).isEqualTo("Stadt Münster");
        assertThat(register.get("05515000").regierungsbezirk()).isEqualTo("Münster");
        assertThat(register.get("05112000").displayName()).isEqualTo("Stadt Duisburg");
        assertThat(register.get("05112000").regierungsbezirk()).isEqualTo("Düsseldorf");
    }

    @Test
    void findsAKreisByItsFiveDigitKeyAndItsGemeindenByTheirs() {
        Municipality kleve = register.get("05154");
        assertThat(kleve.displayName()).isEqualTo("Kreis Kleve");
        assertThat(kleve.kind()).isEqualTo(MunicipalityKind.KREIS);
        assertThat(kleve.population()).isEqualTo(322_018);
        assertThat(register.get("05566004").displayName()).isEqualTo("Gemeinde Altenberge");
        assertThat(register.get("05566004").kreisName()).isEqualTo("Steinfurt");
    }

    @Test
    void holdsTheBadenWuerttembergDemoRows() {
        assertThat(register.all(FederalState.BW)).hasSize(16);
        assertThat(register.get("08111000").displayName()).isEqualTo("Landeshauptstadt Stuttgart");
        assertThat(register.get("08311000").regierungsbezirk()).isEqualTo("Freiburg");
        assertThat(register.get("08116").displayName()).isEqualTo("Landkreis Esslingen");
        assertThat(register.get("08335043").kind()).isEqualTo(MunicipalityKind.KREISANGEHOERIGE_GEMEINDE);
    }

    @Test
    void refusesAnUnknownKey() {
        assertThat(register.find("05999999")).isEmpty();
        assertThat(register.find(null)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> register.get("05999999"))
                .withMessageContaining("05999999");
    }

    @Test
    void loadingAgainChangesNothingAndRepairsChangedRows() {
        int before = register.count();
        jdbc.sql("UPDATE municipality SET population = 1, name = 'Irgendwo' WHERE ags = '05913000'").update();

        register.reload();

        assertThat(register.count()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM municipality").query(Integer.class).single()).isEqualTo(before);
        assertThat(register.get("05913000").name()).isEqualTo("Dortmund");
        assertThat(register.get("05913000").population()).isEqualTo(603_462);
    }
}
