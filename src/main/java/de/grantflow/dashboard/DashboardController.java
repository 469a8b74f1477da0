package de.grantflow.dashboard;

import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormValidationException;
import de.grantflow.programme.Call;
import de.grantflow.programme.Programme;
import de.grantflow.statistics.ProgrammeFigures;
import de.grantflow.statistics.ProgrammeFigures.Figures;
import de.grantflow.statistics.ProgrammeJobs;
import de.grantflow.statistics.YearRange;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The programmes whose figures the user may see, and one programme's figures over a range of years, as a page and as a
 * CSV. Who sees what is decided by the statistics module, as for its API.
 */
@Controller
class DashboardController {

    private static final ZoneId AUTHORITY_ZONE = ZoneId.of("Europe/Berlin");

    private final ProgrammeFigures figures;
    private final Charts charts;
    private final ProgrammeJobs jobs;
    private final Clock clock;

    DashboardController(ProgrammeFigures figures, Charts charts, ProgrammeJobs jobs, Clock clock) {
        this.figures = figures;
        this.charts = charts;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** The longest range of years, for the message that refuses a longer one. */
    @ModelAttribute("longest")
    int longest() {
        return YearRange.LONGEST;
    }

    @GetMapping("/dashboard")
    String programmes(@RequestParam(required = false) String programme, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model, HttpServletResponse response) {
        List<Programme> visible = figures.visible();
        if (visible.isEmpty()) {
            throw new AccessDeniedException("Nur Programmverantwortliche und die Evaluation eines Programms");
        }
        model.addAttribute("programmes", visible.stream()
                .map(p -> new ProgrammeChoice(p.key(), p.name(), p.authority().name(), defaults(p))).toList());
        YearsForm form = new YearsForm(from, to);
        model.addAttribute("form", form);
        model.addAttribute("chosen", programme);
        if (programme == null) {
            model.addAttribute("errors", Map.of());
            return "dashboard/programmes";
        }
        Optional<Programme> chosen = visible.stream().filter(p -> p.key().equals(programme)).findFirst();
        if (chosen.isEmpty()) {
            return invalid(model, response, Map.of("programme", "dashboard.error.programme"), "dashboard/programmes");
        }
        YearsForm.Checked checked = form.check(defaults(chosen.get()));
        if (!checked.valid()) {
            return invalid(model, response, checked.errors(), "dashboard/programmes");
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/dashboard/{key}")
                .queryParam("from", checked.years().from()).queryParam("to", checked.years().to())
                .buildAndExpand(programme).encode().toUriString();
    }

    @GetMapping("/dashboard/{key}")
    String figures(@PathVariable String key, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model, Locale locale, HttpServletResponse response) {
        Programme programme = figures.programme(key);
        YearsForm form = new YearsForm(from, to);
        YearsForm.Checked checked = form.check(defaults(programme));
        model.addAttribute("programme", programme);
        model.addAttribute("form", form);
        model.addAttribute("numbers", new Numbers(locale));
        if (!checked.valid()) {
            return invalid(model, response, checked.errors(), "dashboard/figures");
        }
        Figures seen = figures.of(key, checked.years());
        List<FunnelStep> funnel = FunnelStep.of(seen.statistics());
        model.addAttribute("errors", Map.of());
        model.addAttribute("s", seen.statistics());
        model.addAttribute("anonymised", seen.anonymised());
        model.addAttribute("funnel", funnel);
        model.addAttribute("charts", charts.of(seen.statistics(), funnel, locale));
        return "dashboard/figures";
    }

    /** Starts the CSV of the figures shown as a background job and leads to its page, where the file waits. */
    @PostMapping("/dashboard/{key}/export")
    String export(@PathVariable String key, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return "redirect:/dashboard/jobs/" + jobs.exportCsv(key, checkedYears(key, from, to)).id();
    }

    /**
     * Starts the import of a CSV of earlier cases and shows its progress. What the browser can tell at once (no file,
     * not text) stands at the field; the rows are checked by the import itself, whose errors the job page lists.
     */
    @PostMapping("/dashboard/{key}/legacy-cases")
    String importLegacy(@PathVariable String key, @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
            Locale locale, HttpServletResponse response) throws IOException {
        // refused before the file is looked at: an evaluator is not shown a form to fix for an import not theirs
        figures.managed(key);
        Optional<String> csv = LegacyUpload.text(file);
        if (csv.isEmpty()) {
            String view = figures(key, from, to, model, locale, response);
            model.addAttribute("errors", Map.of("legacy-file", LegacyUpload.problem(file)));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return view;
        }
        return "redirect:/dashboard/jobs/" + jobs.importLegacy(key, csv.get()).id();
    }

    @PostMapping("/dashboard/{key}/report")
    String report(@PathVariable String key, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return "redirect:/dashboard/jobs/" + jobs.report(key, checkedYears(key, from, to)).id();
    }

    /** The years of a button's hidden fields: only a changed page gets them wrong, so no form to show them at. */
    private YearRange checkedYears(String key, String from, String to) {
        YearsForm.Checked checked = new YearsForm(from, to).check(defaults(figures.programme(key)));
        if (!checked.valid()) {
            throw new FormValidationException(checked.errors().keySet().stream()
                    .map(field -> new FieldError(field, "Ungültiges Jahr")).toList());
        }
        return checked.years();
    }

    /** From the year of the programme's first call to the current year. */
    private YearRange defaults(Programme programme) {
        int thisYear = LocalDate.now(clock.withZone(AUTHORITY_ZONE)).getYear();
        int firstCall = programme.calls().stream().map(Call::opens).mapToInt(LocalDate::getYear).min()
                .orElse(thisYear);
        return new YearRange(Math.min(firstCall, thisYear), thisYear);
    }

    private static String invalid(Model model, HttpServletResponse response, Map<String, String> errors,
            String view) {
        model.addAttribute("errors", errors);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return view;
    }

    /** A programme on the start page, with the years its figures open with. */
    record ProgrammeChoice(String key, String name, String authority, YearRange years) {
    }
}
