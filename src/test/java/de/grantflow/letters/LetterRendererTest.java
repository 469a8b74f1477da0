package de.grantflow.letters;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.letters.LetterBody.DocumentRequest;
import de.grantflow.letters.LetterBody.GrantDecision;
import de.grantflow.letters.LetterBody.Hearing;
import de.grantflow.letters.LetterBody.ChangeDecision;
import de.grantflow.letters.LetterBody.EarlyStartConsent;
import de.grantflow.letters.LetterBody.EarlyStartDecision;
import de.grantflow.letters.LetterBody.CheckNote;
import de.grantflow.letters.LetterBody.ClosingNotice;
import de.grantflow.letters.LetterBody.CostPlanRow;
import de.grantflow.letters.LetterBody.Dunning;
import de.grantflow.letters.LetterBody.EvaluationSheet;
import de.grantflow.letters.LetterBody.IndicatorValue;
import de.grantflow.letters.LetterBody.InterestLine;
import de.grantflow.letters.LetterBody.InterestStatement;
import de.grantflow.letters.LetterBody.Lapse;
import de.grantflow.letters.LetterBody.PayoutNotice;
import de.grantflow.letters.LetterBody.ProofLine;
import de.grantflow.letters.LetterBody.RecoveryDecision;
import de.grantflow.letters.LetterBody.RecoveryHearing;
import de.grantflow.letters.LetterBody.UnusedFundsReminder;
import de.grantflow.letters.LetterBody.Receipt;
import de.grantflow.letters.LetterBody.Rejection;
import de.grantflow.letters.LetterBody.Reminder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.core.EncryptedPdfException;
import org.verapdf.core.ModelParsingException;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Every kind of letter renders to valid PDF/A with searchable text, names with diacritics included. */
class LetterRendererTest {

    static final String NAME = "Ștefan Țăran-Łukasz Čapek-Ősz";
    static final Court COURT = new Court("Verwaltungsgericht Arnsberg", "Jägerstraße 1", "59821", "Arnsberg");
    static final LetterRenderer renderer = new LetterRenderer();

