package de.grantflow.letters;

/** A letter to render: header and body. */
public record LetterContent(LetterHeader header, LetterBody body) {
}
