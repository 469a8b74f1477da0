package de.grantflow.programme;

/** The keys of the programme's DMN decisions. */
public record Rules(String eligibility, String amount) {
}
