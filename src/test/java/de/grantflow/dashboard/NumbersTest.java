package de.grantflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumbersTest {

    private final Numbers german = new Numbers(Locale.GERMAN);
    private final Numbers english = new Numbers(Locale.ENGLISH);

    @Test
    void writesEurosGermanStyleInGermanAndEnglishStyleInEnglish() {
        assertThat(german.money(new BigDecimal("1234567.89"))).isEqualTo("1.234.567,89\u00a0€");
        assertThat(english.money(new BigDecimal("1234567.89"))).isEqualTo("€1,234,567.89");
        assertThat(german.money(new BigDecimal("0"))).isEqualTo("0,00\u00a0€");
    }

    @Test
    void writesMillionsCountsDaysAndSharesInTheReadersLanguage() {
        assertThat(german.millions(new BigDecimal("14700000.00"))).isEqualTo("14,70");
        assertThat(english.millions(new BigDecimal("14700000.00"))).isEqualTo("14.70");
        assertThat(german.count(12345)).isEqualTo("12.345");
        assertThat(german.days(12.5)).isEqualTo("12,5");
        assertThat(german.days(null)).isEqualTo("–");
        assertThat(german.percent(new BigDecimal("0.667"))).isEqualTo("66,7\u00a0%");
        assertThat(english.percent(new BigDecimal("0.667"))).isEqualTo("66.7%");
        assertThat(german.share(1, 3)).isEqualTo("33,3\u00a0%");
        assertThat(german.share(1, 0)).isEqualTo("–");
    }
}
