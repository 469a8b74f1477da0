package de.grantflow.letters;

/** The authority that writes: letterhead, footer and the clerk who signs. */
public record Sender(String authorityName, String unit, String street, String postalCode, String city, String phone,
        String email, String website, String clerkName) {
}
