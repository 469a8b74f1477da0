package de.grantflow.statistics;

import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Programme statistics (JSON or CSV) and the import of a programme's history; for programme managers only. */
@RestController
@Tag(name = "Statistik", description = "Programmzahlen für Programmverantwortliche")
class StatisticsController {

    private static final String CSV = "text/csv";

    private final StatisticsQuery query;
    private final LegacyImport legacy;
    private final SyntheticHistory synthetic;
    private final ProgrammeCatalog programmes;
    private final ProgrammeAccess access;
    private final Clock clock;

    StatisticsController(StatisticsQuery query, LegacyImport legacy, SyntheticHistory synthetic,
            ProgrammeCatalog programmes, ProgrammeAccess access, Clock clock) {
        this.query = query;
        this.legacy = legacy;
        this.synthetic = synthetic;
        this.programmes = programmes;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping(path = "/api/statistics/programmes/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Zahlen eines Programms je Jahr und gesamt (auch als CSV mit Accept: text/csv)")
    ProgrammeStatistics statistics(@PathVariable String key, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to) {
        Programme programme = access.managed(key);
        int thisYear = java.time.LocalDate.now(clock.withZone(ZoneId.of("Europe/Berlin"))).getYear();
        YearRange years = new YearRange(from == null ? thisYear - 9 : from, to == null ? thisYear : to);
        return query.of(programme, years.from(), years.to());
    }

    @GetMapping(path = "/api/statistics/programmes/{key}", produces = CSV)
    ResponseEntity<String> statisticsCsv(@PathVariable String key, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to) {
        ProgrammeStatistics statistics = statistics(key, from, to);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\""
                        + StatisticsCsv.fileName(statistics) + "\"")
                .body(StatisticsCsv.PLAIN.write(statistics));
    }

    @PostMapping(path = "/api/programmes/{key}/legacy-cases", consumes = {CSV, MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Altfälle eines Programms aus früheren Systemen einlesen (CSV; alles oder nichts)")
    Map<String, Object> importLegacy(@PathVariable String key, @RequestBody String csv) {
        Programme programme = access.managed(key);
        return Map.of("programme", programme.key(), "rows", legacy.load(programme, csv));
    }

    @PostMapping("/api/programmes/{key}/synthetic-history")
    @Operation(summary = "Synthetische Historie für Demo und Benchmark erzeugen (nur Administration)")
    Map<String, Object> synthetic(@PathVariable String key, @RequestParam(defaultValue = "10000") int cases) {
        if (!access.caller().has(Role.ADMIN)) {
            throw new AccessDeniedException("Nur die Administration erzeugt synthetische Daten");
        }
        if (cases < 1 || cases > 5_000_000) {
            throw new de.grantflow.forms.FormValidationException(java.util.List.of(
                    new de.grantflow.forms.FieldError("cases", "Zwischen 1 und 5.000.000")));
        }
        Programme programme = programmes.get(key);
        return Map.of("programme", key, "cases", synthetic.generate(key, programme.state().name(), cases));
    }
}
