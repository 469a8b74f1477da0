package de.grantflow.programme;

/** The legal basis a Bescheid cites: the Förderrichtlinie and the budget law. */
public record LegalBasis(String directive, String citation) {
}
