package de.grantflow.programme;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * The programme's terms for the time after the grant (ANBest-G and the Zuwendungsbescheid): cost lines of the plan, how
 * far a line may exceed its plan, the two-month rule, the report deadlines, and which share of proofs is checked in
 * depth.
 *
 * @param costLines the lines of the cost plan, by the keys the application form's cost plan uses
 * @param costShiftPercent how far one line may exceed its plan when others save as much (ANBest-G Nr. 1.2: 20 %)
 * @param payoutWindow funds may be called only for payments due within this time after payout (two months)
 * @param interimReportAfterYearEnd a Zwischennachweis is due this long after each year end inside the period
 * @param proofOfUseAfterEnd the Verwendungsnachweis is due this long after the period ends
 * @param reportReminderBefore a reminder goes out this long before a report is due
 * @param dunningGrace the Nachfrist a Mahnung sets
 * @param inDepthCheckPercent the share of proofs drawn at random for an in-depth check with receipts
 * @param inDepthRiskAmount grants of at least this amount are always checked in depth
 * @param repaymentPeriod a repayment is due this long after the Rückforderungsbescheid
 */
public record FundingTerms(List<CostLine> costLines, int costShiftPercent, Period payoutWindow,
        Period interimReportAfterYearEnd, Period proofOfUseAfterEnd, Period reportReminderBefore,
        Period dunningGrace, int inDepthCheckPercent, BigDecimal inDepthRiskAmount, Period repaymentPeriod) {

    public Optional<CostLine> costLine(String key) {
        return costLines.stream().filter(line -> line.key().equals(key)).findFirst();
    }

    /** A line of the cost plan. */
    public record CostLine(String key, String label) {
    }
}
