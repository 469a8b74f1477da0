package de.grantflow.programme;

import de.grantflow.calendar.FederalState;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A grant programme as its descriptor in programmes/ defines it. */
public record Programme(String key, String name, String shortName, String referencePrefix, FederalState state,
        LegalBasis legalBasis, Authority authority, String applicationForm, Rules rules, Financing financing,
        Set<String> eligibleKinds, Priorities priorities, List<Call> calls, Deadlines deadlines,
        LetterTexts letterTexts, FundingTerms funding, EvaluationTerms evaluation, Retention retention) {

    /** The call whose application window contains the day, if any. */
    public Optional<Call> openCall(LocalDate day) {
        return calls.stream().filter(call -> call.isOpenOn(day)).findFirst();
    }
}
