package de.grantflow.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A case as the statistics count it. {@code year} is the year of submission (null for a draft, which counts nowhere);
 * {@code outcome} is approved, rejected, lapsed, withdrawn or pending; {@code stage} is set while the case is open.
 */
record StatRow(String caseKey, UUID applicationId, String programmeKey, Integer year, String ags, String kreis,
        String regierungsbezirk, String kind, String priority, String outcome, Boolean eligible, BigDecimal requested,
        BigDecimal granted, BigDecimal paid, BigDecimal recovered, LocalDate submittedOn, LocalDate decidedOn,
        LocalDate firstPayoutOn, LocalDate proofDueOn, LocalDate proofCheckedOn, String stage, LocalDate stageSince,
        LocalDate nextDue, String reviewer, boolean historic) {

    static final String APPROVED = "approved";
    static final String REJECTED = "rejected";
    static final String LAPSED = "lapsed";
    static final String WITHDRAWN = "withdrawn";
    static final String PENDING = "pending";

    boolean counts() {
        return year != null;
    }

    boolean approved() {
        return APPROVED.equals(outcome);
    }

    /** The dimensions of the breakdowns, with this case's value in each. */
    Map<String, String> dimensions() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("regierungsbezirk", regierungsbezirk);
        values.put("kreis", kreis);
        values.put("kind", kind);
        values.put("priority", priority);
        return values;
    }

    /** The stage durations in days that this case has completed. */
    Map<String, Integer> durations() {
        Map<String, Integer> days = new LinkedHashMap<>();
        put(days, "submissionToDecision", submittedOn, decidedOn);
        put(days, "decisionToFirstPayout", decidedOn, firstPayoutOn);
        put(days, "proofDueToProofChecked", proofDueOn, proofCheckedOn);
        return days;
    }

    private static void put(Map<String, Integer> days, String stage, LocalDate from, LocalDate to) {
        if (from != null && to != null) {
            days.put(stage, (int) Math.max(0, ChronoUnit.DAYS.between(from, to)));
        }
    }
}
