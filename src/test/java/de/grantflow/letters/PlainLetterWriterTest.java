package de.grantflow.letters;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.letters.LetterBody.CheckNote;
import de.grantflow.letters.LetterBody.GrantDecision;
import de.grantflow.letters.LetterBody.ProofLine;
import de.grantflow.letters.LetterBody.Receipt;
import de.grantflow.letters.LetterBody.Rejection;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;

/**
 * Letters made of the template's plain parts are set directly with PDFBox ({@link PlainLetterWriter}); the others
 * still go through the HTML renderer. Either way a letter says the same and is valid PDF/A.
 */
class PlainLetterWriterTest {

    static final float MM = 72f / 25.4f;
    static final LetterRenderer renderer = LetterRendererTest.renderer;

    @BeforeAll
    static void initialiseVeraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.grantflow.letters.LetterRendererTest#bodies")
    void setsPlainLettersDirectlyWithTheTextTheHtmlRendererSets(LetterBody body) throws IOException {
        LetterContent content = new LetterContent(LetterRendererTest.header(), body);

        byte[] pdf = renderer.render(content);

        assertThat(producer(pdf)).isEqualTo("grantflow");
        // the HTML renderer paints a line's spans after its text, so only the characters can be compared
        assertThat(characters(LetterRendererTest.text(pdf)))
                .isEqualTo(characters(LetterRendererTest.text(renderer.renderAsHtml(content))));
    }

    @Test
    void breaksLongLettersIntoPagesAndLinesWithinTheMargins() throws Exception {
        List<String> reasons = new ArrayList<>(IntStream.rangeClosed(1, 40).mapToObj(n -> "Grund " + n
                + ": Die im Kosten- und Finanzierungsplan angesetzten Ausgaben für Honorare und Sachmittel sind"
                + " nicht hinreichend belegt und übersteigen die Obergrenze der Förderrichtlinie.").toList());
        reasons.add("Belegnummern: " + "KIN-2026-000042/".repeat(30));
        LetterContent content = new LetterContent(LetterRendererTest.header(),
                new Rejection("§§ 23, 44 LHO NRW", reasons, LetterRendererTest.COURT));

        byte[] pdf = renderer.render(content);

        assertThat(producer(pdf)).isEqualTo("grantflow");
        List<TextPosition> body = new ArrayList<>();
        int pages = glyphs(pdf, (page, glyph) -> {
            if (glyph.getFontSizeInPt() == 10) {
                body.add(glyph);
            }
        });
        assertThat(pages).isGreaterThanOrEqualTo(3);
        String text = LetterRendererTest.text(pdf);
        assertThat(text).contains("Seite 1 von " + pages, "Seite " + pages + " von " + pages, "Grund 40",
                "Rechtsbehelfsbelehrung", "Mit freundlichen Grüßen");
        assertThat(body).allSatisfy(glyph -> {
            assertThat(glyph.getXDirAdj()).isGreaterThanOrEqualTo(19.9f * MM);
            assertThat(glyph.getXDirAdj() + glyph.getWidthDirAdj()).isLessThanOrEqualTo(190.1f * MM);
            assertThat(glyph.getYDirAdj()).isLessThanOrEqualTo(270 * MM);
        });
        assertThat(characters(text)).isEqualTo(characters(LetterRendererTest.text(renderer.renderAsHtml(content))));
        LetterRendererTest.assertPdfA(pdf);
    }

