package de.grantflow.jobs;

import de.grantflow.forms.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A background job's state and its result file, for its owner and administrators. */
@RestController
@Tag(name = "Hintergrundarbeiten", description = "Fortschritt und Ergebnis langer Arbeiten (Importe, Berichte)")
class JobController {

    private final BackgroundJobs jobs;

    JobController(BackgroundJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/api/jobs/{id}")
    @Operation(summary = "Stand einer Hintergrundarbeit: erledigt von gesamt, Meldung, Ergebnis-Adresse wenn fertig")
    JobState state(@PathVariable UUID id) {
        return JobState.of(jobs.find(id));
    }

    @GetMapping("/api/jobs/{id}/result")
    @Operation(summary = "Die Ergebnisdatei einer fertigen Hintergrundarbeit (409 solange sie läuft)")
    ResponseEntity<byte[]> result(@PathVariable UUID id) {
        return jobs.result(id).asDownload();
    }

    /** What the API tells of a job; resultUrl only when there is a file to fetch. */
    record JobState(UUID id, String kind, String programme, JobStatus status, int done, int total, String message,
            String error, List<FieldError> errors, String resultUrl) {

        static JobState of(Job job) {
            return new JobState(job.id(), job.kind(), job.programme(), job.status(), job.done(), job.total(),
                    job.message(), job.errorMessage(), job.errors(),
                    job.hasResultFile() ? "/api/jobs/" + job.id() + "/result" : null);
        }
    }
}
