package de.grantflow.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The characters of European names and of German official letters: Latin with every extension, Greek, Cyrillic,
 * combining accents, punctuation, currency, arrows and mathematical signs. A font cut down to them has a third of
 * DejaVu's glyphs, and PDFBox reads the widths of every glyph a font has for each letter it embeds it in.
 */
final class EuropeanScripts {

    /** First and last code point of each block, inclusive. */
    private static final int[][] BLOCKS = {
            {0x0020, 0x007E}, // Basic Latin
            {0x00A0, 0x024F}, // Latin-1 Supplement, Latin Extended-A and -B
            {0x0250, 0x036F}, // IPA, spacing modifiers, combining diacritical marks
            {0x0370, 0x03FF}, // Greek
            {0x0400, 0x052F}, // Cyrillic and its supplement
            {0x1E00, 0x1FFF}, // Latin Extended Additional, Greek Extended
            {0x2000, 0x206F}, // General Punctuation
            {0x20A0, 0x20CF}, // Currency Symbols
            {0x2100, 0x21FF}, // Letterlike Symbols, Number Forms, Arrows
            {0x2200, 0x22FF}, // Mathematical Operators
            {0x25A0, 0x25FF}, // Geometric Shapes
            {0xFFFD, 0xFFFD}, // the replacement character
    };

    private static final BitSet CODE_POINTS = new BitSet(0x10000);

    static {
        for (int[] block : BLOCKS) {
            CODE_POINTS.set(block[0], block[1] + 1);
        }
    }

    private EuropeanScripts() {
    }

    /** Whether every character of the text is one of the European scripts' (line breaks and tabs count as space). */
    static boolean covers(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c) || c >= 0x0250 && !CODE_POINTS.get(c)) {
                return false;
            }
        }
        return true;
    }

    /** The font with only the glyphs of these scripts, as a TrueType file PDFBox can embed and subset again. */
    static byte[] cut(byte[] font) {
        try {
            TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(font));
            TTFSubsetter subsetter = new TTFSubsetter(parsed);
            CODE_POINTS.stream().forEach(subsetter::add);
            ByteArrayOutputStream out = new ByteArrayOutputStream(font.length / 2);
            subsetter.writeToStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Schrift nicht zuschneidbar", e);
        }
    }
}
