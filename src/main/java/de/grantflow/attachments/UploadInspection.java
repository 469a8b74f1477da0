package de.grantflow.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.Tika;

/**
 * Decides from an upload's bytes, never from its name alone, whether it is a document we take: the type is detected
 * from the content (the name only refines a container such as ZIP into DOCX), PDFs must carry no scripts, launch
 * actions or embedded files, and office files must not unpack into more than a sane amount (archive bombs) or carry
 * macros.
 */
final class UploadInspection {

    /** The types we take, with the words a user understands. */
    static final Map<String, String> ALLOWED = Map.of(
            "application/pdf", "PDF",
            "image/png", "PNG-Bild",
            "image/jpeg", "JPEG-Bild",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word-Dokument (DOCX)",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel-Tabelle (XLSX)",
            "application/vnd.oasis.opendocument.text", "OpenDocument-Text (ODT)",
            "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument-Tabelle (ODS)");

    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final COSName[] HARMFUL_KEYS = {COSName.JS, COSName.JAVA_SCRIPT, COSName.EMBEDDED_FILES,
        COSName.EF, COSName.getPDFName("RichMedia")};

    private final Tika tika = new Tika();
    private final long maxBytes;
    private final long maxUnpackedBytes;
    private final int maxEntries;

    UploadInspection(long maxBytes, long maxUnpackedBytes, int maxEntries) {
        this.maxBytes = maxBytes;
        this.maxUnpackedBytes = maxUnpackedBytes;
        this.maxEntries = maxEntries;
    }

    /** The media type of an acceptable upload; refuses anything else with a message for the user. */
    String inspect(String fileName, byte[] content) {
        if (content.length == 0) {
            throw new AttachmentRejected("Die Datei ist leer");
        }
        if (content.length > maxBytes) {
            throw new AttachmentRejected("Die Datei ist größer als " + size(maxBytes));
        }
        String type;
        try (InputStream in = new ByteArrayInputStream(content)) {
            type = tika.detect(in, fileName);
        } catch (IOException e) {
            throw new AttachmentRejected("Die Datei kann nicht gelesen werden");
        }
        if (!ALLOWED.containsKey(type)) {
            throw new AttachmentRejected("Dateien dieser Art (" + type + ") werden nicht angenommen. Erlaubt sind: "
                    + String.join(", ", ALLOWED.values().stream().sorted().toList()));
        }
        if (type.equals("application/pdf")) {
            checkPdf(content);
        } else if (type.startsWith("application/vnd.")) {
            checkArchive(content);
        }
        return type;
    }

    private static void checkPdf(byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            if (pdf.isEncrypted()) {
                throw new AttachmentRejected("Verschlüsselte PDF-Dateien werden nicht angenommen");
            }
            for (COSObjectKey key : pdf.getDocument().getXrefTable().keySet()) {
                COSObject object = pdf.getDocument().getObjectFromPool(key);
                COSBase base = object == null ? null : object.getObject();
                if (base instanceof COSDictionary dictionary) {
                    checkPdfDictionary(dictionary);
                }
            }
        } catch (IOException e) {
            throw new AttachmentRejected("Die PDF-Datei ist beschädigt und kann nicht gelesen werden");
        }
    }

    private static void checkPdfDictionary(COSDictionary dictionary) {
        for (COSName key : HARMFUL_KEYS) {
            if (dictionary.containsKey(key)) {
                throw new AttachmentRejected("PDF-Dateien mit JavaScript, eingebetteten Dateien oder Medien werden"
                        + " nicht angenommen");
            }
        }
        if (LAUNCH.equals(dictionary.getCOSName(COSName.S))) {
            throw new AttachmentRejected("PDF-Dateien, die Programme starten, werden nicht angenommen");
        }
    }

    /** Unpacks without storing, counting what comes out, so that a small file cannot expand beyond the limit. */
    private void checkArchive(byte[] content) {
        long unpacked = 0;
        int entries = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > maxEntries) {
                    throw new AttachmentRejected("Die Datei enthält zu viele Teile");
                }
                if (entry.getName().toLowerCase(java.util.Locale.ROOT).contains("vbaproject")) {
                    throw new AttachmentRejected("Dokumente mit Makros werden nicht angenommen");
                }
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    unpacked += n;
                    if (unpacked > maxUnpackedBytes) {
                        throw new AttachmentRejected("Die Datei entpackt sich auf mehr als "
                                + size(maxUnpackedBytes) + " und wird nicht angenommen");
                    }
                }
            }
        } catch (IOException e) {
            throw new AttachmentRejected("Die Datei ist beschädigt und kann nicht gelesen werden");
        }
    }

    static String size(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : Math.max(1, bytes / 1024) + " KB";
    }
}
