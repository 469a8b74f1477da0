package de.grantflow.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploadInspectionTest {

    private static final long MB = 1024 * 1024;

    private final UploadInspection inspection = new UploadInspection(10 * MB, 50 * MB, 100);

    @Test
    void takesPdfImagesAndOfficeDocumentsByTheirContent() {
        assertThat(inspection.inspect("antrag.pdf", SampleFiles.pdf())).isEqualTo("application/pdf");
        assertThat(inspection.inspect("scan", SampleFiles.pdf())).as("no name needed").isEqualTo("application/pdf");
        assertThat(inspection.inspect("foto.png", SampleFiles.png())).isEqualTo("image/png");
        assertThat(inspection.inspect("kostenplan.docx", SampleFiles.docx()))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void refusesAProgramOrTextThatCallsItselfPdf() {
        assertThatThrownBy(() -> inspection.inspect("rechnung.pdf", SampleFiles.windowsProgram()))
                .isInstanceOf(AttachmentRejected.class).hasMessageContaining("werden nicht angenommen");
        assertThatThrownBy(() -> inspection.inspect("rechnung.pdf",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AttachmentRejected.class).hasMessageContaining("Erlaubt sind");
    }

    @Test
    void refusesAPdfWithJavaScriptOrAnEmbeddedFile() {
        assertThatThrownBy(() -> inspection.inspect("a.pdf", SampleFiles.pdfWithJavaScript()))
                .isInstanceOf(AttachmentRejected.class).hasMessageContaining("JavaScript");
        assertThatThrownBy(() -> inspection.inspect("a.pdf", SampleFiles.pdfWithEmbeddedFile()))
                .isInstanceOf(AttachmentRejected.class).hasMessageContaining("eingebetteten Dateien");
    }

    @Test
    void refusesADamagedPdf() {
        byte[] pdf = SampleFiles.pdf();
        byte[] damaged = java.util.Arrays.copyOf(pdf, 40);

        assertThatThrownBy(() -> inspection.inspect("a.pdf", damaged)).isInstanceOf(AttachmentRejected.class);
    }

    @Test
    void refusesAnArchiveBombAndMacros() {
        byte[] bomb = SampleFiles.docxBomb(60);
        assertThat(bomb.length).as("small on the wire").isLessThan((int) MB);

        assertThatThrownBy(() -> inspection.inspect("plan.docx", bomb))
                .isInstanceOf(AttachmentRejected.class).hasMessageContaining("entpackt sich auf mehr als 50 MB");
        assertThatThrownBy(() -> inspection.inspect("plan.docx", SampleFiles.docxWithMacros()))
                .isInstanceOf(AttachmentRejected.class).hasMessageContaining("Makros");
    }

    @Test
    void refusesEmptyAndOversizedFiles() {
        assertThatThrownBy(() -> inspection.inspect("a.pdf", new byte[0])).hasMessage("Die Datei ist leer");
        UploadInspection small = new UploadInspection(2048, MB, 10);
        byte[] pdf = SampleFiles.pdf();
        assertThat(pdf.length).isLessThan(2048);
        byte[] larger = java.util.Arrays.copyOf(pdf, 4096);

        assertThatThrownBy(() -> small.inspect("a.pdf", larger)).hasMessage("Die Datei ist größer als 2 KB");
    }

    @Test
    void keepsOnlyTheLastPartOfAFileNameWithoutControlCharacters() {
        assertThat(AttachmentService.safeName("C:\\Users\\x\\Kostenplan.pdf")).isEqualTo("Kostenplan.pdf");
        assertThat(AttachmentService.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentService.safeName("a\u0000b\r\n.pdf")).isEqualTo("a_b__.pdf");
        assertThat(AttachmentService.safeName("..")).isEqualTo("anlage");
        assertThat(AttachmentService.safeName(null)).isEqualTo("anlage");
    }
}
