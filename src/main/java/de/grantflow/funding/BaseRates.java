package de.grantflow.funding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The Basiszinssatz of § 247 BGB by half-year, from the shipped table (funding/basiszinssatz.csv, from shared/data) and
 * an optional table of later rates ({@code grantflow.base-rates.file}, e.g. {@code file:/etc/grantflow/rates.csv},
 * same columns) that the operator keeps current as the Bundesbank announces them.
 * A rate is known for a day only while the table reaches it: each value holds for six months from its date, and a day
 * beyond is refused rather than guessed.
 */
@Component
public class BaseRates {

    private final NavigableMap<LocalDate, BigDecimal> rates;

    @Autowired
    BaseRates(@Value("${grantflow.base-rates.file:}") String extraFile) {
        this(read(extraFile));
    }

    BaseRates(NavigableMap<LocalDate, BigDecimal> rates) {
        this.rates = rates;
    }

    /** The rate in force on the day. */
    public BigDecimal on(LocalDate day) {
        Map.Entry<LocalDate, BigDecimal> entry = rates.floorEntry(day);
        if (entry == null || !day.isBefore(coveredUntil())) {
            throw new BaseRateMissingException(entry == null ? rates.firstKey() : coveredUntil());
        }
        return entry.getValue();
    }

    /** The first day the table no longer covers. */
    public LocalDate coveredUntil() {
        return rates.lastKey().plusMonths(6);
    }

    /** The days on which the rate may change, between the two (exclusive of from, inclusive of to). */
    NavigableMap<LocalDate, BigDecimal> changesBetween(LocalDate from, LocalDate to) {
        return rates.subMap(from, false, to, true);
    }

    private static NavigableMap<LocalDate, BigDecimal> read(String extraFile) {
        NavigableMap<LocalDate, BigDecimal> rates = new TreeMap<>();
        try (InputStream in = new ClassPathResource("funding/basiszinssatz.csv").getInputStream()) {
            parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "funding/basiszinssatz.csv", rates);
            if (extraFile != null && !extraFile.isBlank()) {
                try (InputStream extra = new DefaultResourceLoader().getResource(extraFile).getInputStream()) {
                    parse(new String(extra.readAllBytes(), StandardCharsets.UTF_8), extraFile, rates);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Tabelle der Basiszinssätze nicht lesbar", e);
        }
        return rates;
    }

    static void parse(String csv, String source, NavigableMap<LocalDate, BigDecimal> into) {
        String[] lines = csv.split("\\R");
        if (lines.length == 0 || !lines[0].trim().equals("valid_from,rate_percent")) {
            throw new IllegalStateException(source + ": Kopfzeile „valid_from,rate_percent“ erwartet");
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",");
            try {
                LocalDate from = LocalDate.parse(cells[0].trim());
                if (from.getDayOfMonth() != 1 || from.getMonthValue() != 1 && from.getMonthValue() != 7) {
                    throw new IllegalStateException(source + " Zeile " + (i + 1)
                            + ": der Basiszinssatz ändert sich nur zum 1. Januar und 1. Juli");
                }
                into.put(from, new BigDecimal(cells[1].trim()));
            } catch (DateTimeParseException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalStateException(source + " Zeile " + (i + 1) + " ist ungültig: " + line, e);
            }
        }
    }
}
