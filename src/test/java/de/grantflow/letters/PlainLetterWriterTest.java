package de.grantflow.letters;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.letters.LetterBody.ChangeDecision;
import de.grantflow.letters.LetterBody.CheckNote;
import de.grantflow.letters.LetterBody.EvaluationSheet;
import de.grantflow.letters.LetterBody.GrantDecision;
import de.grantflow.letters.LetterBody.Receipt;
import de.grantflow.letters.LetterBody.RecoveryDecision;
import de.grantflow.letters.LetterBody.Rejection;
import de.grantflow.letters.LetterBody.UnusedFundsReminder;
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

        boolean calculationTable = body instanceof ChangeDecision || body instanceof CheckNote
                || body instanceof EvaluationSheet || body instanceof RecoveryDecision
                || body instanceof UnusedFundsReminder reminder && reminder.interest() != null;
        assertThat(producer(pdf)).isEqualTo(calculationTable ? "openhtmltopdf.com" : "grantflow");
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
        int pages;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    positions.stream().filter(p -> p.getFontSizeInPt() == 10).forEach(body::add);
                }
            };
            stripper.getText(document);
        }
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
                List.of("Die ANBest-G sind Bestandteil dieses Bescheides."), LetterRendererTest.COURT, false, null)));

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
