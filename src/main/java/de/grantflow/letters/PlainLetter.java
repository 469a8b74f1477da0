package de.grantflow.letters;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A letter as the template wrote it, read back into the few things a letter is made of: the DIN 5008 header fields,
 * headings, paragraphs, lists, two-column tables and calculation tables. {@link PlainLetterWriter} sets such a letter
 * directly with PDFBox in a fifth of the time the HTML renderer takes. A letter that uses anything else of the
 * template is not plain; it is rendered by openhtmltopdf as before.
 */
record PlainLetter(String title, String author, String subject, String language, List<String> footer,
        String authorityName, String unit, String returnAddress, List<String> recipient, List<InfoRow> info,
        List<Block> blocks) {

    private static final ThreadLocal<DocumentBuilder> PARSERS = ThreadLocal.withInitial(PlainLetter::parser);

    /** A piece of text in one weight; {@link #BREAK} is a forced line break. */
    record Run(String text, boolean bold) {
        static final Run BREAK = new Run("\n", false);
    }

    /** One line of the reference block beside the address: Ihr Zeichen, Unser Zeichen, Datum and so on. */
    record InfoRow(String label, String value) {
    }

    sealed interface Block {
    }

    enum Kind { SUBJECT, HEADING, PARAGRAPH, SIGNATURE }

    /** The subject line (h1), a heading (h2), a paragraph or the signature. */
    record Text(Kind kind, List<Run> runs) implements Block {
    }

    /** An item of a list: {@code marker} is its number ("1.") in an ordered list, null for a bullet. */
    record Item(String marker, List<Run> runs, boolean last) implements Block {
    }

    /** A table of labels and values (class facts). */
    record Facts(List<List<Run>> labels, List<List<Run>> values) implements Block {
    }

    /** A calculation table (class calc): rows of cells on one line each, figures aligned right. */
    record Calc(List<CalcRow> rows) implements Block {
    }

    /** A row of a calculation table: the head and the sum are bold and ruled off from the rows between. */
    record CalcRow(RowKind kind, List<Cell> cells) {
    }

    enum RowKind { HEAD, BODY, SUM }

    /** A cell of a calculation table; {@code figure} cells (class num) are aligned right. */
    record Cell(List<Run> runs, boolean figure) {
    }

    /** The letter if everything in it is plain, otherwise empty. */
    static Optional<PlainLetter> read(String xhtml) {
        Document document;
        try {
            DocumentBuilder parser = PARSERS.get();
            parser.reset();
            document = parser.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXException | IOException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Reader().read(document.getDocumentElement()));
        } catch (NotPlain e) {
            return Optional.empty();
        }
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Thrown where the template used something a plain letter does not have. */
    private static final class NotPlain extends RuntimeException {
        NotPlain(String what) {
            super(what, null, false, false);
        }
    }

    private static final class Reader {
        private String title = "";
        private String author = "";
        private String subject = "";
        private final List<String> footer = new ArrayList<>();
        private String authorityName;
        private String unit = "";
        private String returnAddress;
        private final List<String> recipient = new ArrayList<>();
        private final List<InfoRow> info = new ArrayList<>();
        private final List<Block> blocks = new ArrayList<>();

        PlainLetter read(Element html) {
            for (Element part : children(html)) {
                switch (part.getTagName()) {
                    case "head" -> head(part);
                    case "body" -> body(part);
                    default -> throw new NotPlain(part.getTagName());
                }
            }
            if (authorityName == null || returnAddress == null || blocks.isEmpty()) {
                throw new NotPlain("no letter");
            }
            return new PlainLetter(title, author, subject, html.getAttribute("lang"), footer, authorityName, unit,
                    returnAddress, recipient, info, blocks);
        }

        private void head(Element head) {
            for (Element element : children(head)) {
                switch (element.getTagName()) {
                    case "title" -> title = collapse(element.getTextContent()).strip();
                    case "meta" -> {
                        if (element.getAttribute("name").equals("author")) {
                            author = element.getAttribute("content");
                        } else if (element.getAttribute("name").equals("subject")) {
                            subject = element.getAttribute("content");
                        }
                    }
                    default -> { }
                }
            }
        }

        private void body(Element body) {
            for (Element part : children(body)) {
                String kind = part.getTagName() + "." + (part.hasAttribute("id") ? "#" + part.getAttribute("id")
                        : part.getAttribute("class"));
                switch (kind) {
                    case "div.#footer" -> footer.addAll(lines(part));
                    case "div.mark fold1", "div.mark punch", "div.mark fold2", "div.start" -> { }
                    case "div.letterhead" -> letterhead(part);
                    case "div.address" -> address(part);
                    case "table.info" -> info(part);
                    case "div.content" -> content(part);
                    default -> throw new NotPlain(kind);
                }
            }
        }

        private void letterhead(Element letterhead) {
            for (Element line : children(letterhead)) {
                switch (line.getAttribute("class")) {
                    case "name" -> authorityName = plainText(line);
                    case "unit" -> unit = plainText(line);
                    default -> throw new NotPlain("letterhead");
                }
            }
        }

        private void address(Element address) {
            for (Element line : children(address)) {
                if (line.getAttribute("class").equals("return")) {
                    returnAddress = plainText(line);
                } else if (line.getTagName().equals("div") && !line.hasAttribute("class")) {
                    recipient.add(plainText(line));
                } else {
                    throw new NotPlain("address");
                }
            }
        }

        private void info(Element table) {
            for (Element row : rows(table)) {
                List<Element> cells = children(row);
                if (cells.size() != 2) {
                    throw new NotPlain("info");
                }
                info.add(new InfoRow(plainText(cells.get(0)), plainText(cells.get(1))));
            }
        }

        private void content(Element content) {
            for (Element block : children(content)) {
                String kind = block.getTagName() + (block.hasAttribute("class") ? "." + block.getAttribute("class")
                        : "");
                switch (kind) {
                    case "h1" -> blocks.add(new Text(Kind.SUBJECT, runs(block, true)));
                    case "h2" -> blocks.add(new Text(Kind.HEADING, runs(block, true)));
                    case "p" -> blocks.add(new Text(Kind.PARAGRAPH, runs(block, false)));
                    case "p.signature" -> blocks.add(new Text(Kind.SIGNATURE, runs(block, false)));
                    case "ul", "ol" -> list(block, kind.equals("ol"));
                    case "table.facts" -> facts(block);
                    case "table.calc" -> calc(block);
                    default -> throw new NotPlain(kind);
                }
            }
        }

        private void list(Element list, boolean numbered) {
            List<Element> items = children(list);
            for (int number = 1; number <= items.size(); number++) {
                Element item = items.get(number - 1);
                if (!item.getTagName().equals("li") || item.hasAttribute("class")) {
                    throw new NotPlain("list");
                }
                blocks.add(new Item(numbered ? number + "." : null, runs(item, false), number == items.size()));
            }
        }

        private void facts(Element table) {
            List<List<Run>> labels = new ArrayList<>();
            List<List<Run>> values = new ArrayList<>();
            for (Element row : rows(table)) {
                List<Element> cells = children(row);
                if (cells.size() != 2 || row.hasAttribute("class") || cells.get(0).hasAttribute("class")) {
                    throw new NotPlain("facts");
                }
                String valueClass = cells.get(1).getAttribute("class");
                if (!valueClass.isEmpty() && !valueClass.equals("amount")) {
                    throw new NotPlain("facts");
                }
                labels.add(runs(cells.get(0), false));
                values.add(runs(cells.get(1), valueClass.equals("amount")));
            }
            blocks.add(new Facts(labels, values));
        }

        private void calc(Element table) {
            List<CalcRow> rows = new ArrayList<>();
            int columns = -1;
            for (Element row : rows(table)) {
                RowKind kind = switch (row.getAttribute("class")) {
                    case "" -> RowKind.BODY;
                    case "head" -> RowKind.HEAD;
                    case "sum" -> RowKind.SUM;
                    default -> throw new NotPlain("calc row " + row.getAttribute("class"));
                };
                List<Cell> cells = new ArrayList<>();
                for (Element cell : children(row)) {
                    String cellClass = cell.getAttribute("class");
                    if (!cell.getTagName().equals("td") || !cellClass.isEmpty() && !cellClass.equals("num")) {
                        throw new NotPlain("calc cell");
                    }
                    List<Run> runs = runs(cell, kind != RowKind.BODY);
                    if (runs.contains(Run.BREAK)) {
                        throw new NotPlain("break in a calculation");
                    }
                    cells.add(new Cell(runs, cellClass.equals("num")));
                }
                if (columns >= 0 && cells.size() != columns) {
                    throw new NotPlain("calc rows of different lengths");
                }
                columns = cells.size();
                rows.add(new CalcRow(kind, cells));
            }
            if (!rows.isEmpty()) {
                blocks.add(new Calc(rows));
            }
        }

        /** The text of an element that holds text only, such as a line of the address. */
        private static String plainText(Element element) {
            StringBuilder text = new StringBuilder();
            for (Run run : runs(element, false)) {
                if (run == Run.BREAK) {
                    throw new NotPlain("break in a line");
                }
                text.append(run.text());
            }
            return text.toString().strip();
        }

        /** The lines of an element whose text is broken by br, such as the footer. */
        private static List<String> lines(Element element) {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (Run run : runs(element, false)) {
                if (run == Run.BREAK) {
                    lines.add(line.toString().strip());
                    line.setLength(0);
                } else {
                    line.append(run.text());
                }
            }
            lines.add(line.toString().strip());
            return lines;
        }

        private static List<Run> runs(Element element, boolean bold) {
            List<Run> runs = new ArrayList<>();
            inline(element, bold, runs);
            return runs;
        }

        private static void inline(Element element, boolean bold, List<Run> runs) {
            for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                    runs.add(new Run(collapse(node.getNodeValue()), bold));
                } else if (node instanceof Element child) {
                    String kind = child.getTagName() + (child.hasAttribute("class") ? "." + child.getAttribute("class")
                            : "");
                    switch (kind) {
                        case "br" -> runs.add(Run.BREAK);
                        case "span" -> inline(child, bold, runs);
                        case "span.amount", "b" -> inline(child, true, runs);
                        default -> throw new NotPlain(kind);
                    }
                } else if (node.getNodeType() != Node.COMMENT_NODE) {
                    throw new NotPlain("node " + node.getNodeType());
                }
            }
        }

        private static List<Element> rows(Element table) {
            List<Element> rows = new ArrayList<>();
            for (Element child : children(table)) {
                if (child.getTagName().equals("tr")) {
                    rows.add(child);
                } else if (child.getTagName().equals("tbody")) {
                    rows.addAll(children(child));
                } else {
                    throw new NotPlain(child.getTagName());
                }
            }
            return rows;
        }

        private static List<Element> children(Element parent) {
            List<Element> children = new ArrayList<>();
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element) {
                    children.add(element);
                } else if (node.getNodeType() == Node.TEXT_NODE && !node.getNodeValue().isBlank()) {
                    throw new NotPlain("text outside a block");
                }
            }
            return children;
        }

        /** Each run of white space as one space, as HTML shows it. */
        private static String collapse(String text) {
            StringBuilder collapsed = new StringBuilder(text.length());
            boolean space = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                    space = true;
                } else {
                    if (space) {
                        collapsed.append(' ');
                        space = false;
                    }
                    collapsed.append(c);
                }
            }
            if (space) {
                collapsed.append(' ');
            }
            return collapsed.toString();
        }
    }
}
