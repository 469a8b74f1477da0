package de.grantflow.letters;

import java.io.IOException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;

/** PDF/A validation and text extraction for tests outside this package. */
public final class PdfA {

    private PdfA() {
    }

    public static void assertValid(byte[] pdf) {
        VeraGreenfieldFoundryProvider.initialise();
        try {
            LetterRendererTest.assertPdfA(pdf);
        } catch (Exception e) {
            throw new AssertionError("PDF/A-Prüfung nicht möglich", e);
        }
    }

    public static String text(byte[] pdf) {
        try {
            return LetterRendererTest.text(pdf);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
