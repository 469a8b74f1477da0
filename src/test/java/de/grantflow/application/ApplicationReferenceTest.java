package de.grantflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplicationReferenceTest {

    @Test
    void padsTheNumberToSixDigits() {
        assertThat(ApplicationReference.of("KIN", 2026, 42).value()).isEqualTo("KIN-2026-000042");
        assertThat(ApplicationReference.of("KIN", 2026, 999_999).value()).isEqualTo("KIN-2026-999999");
    }

    @Test
    void keepsEveryDigitOfALargerNumber() {
        assertThat(ApplicationReference.of("KIN", 2027, 1_234_567).value()).isEqualTo("KIN-2027-1234567");
    }
}
