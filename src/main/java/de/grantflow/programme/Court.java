package de.grantflow.programme;

/** The administrative court (Verwaltungsgericht) competent for the programme's decisions. */
public record Court(String name, String street, String postalCode, String city) {
}
