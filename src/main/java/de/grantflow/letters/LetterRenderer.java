package de.grantflow.letters;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import de.grantflow.money.Euro;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
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

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final SpringTemplateEngine templates;
    private final byte[] regular;
    private final byte[] bold;
    private final byte[] colourProfile;

    LetterRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("letters/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        templates = new SpringTemplateEngine();
        templates.setTemplateResolver(resolver);
        regular = resource("fonts/DejaVuSans.ttf");
        bold = resource("fonts/DejaVuSans-Bold.ttf");
        colourProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    }

    byte[] render(LetterContent content) {
        String html = html(content);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfAConformance(PdfAConformance.PDFA_2_U);
        builder.useColorProfile(colourProfile);
        builder.useFont(() -> new ByteArrayInputStream(regular), "DejaVu Sans", 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(bold), "DejaVu Sans", 700, FontStyle.NORMAL, true);
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Schreiben konnte nicht erzeugt werden", e);
        }
        return out.toByteArray();
    }

    String html(LetterContent content) {
        Context context = new Context();
        context.setVariables(Map.of(
                "h", content.header(),
                "b", content.body(),
                "type", content.body().type().name(),
                "title", content.body().type().germanTitle(),
                "f", new Formats()));
        return templates.process("letter", context);
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

        /** The Rechtsbehelfsbelehrung: in NRW and BW the remedy is an action at the administrative court. */
        public String remedy(Court court) {
            return "Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage erhoben werden. Die Klage"
                    + " ist bei dem " + court.name() + ", " + court.street() + ", " + court.postalCode() + " "
                    + court.city() + ", schriftlich oder zur Niederschrift des Urkundsbeamten der Geschäftsstelle"
                    + " zu erheben.";
        }
    }
}
