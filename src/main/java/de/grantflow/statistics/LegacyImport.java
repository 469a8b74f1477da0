package de.grantflow.statistics;

import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormValidationException;
import de.grantflow.jobs.JobProgress;
import de.grantflow.programme.Programme;
import de.grantflow.register.Municipality;
import de.grantflow.register.MunicipalityRegister;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme's history from earlier systems, as CSV (reference, ags, year, status, requested, granted, paid,
 * submitted_on, decided_on). Every row is checked first; one bad row refuses the whole file, naming each error by its
 * line. A case is keyed by programme and reference, so the same file imported twice changes nothing.
 */
@Component
class LegacyImport {

    static final List<String> HEADER = List.of("reference", "ags", "year", "status", "requested", "granted", "paid",
            "submitted_on", "decided_on");
    private static final Map<String, String> OUTCOMES = Map.of("approved", StatRow.APPROVED, "rejected",
            StatRow.REJECTED, "withdrawn", StatRow.WITHDRAWN, "lapsed", StatRow.LAPSED);

    private final MunicipalityRegister register;
    private final StatisticsStore store;
    private final Clock clock;

    LegacyImport(MunicipalityRegister register, StatisticsStore store, Clock clock) {
        this.register = register;
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    int load(Programme programme, String csv) {
        return load(programme, csv, (done, total, message) -> { });
    }

    /** As {@link #load(Programme, String)}, telling the rows stored so far; still all or nothing. */
    @Transactional
    int load(Programme programme, String csv, JobProgress progress) {
        progress.report(0, 0, "Die Datei wird geprüft");
        List<StatRow> rows = parse(programme, csv);
        progress.report(0, rows.size(), "Altfälle werden eingelesen");
        for (int i = 0; i < rows.size(); i++) {
            store.put(rows.get(i));
            progress.report(i + 1, rows.size(), null);
        }
        return rows.size();
    }

    List<StatRow> parse(Programme programme, String csv) {
        String[] lines = (csv == null ? "" : csv).replace("\uFEFF", "").split("\\R");
        List<FieldError> errors = new ArrayList<>();
        if (lines.length == 0 || !List.of(lines[0].trim().split("\\s*,\\s*")).equals(HEADER)) {
            throw new FormValidationException(List.of(new FieldError("rows[1]",
                    "Kopfzeile erwartet: " + String.join(",", HEADER))));
        }
        int thisYear = LocalDate.now(clock.withZone(ZoneId.of("Europe/Berlin"))).getYear();
        Set<String> references = new HashSet<>();
        List<StatRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String line = "rows[" + (i + 1) + "]";
            String[] cells = lines[i].split(",", -1);
            if (cells.length != HEADER.size()) {
                errors.add(new FieldError(line, HEADER.size() + " Spalten erwartet, " + cells.length + " gefunden"));
                continue;
            }
            Row row = new Row(line, cells, errors);
            String reference = row.text("reference");
            if (reference != null && !references.add(reference)) {
                errors.add(new FieldError(line + ".reference", "Aktenzeichen doppelt in der Datei"));
            }
            Municipality municipality = null;
            String ags = row.text("ags");
            if (ags != null) {
                municipality = register.find(ags).orElse(null);
                if (municipality == null || !ags.matches("\\d{8}|\\d{5}")) {
                    errors.add(new FieldError(line + ".ags", "Keine Gemeinde (8 Stellen) und kein Kreis (5 Stellen)"
                            + " des Antragstellerverzeichnisses: " + ags));
                }
            }
            Integer year = row.integer("year", 1990, thisYear);
            String outcome = OUTCOMES.get(row.text("status"));
            if (row.text("status") != null && outcome == null) {
                errors.add(new FieldError(line + ".status", "approved, rejected, withdrawn oder lapsed erwartet"));
            }
            BigDecimal requested = row.money("requested", true);
            BigDecimal granted = row.money("granted", false);
            BigDecimal paid = row.money("paid", false);
            if (StatRow.APPROVED.equals(outcome) && granted.signum() <= 0) {
                errors.add(new FieldError(line + ".granted", "Eine Bewilligung braucht einen Betrag größer als 0"));
            }
            if (outcome != null && !StatRow.APPROVED.equals(outcome) && (granted.signum() != 0 || paid.signum() != 0)) {
                errors.add(new FieldError(line + ".granted", "Nur bewilligte Fälle haben Bewilligung und Auszahlung"));
            }
            if (paid.compareTo(granted) > 0) {
                errors.add(new FieldError(line + ".paid", "Mehr ausgezahlt als bewilligt"));
            }
            LocalDate submitted = row.date("submitted_on", true);
            LocalDate decided = row.date("decided_on", false);
            if (submitted != null && decided != null && decided.isBefore(submitted)) {
                errors.add(new FieldError(line + ".decided_on", "Entscheidung vor dem Eingang"));
            }
            if (submitted != null && year != null && submitted.getYear() != year) {
                errors.add(new FieldError(line + ".year", "Das Jahr passt nicht zum Eingangsdatum"));
            }
            if (errors.isEmpty()) {
                rows.add(new StatRow("legacy:" + programme.key() + ":" + reference, null, programme.key(), year, ags,
                        municipality.kreisName(), municipality.regierungsbezirk(), municipality.kind().name(), null,
                        outcome, null, StatisticsProjector.money(requested), StatisticsProjector.money(granted),
                        StatisticsProjector.money(paid), StatisticsProjector.money(null), submitted, decided, null,
                        null, null, null, null, null, null, true));
            }
        }
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        return rows;
    }

