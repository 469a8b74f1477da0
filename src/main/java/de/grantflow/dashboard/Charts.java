package de.grantflow.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grantflow.statistics.ProgrammeStatistics;
import de.grantflow.statistics.ProgrammeStatistics.Breakdown;
import de.grantflow.statistics.ProgrammeStatistics.Duration;
import de.grantflow.statistics.ProgrammeStatistics.Year;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The page's charts as the JSON its script hands to Chart.js, built from the same figures as the tables next to them,
 * with the labels in the reader's language.
 */
@Component
class Charts {

    private final MessageSource messages;
    private final ObjectMapper json;

    Charts(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** Every chart of the page by its name; without open work in anonymised figures. */
    Map<String, String> of(ProgrammeStatistics s, List<FunnelStep> funnel, Locale locale) {
        List<String> years = s.years().stream().map(y -> String.valueOf(y.year())).toList();
        Map<String, Chart> charts = new LinkedHashMap<>();
        charts.put("cases", new Chart("x", false, years, List.of(
                series("dashboard.col.applications", s.years(), Year::applications, locale),
                series("dashboard.col.approved", s.years(), Year::approved, locale))));
        charts.put("money", new Chart("x", true, years, List.of(
                series("dashboard.col.requested", s.years(), Year::requested, locale),
                series("dashboard.col.granted", s.years(), Year::granted, locale),
                series("dashboard.col.paid", s.years(), Year::paid, locale),
                series("dashboard.col.recovered", s.years(), Year::recovered, locale))));
        charts.put("funnel", new Chart("y", false,
                funnel.stream().map(step -> text("dashboard.funnel." + step.key(), locale)).toList(),
                List.of(series("dashboard.funnel.cases", funnel, FunnelStep::cases, locale))));
        List<Map.Entry<String, Duration>> stages = List.copyOf(s.durations().entrySet());
        charts.put("durations", new Chart("x", false,
                stages.stream().map(e -> text("dashboard.stage." + e.getKey(), locale)).toList(), List.of(
                        series("dashboard.durations.median", stages, e -> e.getValue().medianDays(), locale),
                        series("dashboard.durations.p90", stages, e -> e.getValue().p90Days(), locale))));
        if (s.openWork() != null) {
            List<Map.Entry<String, Long>> ages = List.copyOf(s.openWork().byAge().entrySet());
            charts.put("backlogAge", new Chart("x", false, ages.stream().map(Map.Entry::getKey).toList(),
                    List.of(series("dashboard.backlog.cases", ages, Map.Entry::getValue, locale))));
            List<Map.Entry<String, Long>> statuses = List.copyOf(s.openWork().byStage().entrySet());
            charts.put("backlogStage", new Chart("y", false,
                    statuses.stream().map(e -> messages.getMessage("dashboard.status." + e.getKey(), null,
                            e.getKey(), locale)).toList(),
                    List.of(series("dashboard.backlog.cases", statuses, Map.Entry::getValue, locale))));
        }
        List<Breakdown> regions = s.breakdowns().getOrDefault("regierungsbezirk", List.of());
        charts.put("regions", new Chart("y", false, regions.stream().map(Breakdown::value).toList(), List.of(
                series("dashboard.col.applications", regions, Breakdown::applications, locale),
                series("dashboard.col.approved", regions, Breakdown::approved, locale))));
        Map<String, String> written = new LinkedHashMap<>();
        charts.forEach((name, chart) -> written.put(name, write(chart)));
        return written;
    }

    private <T> Series series(String label, List<T> items, Function<T, ? extends Number> value, Locale locale) {
        List<Number> data = new ArrayList<>();
        for (T item : items) {
            Number number = value.apply(item);
            // money as a plain number: the script formats it for the reader
            data.add(number instanceof BigDecimal amount ? amount.doubleValue() : number);
        }
        return new Series(text(label, locale), data);
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }

    private String write(Chart chart) {
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bar chart: indexAxis y lays the bars horizontally; money tells the script to show euros. */
    record Chart(String indexAxis, boolean money, List<String> labels, List<Series> datasets) {
    }

    record Series(String label, List<Number> data) {
    }
}
