package de.grantflow.statistics;

import de.grantflow.statistics.ProgrammeStatistics.Totals;
import de.grantflow.statistics.ProgrammeStatistics.Year;
import java.math.BigDecimal;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.IntConsumer;

/**
 * A programme's per-year figures and their total as CSV, one row a year; the total counts municipalities once however
 * many years they appear in. Two dialects of the same columns: one for programs, one for a spreadsheet in German.
 */
public enum StatisticsCsv {

    /** The API's: comma, decimal point, English column names. */
    PLAIN(",", '.', "", "total", List.of("year", "applications", "eligible", "approved", "rejected", "lapsed",
            "withdrawn", "municipalities", "municipalitiesFunded", "projectsFunded", "requested", "granted", "paid",
            "recovered", "approvalRate")),

    /**
     * For Excel with German settings: semicolon, decimal comma, German column names, and a byte order mark, without
     * which Excel reads UTF-8 as Windows-1252 and breaks every umlaut.
     */
    GERMAN(";", ',', "\uFEFF", "Gesamt", List.of("Jahr", "Anträge", "förderfähig", "Bewilligungen", "Ablehnungen",
            "Fristablauf", "zurückgezogen", "Kommunen mit Antrag", "Kommunen gefördert", "Projekte gefördert",
            "beantragt (Euro)", "bewilligt (Euro)", "ausgezahlt (Euro)", "zurückgefordert (Euro)",
            "Bewilligungsquote"));

    private final String separator;
    private final char decimalSeparator;
    private final String start;
    private final String total;
    private final List<String> header;

    StatisticsCsv(String separator, char decimalSeparator, String start, String total, List<String> header) {
        this.separator = separator;
        this.decimalSeparator = decimalSeparator;
        this.start = start;
        this.total = total;
        this.header = header;
    }

    public String write(ProgrammeStatistics statistics) {
        return write(statistics, written -> { });
    }

    /**
     * The CSV, telling after each row (the years, then the total) how many rows are written so far, so a background
     * export can show how far it is; {@link #rows} rows in all, not counting the header.
     */
    public String write(ProgrammeStatistics statistics, IntConsumer rowsWritten) {
        StringBuilder csv = new StringBuilder(start).append(String.join(separator, header)).append('\n');
        int written = 0;
        for (Year y : statistics.years()) {
            csv.append(line(String.valueOf(y.year()), y.applications(), y.eligible(), y.approved(), y.rejected(),
                    y.lapsed(), y.withdrawn(), y.municipalities(), y.municipalitiesFunded(), y.projectsFunded(),
                    y.requested(), y.granted(), y.paid(), y.recovered(), y.approvalRate()));
            rowsWritten.accept(++written);
        }
        Totals t = statistics.totals();
        csv.append(line(total, t.applications(), t.eligible(), t.approved(), t.rejected(), t.lapsed(),
                t.withdrawn(), t.municipalitiesDistinct(), t.municipalitiesFundedDistinct(), t.projectsFunded(),
                t.requested(), t.granted(), t.paid(), t.recovered(), t.approvalRate()));
        rowsWritten.accept(++written);
        return csv.toString();
    }

    /** The rows of figures the CSV has: one a year and the total. */
    public static int rows(ProgrammeStatistics statistics) {
        return statistics.years().size() + 1;
    }

    /** The name a download of these figures is saved under. */
    public static String fileName(ProgrammeStatistics statistics) {
        return "statistik-" + statistics.programme() + "-" + statistics.from() + "-" + statistics.to() + ".csv";
    }

    private String line(String first, Object... values) {
        StringJoiner line = new StringJoiner(separator, "", "\n");
        line.add(first);
        for (Object value : values) {
            line.add(value == null ? "" : value instanceof BigDecimal d
                    ? d.toPlainString().replace('.', decimalSeparator) : value.toString());
        }
        return line.toString();
    }
}
