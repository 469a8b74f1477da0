package de.grantflow.letters;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.slf4j.Slf4jLogger;
import com.openhtmltopdf.util.XRLog;
import de.grantflow.money.Euro;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a letter from its HTML template to PDF/A-2u with embedded fonts that cover names from all over Europe.
 * Fonts, colour profile and template engine (Spring EL) are prepared once; each letter only lays out and writes.
 */
@Component
class LetterRenderer {

    private static final Logger log = LoggerFactory.getLogger(LetterRenderer.class);

    /** Characters XML 1.0 does not allow, which escaping leaves as they are. */
    private static final java.util.regex.Pattern NOT_IN_XML = java.util.regex.Pattern.compile(
            "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]");


    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    /** TrueType table tags: the glyph substitution table, and the name it is hidden under. */
    private static final int GSUB = 0x47535542;
    private static final int HIDDEN_GSUB = 0x67737562;

    static {
        pinXmlFactories();
        // openhtmltopdf wrote five INFO lines per document to its own console handler, behind one lock for all threads
        XRLog.setLoggerImpl(new Slf4jLogger());
    }

    private final SpringTemplateEngine templates;
    private final byte[] colourProfile;
    /** DejaVu cut down to the European scripts: what nearly every letter is written in. */
    private final FontPool european;
    /** All of DejaVu, for the rare letter with a character outside the European scripts. */
    private final FontPool complete;
    /** Sets letters the template wrote in its plain parts without the HTML renderer. */
    private final PlainLetterWriter plain;

    LetterRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("letters/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        templates = new SpringTemplateEngine();
        templates.setTemplateResolver(resolver);
        byte[] regular = withoutGlyphSubstitution(resource("fonts/DejaVuSans.ttf"));
        byte[] bold = withoutGlyphSubstitution(resource("fonts/DejaVuSans-Bold.ttf"));
        complete = new FontPool(regular, bold);
        european = new FontPool(EuropeanScripts.cut(regular), EuropeanScripts.cut(bold));
        colourProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        Fonts measured = european.borrow();
        plain = new PlainLetterWriter(measured.regular(), measured.bold(), colourProfile);
        european.giveBack(measured);
    }

    /**
     * A letter in European scripts that uses only the template's plain parts (every procedural letter, calculation
     * tables included) is set directly with PDFBox; any other goes through openhtmltopdf, and so does a
     * letter the plain writer fails on: a step's letter must not fail for the faster way of setting it.
     */
    byte[] render(LetterContent content) {
        String html = printable(html(content));
        if (EuropeanScripts.covers(html)) {
            Optional<PlainLetter> letter = PlainLetter.read(html);
            if (letter.isPresent()) {
                Fonts fonts = european.borrow();
                Optional<byte[]> pdf;
                try {
                    pdf = plain.write(letter.get(), fonts.regular(), fonts.bold());
                } catch (RuntimeException e) {
                    // the fonts are not given back: the failure may have left them half read
                    log.warn("Schreiben {} über den HTML-Weg gesetzt: {}", letter.get().title(), e.toString(), e);
                    return pdf(html);
                }
                european.giveBack(fonts);
                if (pdf.isPresent()) {
                    return pdf.get();
                }
            }
        }
        return pdf(html);
    }

    /** The letter through the HTML renderer, as every letter was before the plain writer: for tests to compare. */
    byte[] renderAsHtml(LetterContent content) {
        return pdf(html(content));
    }

    /** Any other document from a template in letters/, with the same fonts and PDF/A conformance as the letters. */
    byte[] renderDocument(String template, Map<String, Object> variables) {
        Context context = new Context();
        context.setVariables(variables);
        context.setVariable("f", new Formats());
        return pdf(templates.process(template, context));
    }

