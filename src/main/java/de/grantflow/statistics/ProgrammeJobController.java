package de.grantflow.statistics;

import de.grantflow.jobs.Job;
import de.grantflow.jobs.JobStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The long programme work started in the background: 202 with the job's address; its progress and result at
 * {@code /api/jobs/{id}}. The synchronous calls stay as they are for scripts that want to wait.
 */
@RestController
@Tag(name = "Statistik", description = "Programmzahlen für Programmverantwortliche")
class ProgrammeJobController {

    private final ProgrammeJobs jobs;

    ProgrammeJobController(ProgrammeJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping(path = "/api/programmes/{key}/legacy-cases/jobs",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Altfälle im Hintergrund einlesen (CSV; alles oder nichts); 202 mit der Adresse des Auftrags")
    ResponseEntity<Started> importLegacy(@PathVariable String key, @RequestBody String csv) {
        return accepted(jobs.importLegacy(key, csv));
    }

    @PostMapping("/api/evaluation/programmes/{key}/report/jobs")
    @Operation(summary = "Evaluationsbericht im Hintergrund erzeugen; 202 mit der Adresse des Auftrags")
    ResponseEntity<Started> report(@PathVariable String key, @RequestParam int from, @RequestParam int to) {
        return accepted(jobs.report(key, new YearRange(from, to)));
    }

    @PostMapping("/api/statistics/programmes/{key}/csv/jobs")
    @Operation(summary = "Zahlen je Jahr als CSV für Excel im Hintergrund schreiben; 202 mit der Adresse des Auftrags")
    ResponseEntity<Started> exportCsv(@PathVariable String key, @RequestParam int from, @RequestParam int to) {
        return accepted(jobs.exportCsv(key, new YearRange(from, to)));
    }

    private static ResponseEntity<Started> accepted(Job job) {
        return ResponseEntity.accepted().location(URI.create("/api/jobs/" + job.id()))
                .body(new Started(job.id(), job.status()));
    }

    /** The job just started. */
    record Started(UUID id, JobStatus status) {
    }
}
