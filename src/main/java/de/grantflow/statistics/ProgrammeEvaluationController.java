package de.grantflow.statistics;

import de.grantflow.evaluation.EvaluationService;
import de.grantflow.evaluation.EvaluationService.Outcomes;
import de.grantflow.letters.Documents;
import de.grantflow.programme.Programme;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The programme evaluation: anonymised figures (no case, no municipality, no person) for programme managers and
 * external evaluators, as JSON and as a report PDF with its charts drawn as vector graphics.
 */
@RestController
@Tag(name = "Evaluation", description = "Anonymisierte Programmzahlen und Evaluationsbericht")
class ProgrammeEvaluationController {

    private final StatisticsQuery statistics;
    private final EvaluationService evaluation;
    private final Documents documents;
    private final ProgrammeAccess access;
    private final Clock clock;

    ProgrammeEvaluationController(StatisticsQuery statistics, EvaluationService evaluation, Documents documents,
            ProgrammeAccess access, Clock clock) {
        this.statistics = statistics;
        this.evaluation = evaluation;
        this.documents = documents;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/api/evaluation/programmes/{key}")
    @Operation(summary = "Anonymisierte Programmzahlen mit Indikatoren und Zielerreichung")
    ProgrammeEvaluation evaluation(@PathVariable String key, @RequestParam int from, @RequestParam int to) {
        Programme programme = access.managedOrEvaluated(key);
        YearRange years = new YearRange(from, to);
        ProgrammeStatistics s = statistics.of(programme, years.from(), years.to()).anonymised();
        return new ProgrammeEvaluation(programme.key(), programme.name(), from, to, s.years(), s.totals(),
                s.durations(), s.breakdowns(), evaluation.outcomes(programme, from, to));
    }

    @GetMapping(path = "/api/evaluation/programmes/{key}/report", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Evaluationsbericht des Programms als PDF/A")
    ResponseEntity<byte[]> report(@PathVariable String key, @RequestParam int from, @RequestParam int to) {
        ProgrammeEvaluation figures = evaluation(key, from, to);
        long maxApplications = Math.max(1, figures.years().stream()
                .mapToLong(ProgrammeStatistics.Year::applications).max().orElse(1));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("e", figures);
        variables.put("maxApplications", maxApplications);
        variables.put("today", LocalDate.now(clock.withZone(ZoneId.of("Europe/Berlin"))));
        byte[] pdf = documents.render("programme-report", variables);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evaluationsbericht-" + key + "-"
                        + from + "-" + to + ".pdf\"")
                .body(pdf);
    }

    /** The anonymised programme evaluation. */
    record ProgrammeEvaluation(String programme, String name, int from, int to, List<ProgrammeStatistics.Year> years,
            ProgrammeStatistics.Totals totals, Map<String, ProgrammeStatistics.Duration> durations,
            Map<String, List<ProgrammeStatistics.Breakdown>> breakdowns, Outcomes outcomes) {
    }
}
