package de.grantflow.application;

/** The Aktenzeichen of a case, e.g. {@code KIN-2026-000042}: programme prefix, year of creation, running number. */
public record ApplicationReference(String value) {

    static ApplicationReference of(String prefix, int year, long number) {
        return new ApplicationReference("%s-%d-%06d".formatted(prefix, year, number));
    }

    @Override
    public String toString() {
        return value;
    }
}
