package de.grantflow.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the cells of a page's table by its id, as a reader sees them: text without markup, row by row. */
record HtmlTable(List<List<String>> body, List<List<String>> foot) {

    private static final Pattern ROW = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<t([hd])[^>]*>(.*?)</t\\1>", Pattern.DOTALL);

    static HtmlTable read(String html, String id) {
        Matcher table = Pattern.compile("<table id=\"" + id + "\"[^>]*>(.*?)</table>", Pattern.DOTALL).matcher(html);
        if (!table.find()) {
            throw new AssertionError("no table " + id + " on the page");
        }
        return new HtmlTable(rows(part(table.group(1), "tbody")), rows(part(table.group(1), "tfoot")));
    }

    /** The body's row whose first cell is the given text. */
    List<String> row(String first) {
        return body.stream().filter(r -> r.get(0).equals(first)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first + " in " + body));
    }

    private static String part(String table, String tag) {
        Matcher part = Pattern.compile("<" + tag + "[^>]*>(.*?)</" + tag + ">", Pattern.DOTALL).matcher(table);
        return part.find() ? part.group(1) : "";
    }

    private static List<List<String>> rows(String html) {
        List<List<String>> rows = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(2).replaceAll("<[^>]+>", "").replace("&amp;", "&").replace("&quot;", "\"")
                        .replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").strip());
            }
            rows.add(cells);
        }
        return rows;
    }
}