    /**
     * A Prüfvermerk with 90 lines of expenditure: its calculation table runs over pages, row by row, within the
     * margins, every figure of a column ends at the same right edge, and the head stays with the first row.
     */
    @Test
    void setsLongCalculationTablesOverPagesWithTheirFiguresAligned() throws Exception {
        List<ProofLine> lines = IntStream.rangeClosed(1, 90).mapToObj(n -> new ProofLine("Honorare Lotse " + n,
                new BigDecimal(1_000 * n), new BigDecimal(900 * n), new BigDecimal("90.0"),
                n % 7 == 0 ? new BigDecimal(50 * n) : BigDecimal.ZERO, n % 7 == 0 ? "Beleg fehlt" : null)).toList();
        LetterContent content = new LetterContent(LetterRendererTest.header(), new CheckNote(true, lines,
                List.of(new ProofLine("Eigenanteil", new BigDecimal("30000"), new BigDecimal("20000"),
                        new BigDecimal("66.7"), BigDecimal.ZERO, null)), new BigDecimal("4095000"),
                new BigDecimal("3685500"), new BigDecimal("3675000"), new BigDecimal("30000"), new BigDecimal("23000"),
                new BigDecimal("30000"), new BigDecimal("7000"), true, "Geprüft."));

        byte[] pdf = renderer.render(content);

        assertThat(producer(pdf)).isEqualTo("grantflow");
        // 8 pt: the tables, and on the first page the reference block beside the address; rows by page and baseline
        java.util.Map<String, List<TextPosition>> rows = new java.util.TreeMap<>();
        int pages = glyphs(pdf, (page, glyph) -> {
            if (glyph.getFontSizeInPt() == 8 && (page > 1 || glyph.getYDirAdj() > 100 * MM)) {
                rows.computeIfAbsent(page + "/" + Math.round(glyph.getYDirAdj() * 10), k -> new ArrayList<>())
                        .add(glyph);
            }
        });
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(rows.values().stream().flatMap(List::stream)).allSatisfy(glyph -> {
            assertThat(glyph.getXDirAdj()).isGreaterThanOrEqualTo(24.9f * MM);
            assertThat(glyph.getXDirAdj() + glyph.getWidthDirAdj()).isLessThanOrEqualTo(190.1f * MM);
            assertThat(glyph.getYDirAdj()).isLessThanOrEqualTo(270 * MM);
        });
        // in each row of expenditure the planned amount, the first "EUR" from the left, ends at the column's edge
        List<Float> plannedEnds = new ArrayList<>();
        for (List<TextPosition> row : rows.values()) {
            List<TextPosition> glyphs = row.stream().sorted(java.util.Comparator.comparing(TextPosition::getXDirAdj))
                    .toList();
            String line = glyphs.stream().map(TextPosition::getUnicode).reduce("", String::concat);
            int eur = line.indexOf("EUR");
            if (line.startsWith("Honorare") && eur > 0 && line.length() == glyphs.size()) {
                TextPosition r = glyphs.get(eur + 2);
                plannedEnds.add(r.getXDirAdj() + r.getWidthDirAdj());
            }
        }
        assertThat(plannedEnds).hasSize(90);
        assertThat(plannedEnds.stream().mapToDouble(Float::doubleValue).max().orElseThrow()
                - plannedEnds.stream().mapToDouble(Float::doubleValue).min().orElseThrow()).isLessThan(0.5);
        String text = LetterRendererTest.text(pdf);
        assertThat(text).contains("Ausgabenposition", "Honorare Lotse 1 ", "Honorare Lotse 90", "Summe",
                "4.095.000,00 EUR", "Seite " + pages + " von " + pages);
        assertThat(characters(text)).isEqualTo(characters(LetterRendererTest.text(renderer.renderAsHtml(content))));
        LetterRendererTest.assertPdfA(pdf);
    }

    /** A calculation table wider than the page is not squeezed: the HTML renderer sets that letter. */
    @Test
    void leavesACalculationTableWiderThanThePageToTheHtmlRenderer() throws IOException {
        LetterContent content = new LetterContent(LetterRendererTest.header(), new CheckNote(false, List.of(
                new ProofLine("Honorare " + "für die Begleitung Neuzugewanderter ".repeat(6), new BigDecimal("60000"),
                        new BigDecimal("50000"), new BigDecimal("83.3"), BigDecimal.ZERO, null)), List.of(),
                new BigDecimal("60000"), new BigDecimal("50000"), new BigDecimal("50000"), new BigDecimal("30000"),
                new BigDecimal("30000"), new BigDecimal("30000"), BigDecimal.ZERO, true, "Geprüft."));

        byte[] pdf = renderer.render(content);

        assertThat(producer(pdf)).isEqualTo("openhtmltopdf.com");
        assertThat(LetterRendererTest.text(pdf)).contains("Prüfvermerk", "Honorare für die Begleitung");
    }

    @Test
    void numbersItsPagesWithDigitsTheTextDoesNotHave() throws Exception {
        Sender sender = new Sender("Bezirksregierung Arnsberg", "Dezernat 36", "Seibertzstraße 2", "59823",
                "Arnsberg", "02932 82-0", "kommin@bra.nrw.de", "www.bra.nrw.de", "Peter Prüfer");
        LetterHeader header = new LetterHeader(sender, List.of("Stadt Dortmund", "Friedensplatz 2", "44235 Dortmund"),
                "KIN-2026-000042", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 20), "KOMM-IN NRW", "Lotsen");
        LetterContent content = new LetterContent(header, new Receipt(LocalDate.of(2026, 3, 2),
                new BigDecimal("40000")));

