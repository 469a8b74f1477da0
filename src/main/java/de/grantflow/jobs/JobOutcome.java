package de.grantflow.jobs;

/** What finished work leaves: a German message and, for reports and exports, a file to download. */
public record JobOutcome(String message, byte[] file, String contentType, String fileName) {

    public static JobOutcome message(String message) {
        return new JobOutcome(message, null, null, null);
    }

    public static JobOutcome file(String message, byte[] file, String contentType, String fileName) {
        return new JobOutcome(message, file, contentType, fileName);
    }
}
