package de.grantflow.letters;

import java.time.LocalDate;
import java.util.List;

/** What every letter has: sender, recipient, Aktenzeichen, the dates and the matter. */
public record LetterHeader(Sender sender, List<String> recipientAddress, String reference, LocalDate applicationDate,
        LocalDate date, String programmeName, String projectTitle) {
}