        byte[] pdf = renderer.render(content);

        assertThat(producer(pdf)).isEqualTo("grantflow");
        String text = LetterRendererTest.text(pdf);
        assertThat(text).contains("Seite 1 von 1");
        assertThat(text.replace("Seite 1 von 1", "")).as("the letter's own text").doesNotContain("1");
        LetterRendererTest.assertPdfA(pdf);
    }

    @Test
    void leavesACharacterItsFontLacksToTheHtmlRenderer() throws IOException {
        LetterHeader header = LetterRendererTest.header();
        LetterHeader unassigned = new LetterHeader(header.sender(), header.recipientAddress(), header.reference(),
                header.applicationDate(), header.date(), header.programmeName(), "Projekt \u0378");
        assertThat(EuropeanScripts.covers("\u0378")).isTrue();

        byte[] pdf = renderer.render(new LetterContent(unassigned, new Receipt(LocalDate.of(2026, 3, 2),
                new BigDecimal("40000"))));

        assertThat(producer(pdf)).isEqualTo("openhtmltopdf.com");
        assertThat(LetterRendererTest.text(pdf)).contains("Eingangsbestätigung", "Projekt");
    }

    @Test
    void keepsTheSignatureTogether() throws IOException {
        byte[] pdf = renderer.render(new LetterContent(LetterRendererTest.header(), new GrantDecision(
                "Stadt Dortmund", new BigDecimal("40000"), "Durchführung des Projekts „Lotsen“",
                LocalDate.of(2026, 6, 1), LocalDate.of(2027, 5, 31), "Anteilfinanzierung in Höhe von 80 %",
                new BigDecimal("80000"), "§§ 23, 44 LHO NRW", "Auszahlung auf Anforderung.",
                List.of("Die ANBest-G sind Bestandteil dieses Bescheides."), LetterRendererTest.COURT, false, null, null)));

        // the letter fills page 1 up to where the HTML renderer left the signature's name alone on page 2
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(page(document, 1)).contains("Rechtsbehelfsbelehrung").doesNotContain("Mit freundlichen");
            assertThat(page(document, 2)).contains("Mit freundlichen Grüßen", "Im Auftrag", "Peter Prüfer");
        }
    }

    private static String page(PDDocument document, int number) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(number);
        stripper.setEndPage(number);
        return stripper.getText(document);
    }

    @Test
    void setsALetterInARecentSubsetWithItsCharactersAndCutsANewOneForOthers() throws Exception {
        LetterRenderer fresh = new LetterRenderer();
        byte[] first = fresh.render(receipt("Lotsen für Ärztinnen und Ärzte in Ümmingen"));
        byte[] second = fresh.render(receipt("Lotsen"));
        byte[] third = fresh.render(receipt("Lotsen ĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕ"));

        assertThat(fonts(second)).as("the first letter's subsets").isEqualTo(fonts(first));
        assertThat(fonts(third)).as("a subset of its own").isNotEqualTo(fonts(first));
        assertThat(LetterRendererTest.text(second)).contains("Vorhaben Lotsen\n");
        assertThat(LetterRendererTest.text(third)).contains("ĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕ");
        LetterRendererTest.assertPdfA(second);
        LetterRendererTest.assertPdfA(third);
    }

    private static LetterContent receipt(String projectTitle) {
        LetterHeader header = LetterRendererTest.header();
        return new LetterContent(new LetterHeader(header.sender(), header.recipientAddress(), header.reference(),
                header.applicationDate(), header.date(), header.programmeName(), projectTitle),
                new Receipt(LocalDate.of(2026, 3, 2), new BigDecimal("40000")));
    }

    /** The names of the fonts a letter embeds, subset tags included. */
    private static List<String> fonts(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> names = new ArrayList<>();
            for (var name : document.getPage(0).getResources().getFontNames()) {
                names.add(document.getPage(0).getResources().getFont(name).getName());
            }
            return names.stream().sorted().toList();
        }
    }

    /** Hands each glyph of the letter with its page number to {@code each}; returns the number of pages. */
    static int glyphs(byte[] pdf, java.util.function.BiConsumer<Integer, TextPosition> each) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    positions.forEach(glyph -> each.accept(getCurrentPageNo(), glyph));
                }
            };
            stripper.getText(document);
            return document.getNumberOfPages();
        }
    }

    static String producer(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getDocumentInformation().getProducer();
        }
    }

    /** The characters of a text in order of their code, white space left out. */
    static String characters(String text) {
        return text.codePoints().filter(c -> !Character.isWhitespace(c)).sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