    private byte[] pdf(String template) {
        String html = printable(template);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        FontPool pool = EuropeanScripts.covers(html) ? european : complete;
        Fonts fonts = pool.borrow();
        try (PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.usePdfAConformance(PdfAConformance.PDFA_2_U);
            builder.useColorProfile(colourProfile);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, fonts.regular(), true)), "DejaVu Sans",
                    400, FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, fonts.bold(), true)), "DejaVu Sans",
                    700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Schreiben konnte nicht erzeugt werden", e);
        } finally {
            pool.giveBack(fonts);
        }
        return out.toByteArray();
    }

    /** A parsed pair of fonts: parsing 700 KB of TrueType per letter was the renderer's largest cost. */
    private record Fonts(TrueTypeFont regular, TrueTypeFont bold) {
    }

    /** Parsed fonts not in use; parsed fonts are not thread-safe, so each rendering borrows a pair. */
    private record FontPool(byte[] regular, byte[] bold, Queue<Fonts> idle) {

        FontPool(byte[] regular, byte[] bold) {
            this(regular, bold, new ConcurrentLinkedQueue<>());
        }

        Fonts borrow() {
            Fonts fonts = idle.poll();
            return fonts != null ? fonts : new Fonts(parse(regular), parse(bold));
        }

        void giveBack(Fonts fonts) {
            idle.offer(fonts);
        }

        private static TrueTypeFont parse(byte[] font) {
            try {
                return new TTFParser().parse(new RandomAccessReadBuffer(font));
            } catch (IOException e) {
                throw new UncheckedIOException("Schrift nicht lesbar", e);
            }
        }
    }

    /**
     * Hides DejaVu's glyph substitution table (GSUB) from PDFBox by renaming its tag: applying it to every string cost a
     * tenth of the rendering time and only forms ligatures, which European names do not need and which make copied or
     * searched text differ from what was written. The embedded subsets never contain the table anyway.
     */
    static byte[] withoutGlyphSubstitution(byte[] font) {
        ByteBuffer tables = ByteBuffer.wrap(font);
        int count = Short.toUnsignedInt(tables.getShort(4));
        for (int table = 0; table < count; table++) {
            int entry = 12 + 16 * table;
            if (tables.getInt(entry) == GSUB) {
                tables.putInt(entry, HIDDEN_GSUB);
            }
        }
        return font;
    }

    /**
     * What a user typed reaches the letter escaped by the template, but control characters pass escaping and are not
     * allowed in the XHTML the renderer parses: they are dropped, so that no input can stop a letter.
     */
    static String printable(String html) {
        for (int i = 0; i < html.length(); i++) {
            if (!allowedInXml(html.charAt(i))) {
                return NOT_IN_XML.matcher(html).replaceAll("");
            }
        }
        // nearly every letter: a scan without the pattern (its search was 5 % of a receipt's CPU)
        return html;
    }

    /** The complement of {@link #NOT_IN_XML}, one character at a time. */
    private static boolean allowedInXml(char c) {
        return c >= 0x20 ? c != 0x7F && c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
    }

    String html(LetterContent content) {
        Context context = new Context();
        context.setVariables(Map.of(
                "h", content.header(),
                "b", content.body(),
                "kind", content.body().getClass().getSimpleName(),
                "title", content.body().type().germanTitle(),
                "f", new Formats()));
        return templates.process("letter", context);
    }

    /**
     * PDFBox and openhtmltopdf ask JAXP for new XML factories for every document; without a configured implementation
     * each request scans the META-INF/services of every jar on the class path (a fifth of all CPU in the benchmark).
     * Naming the JDK's own implementations, which JAXP would choose anyway, skips the scan.
     */
    private static void pinXmlFactories() {
        pin("javax.xml.transform.TransformerFactory", TransformerFactory.newDefaultInstance());
        pin("javax.xml.parsers.DocumentBuilderFactory", DocumentBuilderFactory.newDefaultInstance());
        pin("javax.xml.parsers.SAXParserFactory", SAXParserFactory.newDefaultInstance());
    }

    private static void pin(String property, Object defaultFactory) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, defaultFactory.getClass().getName());
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Ressource " + path + " fehlt", e);
        }
    }

    /** Formatting for the templates. */
    public static final class Formats {

        public String date(LocalDate day) {
            return day == null ? "" : GERMAN_DATE.format(day);
        }

        public String euro(BigDecimal amount) {
            return amount == null ? "" : Euro.format(amount);
        }

        /** An amount in millions of euros with one decimal, as programme reports give it: 14,7. */
        public String millions(BigDecimal value) {
            return value == null ? "–" : value.movePointLeft(6).setScale(1, java.math.RoundingMode.HALF_UP)
                    .toPlainString().replace('.', ',');
        }

        /** A bar's length in millimetres for a value against the largest one (at most {@code full} mm). */
        public String bar(long value, long max, int full) {
            return Math.max(0.5, max == 0 ? 0 : value * (double) full / max) + "mm";
        }

        /** A rate or share in German notation: 6,27 %. */
        public String percent(BigDecimal value) {
            return value == null ? "–" : value.toPlainString().replace('.', ',') + " %";
        }

        /** The Rechtsbehelfsbelehrung: in NRW and BW the remedy is an action at the administrative court. */
        public String remedy(Court court) {
            return "Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage erhoben werden. Die Klage"
                    + " ist bei dem " + court.name() + ", " + court.street() + ", " + court.postalCode() + " "
                    + court.city() + ", schriftlich oder zur Niederschrift des Urkundsbeamten der Geschäftsstelle"
                    + " zu erheben.";
        }
    }
}
