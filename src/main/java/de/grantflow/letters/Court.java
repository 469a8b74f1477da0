package de.grantflow.letters;

/** The administrative court named in the Rechtsbehelfsbelehrung. */
public record Court(String name, String street, String postalCode, String city) {
}
