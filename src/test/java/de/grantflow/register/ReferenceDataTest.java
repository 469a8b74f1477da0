package de.grantflow.register;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.calendar.FederalState;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    private final List<Municipality> all = ReferenceData.municipalities();
    private final Map<String, Municipality> byAgs = all.stream()
            .collect(Collectors.toMap(Municipality::ags, Function.identity()));

    @Test
    void readsEveryNrwGemeindeAndKreisButNoKreisfreieStadtTwice() {
        List<Municipality> nrw = all.stream().filter(m -> m.state() == FederalState.NW).toList();
        assertThat(nrw).filteredOn(m -> m.kind() == MunicipalityKind.KREISFREIE_STADT).hasSize(22)
                .allMatch(m -> m.ags().length() == 8 && m.ags().endsWith("000"));
        assertThat(nrw).filteredOn(m -> m.kind() == MunicipalityKind.KREISANGEHOERIGE_GEMEINDE).hasSize(374);
        assertThat(nrw).filteredOn(m -> m.kind() == MunicipalityKind.KREIS).hasSize(31)
                .allMatch(m -> m.ags().length() == 5 && m.ags().equals(m.kreisAgs()));
        assertThat(byAgs).doesNotContainKeys("05913", "05515", "05112").hasSize(all.size());
    }

    @Test
    void givesAKreisThePopulationOfItsGemeinden() {
        assertThat(byAgs.get("05154").population()).isEqualTo(322_018);
        assertThat(byAgs.get("05334").population()).isEqualTo(582_410);
        int gemeinden = all.stream().filter(m -> m.state() == FederalState.NW && m.kind() != MunicipalityKind.KREIS)
                .mapToInt(Municipality::population).sum();
        assertThat(gemeinden).isEqualTo(18_034_454);
    }

    @Test
    void readsTheBadenWuerttembergDemoWithTheLandkreisPopulationFromItsFile() {
        List<Municipality> bw = all.stream().filter(m -> m.state() == FederalState.BW).toList();
        assertThat(bw).hasSize(16).allMatch(m -> m.ags().startsWith("08"));
        assertThat(bw).filteredOn(m -> m.kind() == MunicipalityKind.KREIS).extracting(Municipality::ags)
                .containsExactlyInAnyOrder("08116", "08118", "08119", "08335", "08416");
        assertThat(byAgs.get("08416").population()).isEqualTo(233_546);
        assertThat(byAgs.get("08416041").kreisName()).isEqualTo("Tübingen");
        assertThat(byAgs.get("08416041").kind()).isEqualTo(MunicipalityKind.KREISANGEHOERIGE_GEMEINDE);
        assertThat(byAgs.get("08111000").displayName()).isEqualTo("Landeshauptstadt Stuttgart");
        assertThat(bw).extracting(Municipality::regierungsbezirk)
                .containsOnly("Stuttgart", "Karlsruhe", "Freiburg", "Tübingen");
    }
}
