package de.grantflow.letters;

/** A stored letter with its bytes, for download. */
public record LetterFile(StoredLetter letter, byte[] content) {

    public String fileName() {
        return letter.type().germanTitle().replaceAll("[^A-Za-zÄÖÜäöüß0-9]+", "-") + "-" + letter.id() + ".pdf";
    }
}
