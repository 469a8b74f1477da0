package de.grantflow.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import de.grantflow.calendar.FederalState;
import de.grantflow.forms.FieldError;
import de.grantflow.programme.Authority;
import de.grantflow.programme.Call;
import de.grantflow.programme.Court;
import de.grantflow.programme.Deadlines;
import de.grantflow.programme.EvaluationTerms;
import de.grantflow.programme.Financing;
import de.grantflow.programme.FundingTerms;
import de.grantflow.programme.FinancingType;
import de.grantflow.programme.LegalBasis;
import de.grantflow.programme.LetterTexts;
import de.grantflow.programme.Priorities;
import de.grantflow.programme.Programme;
import de.grantflow.programme.Retention;
import de.grantflow.programme.Rules;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of submission and of the case's status, without Spring. */
class SubmissionPolicyTest {

    static final Programme PROGRAMME = new Programme("p", "Programm", "P", "PRG", FederalState.NW,
            new LegalBasis("Richtlinie", "§§ 23, 44 LHO"), new Authority("a", "Behörde", "Dezernat", "Straße 1",
            "12345", "Ort", "0", "a@b.de", "www", "Name", new Court("VG", "Str", "12345", "Ort")), "form",
            new Rules("e", "grant-amount"), new Financing(FinancingType.ANTEILFINANZIERUNG, new BigDecimal("80"),
            new BigDecimal("5000"), new BigDecimal("50000"), null), Set.of("KREIS"), new Priorities(List.of(),
            List.of()), List.of(new Call("c", "Aufruf", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
            Map.of(2026, new BigDecimal("100000")))), new Deadlines(Period.ofWeeks(4), Period.ofWeeks(2),
            Period.ofDays(7), 4, Period.ofMonths(1)), new LetterTexts("Zweck", "Auszahlung", List.of(), "i. A."),
            new FundingTerms(List.of(), 20, Period.ofMonths(2), Period.ofMonths(4), Period.ofMonths(6),
            Period.ofDays(14), Period.ofWeeks(2), 10, new BigDecimal("40000"), Period.ofMonths(1)),
            new EvaluationTerms("self-evaluation", Period.ofMonths(2), "flash-survey",
            Period.ofWeeks(4), Period.ofDays(7), List.of()), new Retention(Period.ofYears(10), Period.ofYears(5), Period.ofYears(3)));

    @Test
    void acceptsASoundApplicationInsideTheCall() {
        SubmissionPolicy.Result result = SubmissionPolicy.check(PROGRAMME, data(20_000), LocalDate.of(2026, 3, 2));
        assertThat(result.passed()).isTrue();
        assertThat(result.callKey()).isEqualTo("c");
    }

    @Test
    void rejectsSubmissionAfterCallCloses() {
        assertThat(SubmissionPolicy.check(PROGRAMME, data(20_000), LocalDate.of(2027, 1, 1)).errors())
                .extracting(FieldError::field).containsExactly("programme");
    }

    @Test
    void rejectsAProjectThatEndsBeforeItStartsAndAGrantBeyondTheGapAndTheLimits() {
        Map<String, Object> data = data(60_000);
        data.put("projectEnd", "2026-05-31");
        assertThat(SubmissionPolicy.check(PROGRAMME, data, LocalDate.of(2026, 3, 2)).errors())
                .extracting(FieldError::field, FieldError::message)
                .contains(tuple("projectEnd",
                                "Das Projektende muss nach dem Projektbeginn liegen"),
                        tuple("requestedAmount",
                                "Die Zuwendung beträgt in diesem Programm höchstens 50.000,00 EUR"));
        assertThat(SubmissionPolicy.check(PROGRAMME, data(1_000), LocalDate.of(2026, 3, 2)).errors())
                .extracting(FieldError::message)
                .containsExactly("Die Zuwendung beträgt in diesem Programm mindestens 5.000,00 EUR");
        Map<String, Object> noGap = data(20_000);
        noGap.put("ownContribution", 30_000);
        assertThat(SubmissionPolicy.check(PROGRAMME, noGap, LocalDate.of(2026, 3, 2)).errors())
                .extracting(FieldError::field).containsExactly("requestedAmount");
    }

    @Test
    void movesOnlyAlongTheProcedureAndToleratesARepeatedStep() {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        Application application = Application.draft(UUID.randomUUID(), ApplicationReference.of("PRG", 2026, 1),
                "p", "05913000", data(20_000), "antrag", now);
        assertThatThrownBy(() -> application.moveTo(ApplicationStatus.APPROVED, now))
                .isInstanceOf(CaseConflictException.class).hasMessageContaining("Entwurf");
        application.submit(data(20_000), "c", now);
        assertThat(application.moveTo(ApplicationStatus.IN_REVIEW, now)).isTrue();
        assertThat(application.moveTo(ApplicationStatus.IN_REVIEW, now)).isFalse();
        assertThatThrownBy(() -> application.replaceDraftData(Map.of(), now))
                .isInstanceOf(CaseConflictException.class);
        application.moveTo(ApplicationStatus.APPROVED, now);
        assertThat(application.decidedAt()).isEqualTo(now);
        assertThatThrownBy(() -> application.moveTo(ApplicationStatus.WITHDRAWN, now))
                .isInstanceOf(CaseConflictException.class);
        assertThat(application.reference().value()).isEqualTo("PRG-2026-000001");
    }

    private static Map<String, Object> data(int requested) {
        return CaseFixtures.common("Vorhaben", requested);
    }
}