    @BeforeAll
    static void initialiseVeraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    static Stream<LetterBody> bodies() {
        LocalDate due = LocalDate.of(2026, 4, 7);
        BigDecimal requested = new BigDecimal("40000.00");
        return Stream.of(
                new Receipt(LocalDate.of(2026, 3, 2), requested),
                new DocumentRequest(List.of("Kosten- und Finanzierungsplan", "Ratsbeschluss"), due),
                new Reminder("die angeforderten Unterlagen (Ratsbeschluss)", due),
                new Hearing("Ihnen statt der beantragten 40.000,00 EUR nur 25.000,00 EUR zu bewilligen",
                        List.of("Die Personalausgaben sind überhöht."), requested, new BigDecimal("25000"), due),
                new GrantDecision("Stadt Dortmund", new BigDecimal("40000"), "Durchführung des Projekts „Lotsen“",
                        LocalDate.of(2026, 6, 1), LocalDate.of(2027, 5, 31), "Anteilfinanzierung in Höhe von 80 %",
                        new BigDecimal("80000"), "§§ 23, 44 LHO NRW", "Auszahlung auf Anforderung.",
                        List.of("Die ANBest-G sind Bestandteil dieses Bescheides."), COURT, false, null,
                        new EarlyStartConsent(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 20))),
                new Rejection("§§ 23, 44 LHO NRW", List.of("Nicht antragsberechtigt."), COURT),
                new Lapse(List.of("Ratsbeschluss"), due),
                new EarlyStartDecision(true, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 2), "Lotsen",
                        "Der Zeitplan ist schlüssig.", "§§ 23, 44 LHO NRW", COURT),
                new EarlyStartDecision(false, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 2), "Lotsen",
                        "Eine Dringlichkeit ist nicht dargelegt.", "§§ 23, 44 LHO NRW", COURT),
                new PayoutNotice(1, new BigDecimal("15000"), LocalDate.of(2026, 6, 2), "Honorare der Lotsen",
                        new BigDecimal("40000"), new BigDecimal("15000"), new BigDecimal("25000"),
                        LocalDate.of(2026, 8, 2)),
                new UnusedFundsReminder(1, LocalDate.of(2026, 6, 2), new BigDecimal("15000"),
                        new BigDecimal("5000"), LocalDate.of(2026, 8, 2), INTEREST),
                new UnusedFundsReminder(2, LocalDate.of(2026, 6, 2), new BigDecimal("15000"),
                        new BigDecimal("5000"), LocalDate.of(2026, 8, 2), null),
                new Dunning("Zwischennachweis für das Jahr 2026", LocalDate.of(2027, 4, 30),
                        LocalDate.of(2027, 5, 17)),
                new ChangeDecision(true, List.of("Ende des Bewilligungszeitraums: 31.05.2027 → 31.08.2027"),
                        "Die Verzögerung ist nicht zu vertreten.", LocalDate.of(2027, 8, 31),
                        List.of(new CostPlanRow("Personalausgaben", new BigDecimal("40000"), new BigDecimal("54000"))),
                        "§ 49 VwVfG", COURT),
                new CheckNote(true, List.of(new ProofLine("Ausgaben insgesamt", new BigDecimal("60000"),
                        new BigDecimal("50000"), new BigDecimal("83.3"), new BigDecimal("4000"), "Bewirtung")),
                        List.of(new ProofLine("Eigenanteil", new BigDecimal("30000"), new BigDecimal("20000"),
                                new BigDecimal("66.7"), BigDecimal.ZERO, null)),
                        new BigDecimal("60000"), new BigDecimal("50000"), new BigDecimal("46000"),
                        new BigDecimal("30000"), new BigDecimal("23000"), new BigDecimal("30000"),
                        new BigDecimal("7000"), true, "Geprüft."),
                new ClosingNotice(new BigDecimal("30000"), new BigDecimal("30000"), new BigDecimal("30000"),
                        BigDecimal.ZERO, "Es ergibt sich keine Erstattung."),
                new EvaluationSheet(List.of(new IndicatorValue("Erreichte Personen", 412)), "überwiegend",
                        "Früh mit den Vereinen sprechen.", "überwiegend", "Ziele weitgehend erreicht.", "pruefer"),
                new RecoveryHearing(new BigDecimal("7000"), List.of("Bewirtung nicht zuwendungsfähig"), due),
                new RecoveryDecision(new BigDecimal("30000"), new BigDecimal("23000"), new BigDecimal("30000"),
                        new BigDecimal("7000"), List.of("Bewirtung nicht zuwendungsfähig"), INTEREST,
                        LocalDate.of(2027, 7, 15), "§§ 49 Abs. 3, 49a VwVfG", COURT));
    }

    static final InterestStatement INTEREST = new InterestStatement(List.of(
            new InterestLine(LocalDate.of(2026, 4, 11), LocalDate.of(2026, 6, 30), 81, 365, new BigDecimal("1.27"),
                    new BigDecimal("6.27"), new BigDecimal("7000"), new BigDecimal("97.40")),
            new InterestLine(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31), 184, 365, new BigDecimal("1.50"),
                    new BigDecimal("6.50"), new BigDecimal("7000"), new BigDecimal("229.37"))),
            new BigDecimal("326.77"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void rendersSearchableArchivalPdf(LetterBody body) throws Exception {
        byte[] pdf = renderer.render(new LetterContent(header(), body));
        Path artefacts = Files.createDirectories(Path.of("target", "letters"));
        Files.write(artefacts.resolve(body.getClass().getSimpleName() + (body instanceof UnusedFundsReminder r
                && r.interest() == null ? "-ohne-Zinsbetrag" : "") + (body instanceof EarlyStartDecision e
                && !e.approved() ? "-Ablehnung" : "") + ".pdf"), pdf);

        String text = text(pdf);
        assertThat(text).contains(body.type().germanTitle(), "KIN-2026-000042", "Bezirksregierung Arnsberg",
                "Stadt Dortmund", NAME, "Datum", "Unser Zeichen");
        if (body instanceof GrantDecision || body instanceof Rejection || body instanceof ChangeDecision
                || body instanceof RecoveryDecision || body instanceof EarlyStartDecision) {
            assertThat(text).contains("Rechtsbehelfsbelehrung", "Klage", "Verwaltungsgericht Arnsberg",
                    "innerhalb eines Monats").doesNotContain("Widerspruch");
        }
        if (body instanceof GrantDecision) {
            assertThat(text).contains("I. Bewilligung", "40.000,00 EUR", "01.06.2026", "31.05.2027",
                    "2. Finanzierungsart", "3. Zuwendungsfähige Gesamtausgaben", "4. Auszahlung",
                    "II. Nebenbestimmungen", "III. Rechtsbehelfsbelehrung", "80.000,00 EUR",
                    "Dem vorzeitigen Beginn des Vorhabens", "01.04.2026", "20.03.2026");
        }
        if (body instanceof RecoveryDecision || body instanceof UnusedFundsReminder r && r.interest() != null) {
            assertThat(text).contains("11.04.2026 – 30.06.2026", "81/365", "6,27 %", "97,40 EUR", "326,77 EUR");
        }
        if (body instanceof CheckNote) {
            assertThat(text).contains("Ausgaben insgesamt", "60.000,00 EUR", "83,3 %", "Bewirtung", "7.000,00 EUR",
                    "Eigenanteil", "66,7 %",
                    "46.000,00 EUR");
        }
        if (body instanceof EarlyStartDecision e) {
            assertThat(text).contains("„Lotsen“", "01.04.2026", "02.03.2026", e.reasons())
                    .contains(e.approved() ? "keine Zusage einer Zuwendung" : "lehne ich ab");
        }
        if (body instanceof Hearing) {
            assertThat(text).contains("§ 28", "07.04.2026");
        }
        assertEmbeddedFonts(pdf);
        assertPdfA(pdf);
    }

    /** Every character XML 1.0 forbids is dropped before the letter is parsed, every other one kept. */
    @Test
    void dropsExactlyTheCharactersXmlForbids() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            boolean forbidden = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F || c == 0xFFFE;
            assertThat(LetterRenderer.printable("a" + c + "b")).as("U+%04X", (int) c)
                    .isEqualTo(forbidden ? "ab" : "a" + c + "b");
        }
        assertThat(LetterRenderer.printable("a\uFFFFb\u0000c")).isEqualTo("abc");
    }

    /**
     * Letters are set in DejaVu cut down to the European scripts; a letter with any other character DejaVu has, such as
     * an Armenian or Hebrew name, is set in the whole font, and one DejaVu lacks still renders.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("namesBeyondEurope")
    void rendersNamesBeyondTheEuropeanScripts(String name, boolean inDejaVu) throws Exception {
        LetterHeader european = header();
        LetterHeader header = new LetterHeader(european.sender(), List.of("Stadt Dortmund", "z. Hd. " + name,
                "Friedensplatz 1", "44135 Dortmund"), european.reference(), european.applicationDate(),
                european.date(), european.programmeName(), european.projectTitle());
        byte[] pdf = renderer.render(new LetterContent(header, new Receipt(LocalDate.of(2026, 3, 2),
                new BigDecimal("40000"))));
        assertThat(EuropeanScripts.covers(name)).isFalse();
        if (inDejaVu) {
            assertThat(text(pdf)).contains(name);
        }
        assertEmbeddedFonts(pdf);
        assertPdfA(pdf);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> namesBeyondEurope() {
        return Stream.of(org.junit.jupiter.params.provider.Arguments.of("Արամ Խաչատրյան", true),
                org.junit.jupiter.params.provider.Arguments.of("ქეთევან", true),
                org.junit.jupiter.params.provider.Arguments.of("王小明", false));
    }

    static LetterHeader header() {
        Sender sender = new Sender("Bezirksregierung Arnsberg", "Dezernat 36", "Seibertzstraße 1", "59821",
                "Arnsberg", "02931 82-0", "kommin@bra.nrw.de", "www.bra.nrw.de", "Peter Prüfer");
        return new LetterHeader(sender, List.of("Stadt Dortmund", "z. Hd. " + NAME, "Friedensplatz 1",
                "44135 Dortmund"), "KIN-2026-000042", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 10),
                "KOMM-IN NRW", "Lotsen <script>alert(1)</script>");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static void assertEmbeddedFonts(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                }
            }
        }
    }

    static void assertPdfA(byte[] pdf) throws ModelParsingException, EncryptedPdfException, ValidationException,
            IOException {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf));
                PDFAValidator validator = Foundries.defaultInstance().createValidator(parser.getFlavour(), false)) {
            assertThat(parser.getFlavour()).as("declared in the XMP metadata").isEqualTo(PDFAFlavour.PDFA_2_U);
            ValidationResult result = validator.validate(parser);
            String failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
                    .map(a -> a.getRuleId().getClause() + " " + a.getMessage())
                    .distinct().collect(Collectors.joining("\n"));
            assertThat(result.isCompliant()).as("PDF/A violations:\n" + failures).isTrue();
        }
    }
}