    /** One line of the file, read cell by cell with its errors. */
    private static final class Row {

        private final String line;
        private final String[] cells;
        private final List<FieldError> errors;

        Row(String line, String[] cells, List<FieldError> errors) {
            this.line = line;
            this.cells = cells;
            this.errors = errors;
        }

        String text(String column) {
            String value = cells[HEADER.indexOf(column)].trim();
            if (value.isEmpty()) {
                errors.add(new FieldError(line + "." + column, "Pflichtfeld"));
                return null;
            }
            return value;
        }

        Integer integer(String column, int min, int max) {
            String value = text(column);
            try {
                int number = value == null ? 0 : Integer.parseInt(value);
                if (value != null && (number < min || number > max)) {
                    errors.add(new FieldError(line + "." + column, "Zwischen " + min + " und " + max));
                }
                return value == null ? null : number;
            } catch (NumberFormatException e) {
                errors.add(new FieldError(line + "." + column, "Ganze Zahl erwartet"));
                return null;
            }
        }

        BigDecimal money(String column, boolean required) {
            String value = cells[HEADER.indexOf(column)].trim();
            if (value.isEmpty()) {
                if (required) {
                    errors.add(new FieldError(line + "." + column, "Pflichtfeld"));
                }
                return BigDecimal.ZERO;
            }
            try {
                BigDecimal amount = new BigDecimal(value);
                if (amount.signum() < 0 || amount.scale() > 2) {
                    errors.add(new FieldError(line + "." + column, "Betrag ab 0 mit höchstens zwei Nachkommastellen"
                            + " (Punkt als Dezimaltrenner)"));
                }
                return amount;
            } catch (NumberFormatException e) {
                errors.add(new FieldError(line + "." + column, "Betrag erwartet (z. B. 12500.00)"));
                return BigDecimal.ZERO;
            }
        }

        LocalDate date(String column, boolean required) {
            String value = cells[HEADER.indexOf(column)].trim();
            if (value.isEmpty()) {
                if (required) {
                    errors.add(new FieldError(line + "." + column, "Pflichtfeld"));
                }
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(line + "." + column, "Datum im Format JJJJ-MM-TT erwartet"));
                return null;
            }
        }
    }
}
