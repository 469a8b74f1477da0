package de.grantflow.statistics;

import de.grantflow.jobs.BackgroundJobs;
import de.grantflow.jobs.Job;
import de.grantflow.jobs.JobOutcome;
import de.grantflow.jobs.JobRequest;
import de.grantflow.jobs.JobWork;
import de.grantflow.programme.Programme;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * A programme's long work as background jobs: the import of its history, its evaluation report and the CSV of its
 * figures. Access is checked when the job starts, by the same rules as the synchronous API and the dashboard, and
 * again, as the job's owner, when another node starts a job again whose node died.
 */
@Component
public class ProgrammeJobs {

    public static final String LEGACY_IMPORT = "LEGACY_IMPORT";
    public static final String PROGRAMME_REPORT = "PROGRAMME_REPORT";
    public static final String STATISTICS_EXPORT = "STATISTICS_EXPORT";
    private static final String WAITING = "Wartet auf den Start";

    private final BackgroundJobs jobs;
    private final LegacyImport legacy;
    private final ProgrammeReport report;
    private final ProgrammeFigures figures;
    private final ProgrammeAccess access;

    ProgrammeJobs(BackgroundJobs jobs, LegacyImport legacy, ProgrammeReport report, ProgrammeFigures figures,
            ProgrammeAccess access) {
        this.jobs = jobs;
        this.legacy = legacy;
        this.report = report;
        this.figures = figures;
        this.access = access;
        jobs.register(LEGACY_IMPORT, this::importWork);
        jobs.register(PROGRAMME_REPORT, this::reportWork);
        jobs.register(STATISTICS_EXPORT, this::exportWork);
    }

    /** Imports the CSV in the background, all or nothing; refused (403) to whoever does not manage the programme. */
    public Job importLegacy(String key, String csv) {
        return jobs.start(LEGACY_IMPORT, new JobRequest(key, Map.of(), csv.getBytes(StandardCharsets.UTF_8)),
                WAITING);
    }

    /** Draws the evaluation report in the background; for managers and evaluators of the programme. */
    public Job report(String key, YearRange years) {
        return jobs.start(PROGRAMME_REPORT, JobRequest.of(key, years(years)), WAITING);
    }

    /**
     * Writes the per-year figures as a CSV for Excel with German settings in the background, row by row; in full for
     * the programme's managers, anonymised for its evaluators, as the dashboard shows them.
     */
    public Job exportCsv(String key, YearRange years) {
        return jobs.start(STATISTICS_EXPORT, JobRequest.of(key, years(years)), WAITING);
    }

    /** The same file imported again changes nothing, so an import cut off by its node's end can run again. */
    private JobWork importWork(JobRequest request) {
        Programme programme = access.managed(request.programme());
        String csv = new String(request.input(), StandardCharsets.UTF_8);
        return progress -> {
            int rows = legacy.load(programme, csv, progress);
            return JobOutcome.message(rows == 1 ? "1 Altfall eingelesen" : rows + " Altfälle eingelesen");
        };
    }

    private JobWork reportWork(JobRequest request) {
        Programme programme = access.managedOrEvaluated(request.programme());
        YearRange years = years(request);
        return progress -> {
            progress.report(0, 2, "Die Zahlen werden zusammengestellt");
            var figures = report.figures(programme, years);
            progress.report(1, 2, "Der Bericht wird als PDF gesetzt");
            byte[] pdf = report.render(figures);
            progress.report(2, 2, "Der Bericht ist fertig");
            return JobOutcome.file("Der Programmbericht ist fertig", pdf, MediaType.APPLICATION_PDF_VALUE,
                    ProgrammeReport.fileName(figures));
        };
    }

    private JobWork exportWork(JobRequest request) {
        Programme programme = figures.programme(request.programme());
        YearRange years = years(request);
        return progress -> {
            progress.report(0, 0, "Die Zahlen werden zusammengestellt");
            ProgrammeStatistics statistics = figures.of(programme.key(), years).statistics();
            int rows = StatisticsCsv.rows(statistics);
            progress.report(0, rows, "Die Zeilen werden geschrieben");
            String csv = StatisticsCsv.GERMAN.write(statistics, written -> progress.report(written, rows, null));
            return JobOutcome.file(rows + " Zeilen geschrieben (je Jahr und gesamt)",
                    csv.getBytes(StandardCharsets.UTF_8), "text/csv;charset=UTF-8", StatisticsCsv.fileName(statistics));
        };
    }

    private static Map<String, String> years(YearRange years) {
        return Map.of("from", String.valueOf(years.from()), "to", String.valueOf(years.to()));
    }

    private static YearRange years(JobRequest request) {
        return new YearRange(Integer.parseInt(request.parameter("from")), Integer.parseInt(request.parameter("to")));
    }
}
