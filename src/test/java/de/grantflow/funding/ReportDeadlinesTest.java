package de.grantflow.funding;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.calendar.FederalState;
import de.grantflow.programme.FundingTerms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Report deadlines by §§ 187 ff. BGB with the weekend and holiday rule, calculated by hand. */
class ReportDeadlinesTest {

    private static final FundingTerms TERMS = new FundingTerms(List.of(), 20, Period.ofMonths(2),
            Period.ofMonths(4), Period.ofMonths(6), Period.ofDays(14), Period.ofWeeks(2), 10, BigDecimal.ONE,
            Period.ofMonths(1));

    @Test
    void theProofOfUseDueOnEasterMondayIsDueOnTheTuesday() {
        // period ends Wed 29 Sep 2026; six months later is Mon 29 Mar 2027, Easter Monday
        assertThat(FundingSupport.proofDue(FederalState.NW, TERMS, LocalDate.of(2026, 9, 29)))
                .isEqualTo(LocalDate.of(2027, 3, 30));
    }

    @Test
    void theProofOfUseDueOnTheDayOfGermanUnityIsDueTheNextDay() {
        // period ends Mon 3 Apr 2028; six months later is Tue 3 Oct 2028
        assertThat(FundingSupport.proofDue(FederalState.BW, TERMS, LocalDate.of(2028, 4, 3)))
                .isEqualTo(LocalDate.of(2028, 10, 4));
    }

    @Test
    void theProofOfUseAfterAPeriodEndingOnTheLastDayOfAugustIsDueOnTheLastDayOfFebruary() {
        // § 188 (3) BGB: 31 Aug 2027 + 6 months has no 31 Feb; it ends on Tue 29 Feb 2028 (a leap year)
        assertThat(FundingSupport.proofDue(FederalState.NW, TERMS, LocalDate.of(2027, 8, 31)))
                .isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void theInterimReportIsDueOnTheLastDayOfAprilOrTheNextWorkingDay() {
        assertThat(FundingSupport.interimDue(FederalState.NW, TERMS, 2026)).isEqualTo(LocalDate.of(2027, 4, 30));
        // 30 Apr 2028 is a Sunday and 1 May a holiday: Tuesday 2 May
        assertThat(FundingSupport.interimDue(FederalState.NW, TERMS, 2027)).isEqualTo(LocalDate.of(2028, 5, 2));
    }
}
