package de.grantflow.dashboard;

import de.grantflow.statistics.ProgrammeStatistics;
import de.grantflow.statistics.ProgrammeStatistics.Totals;
import java.util.List;

/** How many applications of the years reached a step of the procedure. */
record FunnelStep(String key, long cases) {

    /**
     * Payouts and checked proofs are counted by the cases that completed the stage ending in them: the statistics keep
     * no count of their own for these steps, and a case completes the stage exactly when it reaches the step.
     */
    static List<FunnelStep> of(ProgrammeStatistics statistics) {
        Totals totals = statistics.totals();
        return List.of(new FunnelStep("applied", totals.applications()),
                new FunnelStep("eligible", totals.eligible()),
                new FunnelStep("approved", totals.approved()),
                new FunnelStep("paid", statistics.durations().get("decisionToFirstPayout").cases()),
                new FunnelStep("checked", statistics.durations().get("proofDueToProofChecked").cases()));
    }
}
