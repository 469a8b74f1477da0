package de.grantflow.dashboard;

import de.grantflow.forms.FieldError;
import de.grantflow.jobs.BackgroundJobs;
import de.grantflow.jobs.Job;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A background job's page: its progress while it runs (the status fragment polls itself every second and stops when
 * the job is finished), then its outcome, its result to download or its errors. Only the owner sees it (else 404).
 */
@Controller
class JobPages {

    private static final Pattern ROW = Pattern.compile("rows\\[(\\d+)](?:\\.(\\w+))?");

    private final BackgroundJobs jobs;

    JobPages(BackgroundJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/dashboard/jobs/{id}")
    String page(@PathVariable UUID id, Model model) {
        show(jobs.find(id), model);
        return "dashboard/job";
    }

    @GetMapping("/dashboard/jobs/{id}/status")
    String status(@PathVariable UUID id, Model model) {
        show(jobs.find(id), model);
        return "dashboard/job :: status";
    }

    @GetMapping("/dashboard/jobs/{id}/result")
    ResponseEntity<byte[]> result(@PathVariable UUID id) {
        return jobs.result(id).asDownload();
    }

    private static void show(Job job, Model model) {
        model.addAttribute("job", job);
        model.addAttribute("problems", job.errors().stream().map(JobPages::problem).toList());
    }

    /** An import's error by line and column ("rows[3].ags" is line 3, column ags), as the file's author reads it. */
    static Problem problem(FieldError error) {
        Matcher row = ROW.matcher(error.field());
        return row.matches() ? new Problem(Integer.parseInt(row.group(1)), row.group(2), error.message())
                : new Problem(null, error.field(), error.message());
    }

    /** One error of a failed job: the line of the file (if any), the column or field, the German message. */
    record Problem(Integer line, String column, String message) {
    }
}
