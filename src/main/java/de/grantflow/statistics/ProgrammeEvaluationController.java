package de.grantflow.statistics;

import de.grantflow.evaluation.EvaluationService.Outcomes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

    private final ProgrammeReport report;
    private final ProgrammeAccess access;

    ProgrammeEvaluationController(ProgrammeReport report, ProgrammeAccess access) {
        this.report = report;
        this.access = access;
    }

    @GetMapping("/api/evaluation/programmes/{key}")
    @Operation(summary = "Anonymisierte Programmzahlen mit Indikatoren und Zielerreichung")
    ProgrammeEvaluation evaluation(@PathVariable String key, @RequestParam int from, @RequestParam int to) {
        return report.figures(access.managedOrEvaluated(key), new YearRange(from, to));
    }

    @GetMapping(path = "/api/evaluation/programmes/{key}/report", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Evaluationsbericht des Programms als PDF/A")
    ResponseEntity<byte[]> report(@PathVariable String key, @RequestParam int from, @RequestParam int to) {
        ProgrammeEvaluation figures = evaluation(key, from, to);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ProgrammeReport.fileName(figures)
                        + "\"")
                .body(report.render(figures));
    }

    /** The anonymised programme evaluation. */
    record ProgrammeEvaluation(String programme, String name, int from, int to, List<ProgrammeStatistics.Year> years,
            ProgrammeStatistics.Totals totals, Map<String, ProgrammeStatistics.Duration> durations,
            Map<String, List<ProgrammeStatistics.Breakdown>> breakdowns, Outcomes outcomes) {
    }
}
