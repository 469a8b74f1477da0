package de.grantflow.statistics;

import de.grantflow.evaluation.EvaluationService;
import de.grantflow.letters.Documents;
import de.grantflow.programme.Programme;
import de.grantflow.statistics.ProgrammeEvaluationController.ProgrammeEvaluation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The programme's evaluation report: the anonymised figures, then the PDF drawn from them. Access is checked before. */
@Component
class ProgrammeReport {

    private final StatisticsQuery statistics;
    private final EvaluationService evaluation;
    private final Documents documents;
    private final Clock clock;

    ProgrammeReport(StatisticsQuery statistics, EvaluationService evaluation, Documents documents, Clock clock) {
        this.statistics = statistics;
        this.evaluation = evaluation;
        this.documents = documents;
        this.clock = clock;
    }

    ProgrammeEvaluation figures(Programme programme, YearRange years) {
        ProgrammeStatistics s = statistics.of(programme, years.from(), years.to()).anonymised();
        return new ProgrammeEvaluation(programme.key(), programme.name(), years.from(), years.to(), s.years(),
                s.totals(), s.durations(), s.breakdowns(), evaluation.outcomes(programme, years.from(), years.to()));
    }

    byte[] render(ProgrammeEvaluation figures) {
        long maxApplications = Math.max(1, figures.years().stream()
                .mapToLong(ProgrammeStatistics.Year::applications).max().orElse(1));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("e", figures);
        variables.put("maxApplications", maxApplications);
        variables.put("today", LocalDate.now(clock.withZone(ZoneId.of("Europe/Berlin"))));
        return documents.render("programme-report", variables);
    }

    static String fileName(ProgrammeEvaluation figures) {
        return "evaluationsbericht-" + figures.programme() + "-" + figures.from() + "-" + figures.to() + ".pdf";
    }
}
