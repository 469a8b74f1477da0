package de.grantflow.programme;

/** The granting authority: the letterhead of every letter and the court its decisions name. */
public record Authority(String key, String name, String unit, String street, String postalCode, String city, String phone,
        String email, String website, String clerkName, Court court) {
}
