package de.grantflow.register;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.calendar.FederalState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MunicipalityTest {

    @ParameterizedTest(name = "{0}, {1} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "Dortmund,Stadt,KREISFREIE_STADT,Stadt Dortmund",
            "Altenberge,-,KREISANGEHOERIGE_GEMEINDE,Gemeinde Altenberge",
            "Attendorn,Hansestadt,KREISANGEHOERIGE_GEMEINDE,Hansestadt Attendorn",
            "Solingen,Klingenstadt,KREISFREIE_STADT,Klingenstadt Solingen",
            "Siegen,Universitätsstadt,KREISANGEHOERIGE_GEMEINDE,Universitätsstadt Siegen",
            "Hückeswagen,Schloss-Stadt,KREISANGEHOERIGE_GEMEINDE,Schloss-Stadt Hückeswagen",
            "Erkrath,'Fundort des Neanderthalers, Stadt',KREISANGEHOERIGE_GEMEINDE,Stadt Erkrath",
            "Hagen,Stadt der FernUniversität,KREISFREIE_STADT,Stadt Hagen",
            "Harsewinkel,Die Mähdrescherstadt,KREISANGEHOERIGE_GEMEINDE,Stadt Harsewinkel",
            "Meschede,Kreis- und Hochschulstadt,KREISANGEHOERIGE_GEMEINDE,Stadt Meschede",
            "Schwerte,Hansestadt an der Ruhr,KREISANGEHOERIGE_GEMEINDE,Stadt Schwerte",
            "Brüggen,Burggemeinde,KREISANGEHOERIGE_GEMEINDE,Burggemeinde Brüggen",
            "Grefrath,Sport- und Freizeitgemeinde,KREISANGEHOERIGE_GEMEINDE,Gemeinde Grefrath",
            "Roetgen,Tor zur Eifel,KREISANGEHOERIGE_GEMEINDE,Gemeinde Roetgen",
            "Saerbeck,NRW-Klimakommune,KREISANGEHOERIGE_GEMEINDE,Gemeinde Saerbeck",
            "Ulm,-,KREISFREIE_STADT,Stadt Ulm"})
    void namesAGemeindeByItsDesignation(String name, String suffix, MunicipalityKind kind, String expected) {
        assertThat(municipality(name, suffix, kind, FederalState.NW).displayName()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource({
            "Kleve,NW,Kreis Kleve",
            "Lippe,NW,Kreis Lippe",
            "Rhein-Kreis Neuss,NW,Rhein-Kreis Neuss",
            "Hochsauerlandkreis,NW,Hochsauerlandkreis",
            "Märkischer Kreis,NW,Märkischer Kreis",
            "Städteregion Aachen,NW,Städteregion Aachen",
            "Esslingen,BW,Landkreis Esslingen",
            "Rems-Murr-Kreis,BW,Rems-Murr-Kreis",
            "Pinneberg,SH,Kreis Pinneberg"})
    void namesAKreisAsItsStateDoes(String name, FederalState state, String expected) {
        assertThat(municipality(name, null, MunicipalityKind.KREIS, state).displayName()).isEqualTo(expected);
    }

    private static Municipality municipality(String name, String suffix, MunicipalityKind kind, FederalState state) {
        return new Municipality("05000000", name, suffix, kind, "05000", name, "Arnsberg", state, null);
    }
}
