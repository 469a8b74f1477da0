package de.grantflow.letters;

import de.grantflow.letters.PlainLetter.Calc;
import de.grantflow.letters.PlainLetter.CalcRow;
import de.grantflow.letters.PlainLetter.Cell;
import de.grantflow.letters.PlainLetter.Facts;
import de.grantflow.letters.PlainLetter.InfoRow;
import de.grantflow.letters.PlainLetter.Item;
import de.grantflow.letters.PlainLetter.Kind;
import de.grantflow.letters.PlainLetter.RowKind;
import de.grantflow.letters.PlainLetter.Run;
import de.grantflow.letters.PlainLetter.Text;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Calendar;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.transform.TransformerException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.springframework.web.util.HtmlUtils;
import org.apache.xmpbox.DateConverter;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Sets a {@link PlainLetter} on A4 pages with PDFBox, at the positions the letter template's style sheet gives
 * (DIN 5008 form B), and writes it as PDF/A-2u: the fonts cut down to the characters the letter uses and embedded,
 * text that can be searched and copied in reading order, XMP metadata and an sRGB output intent. Everything it needs
 * to measure text is read from the fonts once; a letter costs its layout, two font subsets and the writing.
 */
final class PlainLetterWriter {

    private static final float MM = 72f / 25.4f;
    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float LEFT = 25 * MM;
    private static final float RIGHT = 190 * MM;
    private static final float FIRST_PAGE_TOP = 103 * MM;
    private static final float PAGE_TOP = 20 * MM;
    private static final float PAGE_BOTTOM = 270 * MM;
    private static final float LINE_HEIGHT = 1.35f;
    private static final float TEXT_SIZE = 10;
    private static final float GREY = 0.2f;
    private static final String PRODUCER = "grantflow";
    /** The TrueType tables a PDF needs of an embedded font, and the cmap from which PDFBox writes ToUnicode. */
    private static final List<String> EMBEDDED_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep",
            "glyf", "hmtx", "fpgm", "gasp", "cmap", "name", "OS/2", "post");

    /** Stand-ins in the XMP metadata for what differs by letter. */
    private static final String TITLE = "@title@";
    private static final String AUTHOR = "@author@";
    private static final String SUBJECT = "@subject@";
    private static final String CREATED = "@created@";
    private static final Pattern STAND_IN = Pattern.compile("@(title|author|subject|created)@");

    private final Face regular;
    private final Face bold;
    private final byte[] colourProfile;
    /** The XMP metadata with stand-ins: xmpbox writes it through an XSLT transformer, too slow for each letter. */
    private final String metadata;

    PlainLetterWriter(TrueTypeFont regular, TrueTypeFont bold, byte[] colourProfile) {
        this.regular = new Face(regular);
        this.bold = new Face(bold);
        this.colourProfile = colourProfile;
        this.metadata = metadata();
    }

    private static String metadata() {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dublinCore = xmp.createAndAddDublinCoreSchema();
        dublinCore.setTitle(TITLE);
        dublinCore.addCreator(AUTHOR);
        dublinCore.setDescription(SUBJECT);
        dublinCore.setFormat("application/pdf");
        xmp.createAndAddAdobePDFSchema().setProducer(PRODUCER);
        Calendar stub = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        stub.setTimeInMillis(0);
        xmp.createAndAddXMPBasicSchema().setCreateDate(stub);
        PDFAIdentificationSchema identification = xmp.createAndAddPDFAIdentificationSchema();
        ByteArrayOutputStream serialised = new ByteArrayOutputStream(4096);
        try {
            identification.setPart(2);
            identification.setConformance("U");
            new XmpSerializer().serialize(xmp, serialised, true);
        } catch (BadFieldValueException | TransformerException e) {
            throw new IllegalStateException("XMP-Metadaten nicht schreibbar", e);
        }
        String written = serialised.toString(StandardCharsets.UTF_8);
        String created = DateConverter.toISO8601(stub);
        if (!written.contains(created)) {
            throw new IllegalStateException("XMP-Datum nicht gefunden: " + created);
        }
        return written.replace(created, CREATED);
    }

    /**
     * The letter as PDF/A, set in the given parsed fonts (parsed from the files the widths were read from; parsed
     * fonts are not thread-safe, so the caller lends them for this letter), or empty if it has a character the fonts
     * lack or a block taller than a page.
     */
    Optional<byte[]> write(PlainLetter letter, TrueTypeFont regularFont, TrueTypeFont boldFont) {
        Layout layout = new Layout();
        try {
            layout.letter(letter);
        } catch (DoesNotFit e) {
            return Optional.empty();
        }
        try (PDDocument document = new PDDocument()) {
            PDType0Font regularSubset = regular.embed(document, regularFont, layout.used(false));
            PDType0Font boldSubset = bold.embed(document, boldFont, layout.used(true));
            int count = layout.pages.size();
            for (int number = 1; number <= count; number++) {
                PDPage page = new PDPage(A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    Painter painter = new Painter(content, regularSubset, boldSubset);
                    for (Mark mark : layout.pages.get(number - 1)) {
                        painter.paint(mark);
                    }
                }
            }
            archival(document, letter);
            ByteArrayOutputStream out = new ByteArrayOutputStream(48 * 1024);
            document.save(out);
            return Optional.of(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Schreiben konnte nicht erzeugt werden", e);
        }
    }

    /** The six capital letters that name a font subset (ISO 32000-1, 9.6.4). */
    private static String tag(BitSet characters) {
        long hash = Integer.toUnsignedLong(characters.hashCode());
        char[] tag = new char[6];
        for (int i = 0; i < tag.length; i++) {
            tag[i] = (char) ('A' + hash % 26);
            hash /= 26;
        }
        return new String(tag);
    }

    /** Information dictionary and XMP metadata saying the same, the sRGB output intent, the language, an ID. */
    private void archival(PDDocument document, PlainLetter letter) throws IOException {
        Calendar now = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        now.set(Calendar.MILLISECOND, 0);
        PDDocumentInformation information = document.getDocumentInformation();
        information.setTitle(letter.title());
        information.setAuthor(letter.author());
        information.setSubject(letter.subject());
        information.setProducer(PRODUCER);
        information.setCreationDate(now);

        Map<String, String> values = Map.of(TITLE, letter.title(), AUTHOR, letter.author(), SUBJECT,
                letter.subject(), CREATED, DateConverter.toISO8601(now));
        byte[] xmp = STAND_IN.matcher(metadata).replaceAll(standIn -> Matcher.quoteReplacement(
                HtmlUtils.htmlEscape(values.get(standIn.group()), "UTF-8"))).getBytes(StandardCharsets.UTF_8);
        PDMetadata stream = new PDMetadata(document);
        stream.importXMPMetadata(xmp);
        document.getDocumentCatalog().setMetadata(stream);

        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(colourProfile));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        document.getDocumentCatalog().addOutputIntent(intent);
        document.getDocumentCatalog().setLanguage(letter.language());
        document.setVersion(1.7f);

        byte[] id = digest(letter.title() + now.getTimeInMillis() + System.nanoTime());
        document.getDocument().setDocumentID(new COSArray(List.of(new COSString(id), new COSString(id))));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A font's advance widths by character, in thousandths of the font size; NaN where it has no glyph. */
    private static final class Face {
        private static final int LAST = 0x2FFF;
        /** How many glyphs a letter may carry that it does not use, when a recent subset saves cutting one. */
        private static final int SPARE_GLYPHS = 12;
        private static final int SUBSETS_KEPT = 16;
        private final float[] widths = new float[LAST + 1];
        /** The subsets cut last, the most recently used first. */
        private final Deque<Subset> recent = new ArrayDeque<>();
        private final float ascent;
        private final float descent;

        Face(TrueTypeFont font) {
            try {
                CmapLookup cmap = font.getUnicodeCmapLookup();
                float scale = 1000f / font.getUnitsPerEm();
                for (int c = 0; c <= LAST; c++) {
                    int glyph = cmap.getGlyphId(c);
                    widths[c] = glyph == 0 ? Float.NaN : font.getAdvanceWidth(glyph) * scale;
                }
                ascent = font.getHorizontalHeader().getAscender() * scale / 1000;
                descent = font.getHorizontalHeader().getDescender() * scale / 1000;
            } catch (IOException e) {
                throw new UncheckedIOException("Schrift nicht lesbar", e);
            }
        }

        /**
         * Embeds the font cut down to the characters, named as a subset. PDFBox's own subsetting measured every
         * glyph of the whole font for each document; this cuts the font first and embeds the result whole.
         */
        PDType0Font embed(PDDocument document, TrueTypeFont font, BitSet characters) throws IOException {
            Subset subset = subset(font, characters);
            PDType0Font embedded = PDType0Font.load(document,
                    new TTFParser(true).parse(new RandomAccessReadBuffer(subset.font())), false);
            String name = tag(subset.characters()) + "+" + embedded.getName();
            embedded.getCOSObject().setName(COSName.BASE_FONT, name);
            COSDictionary descendant = (COSDictionary) embedded.getCOSObject()
                    .getCOSArray(COSName.DESCENDANT_FONTS).getObject(0);
            descendant.setName(COSName.BASE_FONT, name);
            descendant.getCOSDictionary(COSName.FONT_DESC).setName(COSName.FONT_NAME, name);
            return embedded;
        }

        /**
         * A recent subset that has every character and at most a few more, or a new one. Letters of one kind mostly
         * share their characters, and cutting the font took a sixth of the intake's time for a receipt.
         */
        private Subset subset(TrueTypeFont font, BitSet characters) throws IOException {
            int most = characters.cardinality() + SPARE_GLYPHS;
            synchronized (recent) {
                for (Iterator<Subset> each = recent.iterator(); each.hasNext(); ) {
                    Subset subset = each.next();
                    BitSet missing = (BitSet) characters.clone();
                    missing.andNot(subset.characters());
                    if (missing.isEmpty() && subset.characters().cardinality() <= most) {
                        each.remove();
                        recent.addFirst(subset);
                        return subset;
                    }
                }
            }
            TTFSubsetter subsetter = new TTFSubsetter(font, EMBEDDED_TABLES);
            characters.stream().forEach(subsetter::add);
            ByteArrayOutputStream out = new ByteArrayOutputStream(24 * 1024);
            subsetter.writeToStream(out);
            Subset subset = new Subset((BitSet) characters.clone(), out.toByteArray());
            synchronized (recent) {
                recent.addFirst(subset);
                if (recent.size() > SUBSETS_KEPT) {
                    recent.removeLast();
                }
            }
            return subset;
        }

        float width(CharSequence text, float size) {
            float width = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                float advance = c <= LAST ? widths[c] : Float.NaN;
                if (Float.isNaN(advance)) {
                    throw new DoesNotFit();
                }
                width += advance;
            }
            return width * size / 1000;
        }

        /** Where the baseline lies in a line box of the given height that starts at {@code top}. */
        float baseline(float top, float size, float lineHeight) {
            return top + (lineHeight - (ascent - descent) * size) / 2 + ascent * size;
        }
    }

    /** A font cut down to some characters, as TrueType. */
    private record Subset(BitSet characters, byte[] font) {
    }

    /** Thrown while laying out when the plain way cannot set the letter. */
    private static final class DoesNotFit extends RuntimeException {
        DoesNotFit() {
            super(null, null, false, false);
        }
    }

    /** What is painted on a page. */
    private sealed interface Mark {
    }

    /** A line of text at a baseline, measured from the top of the page. */
    private record Line(float x, float baseline, float size, float grey, List<Run> runs) implements Mark {
    }

    /** A hairline from x1 to x2. */
    private record Rule(float x1, float x2, float y) implements Mark {
    }

    /** A list bullet. */
    private record Bullet(float x, float y, float radius) implements Mark {
    }

    /** Text broken into lines: the runs of each and its width. */
    private record Broken(List<Run> runs, float width) {
    }

    /** Lays the letter out page by page, as the template's style sheet says. */
    private final class Layout {
        private final List<List<Mark>> pages = new ArrayList<>();
        private List<Mark> page;
        private float y;
        private float pendingMargin;
        private boolean atPageTop;

        void letter(PlainLetter letter) {
            newPage();
            y = FIRST_PAGE_TOP;
            header(letter);
            for (int i = 0; i < letter.blocks().size(); i++) {
                PlainLetter.Block block = letter.blocks().get(i);
                if (block instanceof Text text) {
                    text(text, i + 1 < letter.blocks().size());
                } else if (block instanceof Item item) {
                    item(item);
                } else if (block instanceof Facts facts) {
                    facts(facts);
                } else if (block instanceof Calc calc) {
                    calc(calc);
                }
            }
            for (int number = 1; number <= pages.size(); number++) {
                footer(pages.get(number - 1), letter.footer(), "Seite " + number + " von " + pages.size());
            }
        }

        BitSet used(boolean inBold) {
            BitSet characters = new BitSet();
            for (List<Mark> each : pages) {
                for (Mark mark : each) {
                    if (mark instanceof Line line) {
                        for (Run run : line.runs()) {
                            if (run.bold() == inBold) {
                                run.text().chars().forEach(characters::set);
                            }
                        }
                    }
                }
            }
            return characters;
        }

        private void newPage() {
            page = new ArrayList<>();
            pages.add(page);
            y = PAGE_TOP;
            pendingMargin = 0;
            atPageTop = true;
        }

        /** Letterhead, address field with the return line, reference block and the fold and punch marks. */
        private void header(PlainLetter letter) {
            float top = 12 * MM;
            for (Broken line : wrap(List.of(new Run(letter.authorityName(), true)), 85 * MM, 13)) {
                page.add(new Line(RIGHT - line.width(), bold.baseline(top, 13, 13 * LINE_HEIGHT), 13, 0, line.runs()));
                top += 13 * LINE_HEIGHT;
            }
            for (Broken line : wrap(List.of(new Run(letter.unit(), false)), 85 * MM, 9)) {
                page.add(new Line(RIGHT - line.width(), regular.baseline(top, 9, 9 * LINE_HEIGHT), 9, 0, line.runs()));
                top += 9 * LINE_HEIGHT;
            }

            top = lines(List.of(letter.returnAddress()), 20 * MM, 50 * MM, 85 * MM, 6.5f, 0) + 0.5f * MM;
            page.add(new Rule(20 * MM, 105 * MM, top));
            lines(letter.recipient(), 20 * MM, top + 0.3f + 3 * MM, 85 * MM, TEXT_SIZE, 0);

            // a table 75 mm wide: the room its columns do not need is shared in proportion to their widest cells
            float spacing = 1.5f;
            float padding = 2 * MM;
            float labels = 0;
            float values = 0;
            for (InfoRow row : letter.info()) {
                labels = Math.max(labels, regular.width(row.label(), 8) + padding);
                values = Math.max(values, regular.width(row.value(), 8) + padding);
            }
            float room = 75 * MM - 3 * spacing - labels - values;
            if (room > 0) {
                labels += room * labels / (labels + values);
            }
            float labelX = 125 * MM + spacing;
            float valueX = labelX + labels + spacing;
            float valueWidth = 125 * MM + 75 * MM - spacing - padding - valueX;
            top = 50 * MM + spacing;
            for (InfoRow row : letter.info()) {
                page.add(new Line(labelX, regular.baseline(top, 8, 8 * LINE_HEIGHT), 8, GREY,
                        List.of(new Run(row.label(), false))));
                top = lines(List.of(row.value()), valueX, top, valueWidth, 8, 0) + 0.6f * MM + spacing;
            }

            page.add(new Rule(4 * MM, 9 * MM, 105 * MM));
            page.add(new Rule(4 * MM, 11 * MM, 148.5f * MM));
            page.add(new Rule(4 * MM, 9 * MM, 210 * MM));
        }

        /** Lines of text, each broken to the width; returns where the last one ends. */
        private float lines(List<String> texts, float x, float top, float width, float size, float grey) {
            for (String text : texts) {
                for (Broken line : wrap(List.of(new Run(text, false)), width, size)) {
                    page.add(new Line(x, regular.baseline(top, size, size * LINE_HEIGHT), size, grey, line.runs()));
                    top += size * LINE_HEIGHT;
                }
            }
            return top;
        }

        /** The sender's lines at the foot of a page, in the middle of the bottom margin, and the page number. */
        private void footer(List<Mark> marks, List<String> lines, String pageNumber) {
            float lineHeight = 7 * 1.3f;
            float top = 283.5f * MM - lines.size() * lineHeight / 2;
            for (String line : lines) {
                marks.add(new Line(LEFT, regular.baseline(top, 7, lineHeight), 7, GREY,
                        List.of(new Run(line, false))));
                top += lineHeight;
            }
            // after the sender's lines, so that copied text reads "… www.bra.nrw.de Seite 1 von 2"
            marks.add(new Line(RIGHT - regular.width(pageNumber, 7.5f), 284.41f * MM, 7.5f, GREY,
                    List.of(new Run(pageNumber, false))));
        }

        private void text(Text text, boolean followed) {
            float lineHeight = TEXT_SIZE * LINE_HEIGHT;
            List<Broken> lines = wrap(text.runs(), RIGHT - LEFT, TEXT_SIZE);
            float keep = switch (text.kind()) {
                case HEADING -> (lines.size() + (followed ? 2 : 0)) * lineHeight;
                case SIGNATURE -> lines.size() * lineHeight;
                default -> lineHeight;
            };
            start(switch (text.kind()) {
                case HEADING -> 5 * MM;
                case SIGNATURE -> 8 * MM;
                default -> 0;
            }, keep);
            place(lines, LEFT, lineHeight);
            pendingMargin = switch (text.kind()) {
                case SUBJECT -> 6 * MM;
                case HEADING -> 2 * MM;
                default -> 3 * MM;
            };
        }

        private void item(Item item) {
            float lineHeight = TEXT_SIZE * LINE_HEIGHT;
            float indent = LEFT + 6 * MM;
            List<Broken> lines = wrap(item.runs(), RIGHT - indent, TEXT_SIZE);
            start(0, lineHeight);
            float baseline = regular.baseline(y, TEXT_SIZE, lineHeight);
            if (item.marker() == null) {
                page.add(new Bullet(indent - 2.3f * MM, baseline - 0.3f * TEXT_SIZE, 0.17f * TEXT_SIZE));
            } else {
                float width = regular.width(item.marker(), TEXT_SIZE);
                page.add(new Line(indent - 2 * MM - width, baseline, TEXT_SIZE, 0,
                        List.of(new Run(item.marker(), false))));
            }
            place(lines, indent, lineHeight);
            pendingMargin = item.last() ? 3 * MM : 1 * MM;
        }

        private void facts(Facts facts) {
            float lineHeight = TEXT_SIZE * LINE_HEIGHT;
            float padding = 4 * MM;
            float labels = 0;
            for (List<Run> label : facts.labels()) {
                for (Broken line : wrap(label, Float.MAX_VALUE, TEXT_SIZE)) {
                    labels = Math.min(Math.max(labels, line.width()), (RIGHT - LEFT) / 2);
                }
            }
            float valueX = LEFT + labels + padding;
            for (int row = 0; row < facts.labels().size(); row++) {
                List<Broken> label = wrap(facts.labels().get(row), labels, TEXT_SIZE);
                List<Broken> value = wrap(facts.values().get(row), RIGHT - valueX - padding, TEXT_SIZE);
                float height = Math.max(label.size(), value.size()) * lineHeight + 1 * MM;
                if (row == 0) {
                    start(0, height);
                } else if (y + height > PAGE_BOTTOM) {
                    newPage();
                }
                if (height > PAGE_BOTTOM - PAGE_TOP) {
                    throw new DoesNotFit();
                }
                float top = y + 0.5f * MM;
                for (Broken line : label) {
                    page.add(new Line(LEFT, regular.baseline(top, TEXT_SIZE, lineHeight), TEXT_SIZE, 0, line.runs()));
                    top += lineHeight;
                }
                top = y + 0.5f * MM;
                for (Broken line : value) {
                    page.add(new Line(valueX, regular.baseline(top, TEXT_SIZE, lineHeight), TEXT_SIZE, 0,
                            line.runs()));
                    top += lineHeight;
                }
                y += height;
                atPageTop = false;
            }
            pendingMargin = 3 * MM;
        }

        /**
         * A calculation table as the style sheet sets it: the whole width, 8 pt, each cell on one line with 2 mm
         * after it, figures aligned right; the room the columns do not need is shared in proportion to their widest
         * cells (the table layout of the HTML renderer). The head is ruled off below, the sum above; a page break
         * falls between rows, never between the head and the first row.
         */
        private void calc(Calc calc) {
            float size = 8;
            float lineHeight = size * LINE_HEIGHT;
            float padding = 2 * MM;
            int columns = calc.rows().get(0).cells().size();
            float[] widths = new float[columns];
            List<List<Broken>> cells = new ArrayList<>();
            for (CalcRow row : calc.rows()) {
                List<Broken> line = new ArrayList<>();
                for (int column = 0; column < columns; column++) {
                    List<Broken> broken = wrap(row.cells().get(column).runs(), Float.MAX_VALUE, size);
                    Broken only = broken.isEmpty() ? new Broken(List.of(), 0) : broken.get(0);
                    line.add(only);
                    widths[column] = Math.max(widths[column], only.width() + padding);
                }
                cells.add(line);
            }
            float natural = 0;
            for (float width : widths) {
                natural += width;
            }
            if (natural > RIGHT - LEFT) {
                throw new DoesNotFit();
            }
            float room = RIGHT - LEFT - natural;
            for (int column = 0; column < columns; column++) {
                widths[column] += natural == 0 ? room / columns : room * widths[column] / natural;
            }
            float height = lineHeight + 1 * MM;
            start(0, Math.min(calc.rows().size(), 2) * height);
            for (int index = 0; index < calc.rows().size(); index++) {
                CalcRow row = calc.rows().get(index);
                if (index > 0 && y + height > PAGE_BOTTOM) {
                    newPage();
                    atPageTop = false;
                }
                if (row.kind() == RowKind.SUM) {
                    page.add(new Rule(LEFT, RIGHT, y));
                }
                float baseline = regular.baseline(y + 0.5f * MM, size, lineHeight);
                float x = LEFT;
                for (int column = 0; column < columns; column++) {
                    Cell cell = row.cells().get(column);
                    Broken text = cells.get(index).get(column);
                    if (!text.runs().isEmpty()) {
                        float left = cell.figure() ? x + widths[column] - padding - text.width() : x;
                        page.add(new Line(left, baseline, size, 0, text.runs()));
                    }
                    x += widths[column];
                }
                y += height;
                if (row.kind() == RowKind.HEAD) {
                    page.add(new Rule(LEFT, RIGHT, y));
                }
            }
            pendingMargin = 3 * MM;
        }

        /**
         * Begins a block: the larger of the margin before it and the one after the block above, unless the page
         * has just begun; a new page when the first {@code keep} points of the block would not fit.
         */
        private void start(float marginTop, float keep) {
            if (keep > PAGE_BOTTOM - PAGE_TOP) {
                throw new DoesNotFit();
            }
            float margin = atPageTop ? 0 : Math.max(pendingMargin, marginTop);
            if (y + margin + keep > PAGE_BOTTOM) {
                newPage();
            } else {
                y += margin;
            }
            atPageTop = false;
        }

        private void place(List<Broken> lines, float x, float lineHeight) {
            for (Broken line : lines) {
                if (y + lineHeight > PAGE_BOTTOM) {
                    newPage();
                    atPageTop = false;
                }
                page.add(new Line(x, regular.baseline(y, TEXT_SIZE, lineHeight), TEXT_SIZE, 0, line.runs()));
                y += lineHeight;
            }
        }

        /**
         * Breaks runs into lines no wider than {@code width} at spaces (a word longer than a line is broken where
         * it reaches the end); spaces at the start and end of a line are dropped, as in HTML.
         */
        private List<Broken> wrap(List<Run> runs, float width, float size) {
            Breaker breaker = new Breaker(width, size);
            for (Run run : runs) {
                if (run == Run.BREAK) {
                    breaker.lineBreak();
                    continue;
                }
                String text = run.text();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == ' ') {
                        breaker.space(run.bold());
                    } else {
                        breaker.character(c, run.bold());
                    }
                }
            }
            return breaker.finish();
        }
    }

    /** Greedy line breaking over words that may change weight inside (a bold amount followed by a full stop). */
    private final class Breaker {
        private final float width;
        private final float size;
        private final List<Broken> lines = new ArrayList<>();
        private final List<Run> line = new ArrayList<>();
        private float lineWidth;
        private final List<Run> word = new ArrayList<>();
        private final StringBuilder piece = new StringBuilder();
        private boolean pieceBold;
        private boolean spaceBefore;
        private boolean spaceBold;

        Breaker(float width, float size) {
            this.width = width;
            this.size = size;
        }

        void character(char c, boolean inBold) {
            if (piece.length() > 0 && pieceBold != inBold) {
                word.add(new Run(piece.toString(), pieceBold));
                piece.setLength(0);
            }
            pieceBold = inBold;
            piece.append(c);
        }

        void space(boolean inBold) {
            endWord();
            if (!spaceBefore) {
                spaceBefore = true;
                spaceBold = inBold;
            }
        }

        void lineBreak() {
            endWord();
            endLine();
            spaceBefore = false;
        }

        List<Broken> finish() {
            endWord();
            if (!line.isEmpty() || lines.isEmpty()) {
                endLine();
            }
            return lines;
        }

        private void endWord() {
            if (piece.length() > 0) {
                word.add(new Run(piece.toString(), pieceBold));
                piece.setLength(0);
            }
            if (word.isEmpty()) {
                return;
            }
            float wordWidth = 0;
            for (Run run : word) {
                wordWidth += face(run.bold()).width(run.text(), size);
            }
            float space = line.isEmpty() || !spaceBefore ? 0 : face(spaceBold).width(" ", size);
            if (lineWidth + space + wordWidth <= width) {
                if (space > 0) {
                    append(new Run(" ", spaceBold), space);
                }
                for (Run run : word) {
                    append(run, face(run.bold()).width(run.text(), size));
                }
            } else {
                if (!line.isEmpty()) {
                    endLine();
                }
                for (Run run : word) {
                    for (int i = 0; i < run.text().length(); i++) {
                        String c = run.text().substring(i, i + 1);
                        float advance = face(run.bold()).width(c, size);
                        if (lineWidth + advance > width && !line.isEmpty()) {
                            endLine();
                        }
                        append(new Run(c, run.bold()), advance);
                    }
                }
            }
            word.clear();
            spaceBefore = false;
        }

        private void append(Run run, float runWidth) {
            int last = line.size() - 1;
            if (last >= 0 && line.get(last).bold() == run.bold()) {
                line.set(last, new Run(line.get(last).text() + run.text(), run.bold()));
            } else {
                line.add(run);
            }
            lineWidth += runWidth;
        }

        private void endLine() {
            lines.add(new Broken(List.copyOf(line), lineWidth));
            line.clear();
            lineWidth = 0;
        }
    }

    private Face face(boolean inBold) {
        return inBold ? bold : regular;
    }

    /** Paints marks into a page's content stream; y is measured from the top of the page, PDF's from the bottom. */
    private record Painter(PDPageContentStream content, PDType0Font regular, PDType0Font bold) {

        void paint(Mark mark) throws IOException {
            float height = A4.getHeight();
            if (mark instanceof Line line) {
                if (!line.runs().isEmpty()) {
                    content.setNonStrokingColor(line.grey());
                    content.beginText();
                    content.newLineAtOffset(line.x(), height - line.baseline());
                    for (Run run : line.runs()) {
                        content.setFont(run.bold() ? bold : regular, line.size());
                        content.showText(run.text());
                    }
                    content.endText();
                }
            } else if (mark instanceof Rule rule) {
                content.setLineWidth(0.3f);
                content.moveTo(rule.x1(), height - rule.y());
                content.lineTo(rule.x2(), height - rule.y());
                content.stroke();
            } else if (mark instanceof Bullet bullet) {
                float k = 0.5523f * bullet.radius();
                float x = bullet.x();
                float y = height - bullet.y();
                float r = bullet.radius();
                content.setNonStrokingColor(0f);
                content.moveTo(x + r, y);
                content.curveTo(x + r, y + k, x + k, y + r, x, y + r);
                content.curveTo(x - k, y + r, x - r, y + k, x - r, y);
                content.curveTo(x - r, y - k, x - k, y - r, x, y - r);
                content.curveTo(x + k, y - r, x + r, y - k, x + r, y);
                content.fill();
            }
        }
    }
}
