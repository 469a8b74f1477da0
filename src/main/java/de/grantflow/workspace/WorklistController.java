package de.grantflow.workspace;

import de.grantflow.application.CaseConflictException;
import de.grantflow.application.Cases;
import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.register.MunicipalityRegister;
import de.grantflow.security.CurrentUser;
import de.grantflow.security.CurrentUsers;
import de.grantflow.security.Role;
import de.grantflow.tasks.Stage;
import de.grantflow.tasks.WorkTask;
import de.grantflow.tasks.WorklistPage;
import de.grantflow.tasks.WorklistQuery;
import de.grantflow.tasks.WorklistQuery.Scope;
import de.grantflow.tasks.WorklistService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The worklist of the signed-in reviewer or approver, and taking a task on or giving it back. */
@Controller
class WorklistController {

    static final int PAGE_SIZE = 25;

    private final WorklistService worklist;
    private final CurrentUsers users;
    private final ProgrammeCatalog programmes;
    private final MunicipalityRegister register;
    private final MessageSource messages;
    private final Clock clock;
    private final Cases cases;

    WorklistController(WorklistService worklist, CurrentUsers users, ProgrammeCatalog programmes,
            MunicipalityRegister register, MessageSource messages, Clock clock, Cases cases) {
        this.cases = cases;
        this.worklist = worklist;
        this.users = users;
        this.programmes = programmes;
        this.register = register;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/workspace")
    String worklist(@RequestParam(defaultValue = "all") String tab, @RequestParam(required = false) String programme,
            @RequestParam(required = false) String stage, @RequestParam(defaultValue = "due") String sort,
            @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser user = Staff.require(users);
        Filter filter = Filter.of(tab, programme, stage, sort, page);
        WorklistPage result = worklist.worklist(user, new WorklistQuery(filter.scope(), filter.programme(),
                filter.stage(), filter.latestDueFirst(), filter.page(), PAGE_SIZE));
        Instant now = clock.instant();
        model.addAttribute("filter", filter);
        model.addAttribute("rows", result.tasks().stream().map(t -> row(t, user, now)).toList());
        model.addAttribute("more", result.more());
        model.addAttribute("programmes", programmes.all().stream()
                .filter(p -> user.isStaffOf(p.authority().key())).toList());
        model.addAttribute("stages", worklist.stages());
        return "workspace/worklist";
    }

    /** Opens a case by its Aktenzeichen: how staff without a task on it, and auditors, find a case. */
    @GetMapping("/workspace/cases")
    String open(@RequestParam(defaultValue = "") String reference, RedirectAttributes flash) {
        CurrentUser user = Staff.require(users);
        String wanted = reference.strip();
        return cases.findVisibleByReference(wanted, user)
                .map(c -> "redirect:/workspace/cases/" + c.id())
                .orElseGet(() -> {
                    flash.addFlashAttribute("flashError", messages.getMessage(wanted.isEmpty()
                            ? "workspace.open.empty" : "workspace.open.notFound", new Object[] {wanted},
                            LocaleContextHolder.getLocale()));
                    return "redirect:/workspace";
                });
    }

    @PostMapping("/workspace/tasks/{id}/claim")
    String claim(@PathVariable String id, @RequestParam(required = false) String back, RedirectAttributes flash) {
        CurrentUser user = Staff.require(users);
        try {
            WorkTask task = worklist.claim(user, id);
            flash.addFlashAttribute("flash", messages.getMessage("workspace.flash.claimed",
                    new Object[] {task.name(), task.reference()}, LocaleContextHolder.getLocale()));
        } catch (CaseConflictException conflict) {
            flash.addFlashAttribute("flashError", conflict.getMessage() + ".");
        }
        return "redirect:" + Staff.back(back);
    }

    @PostMapping("/workspace/tasks/{id}/unclaim")
    String unclaim(@PathVariable String id, @RequestParam(required = false) String back, RedirectAttributes flash) {
        CurrentUser user = Staff.require(users);
        try {
            WorkTask task = worklist.unclaim(user, id);
            flash.addFlashAttribute("flash", messages.getMessage("workspace.flash.unclaimed",
                    new Object[] {task.name(), task.reference()}, LocaleContextHolder.getLocale()));
        } catch (CaseConflictException conflict) {
            flash.addFlashAttribute("flashError", conflict.getMessage() + ".");
        }
        return "redirect:" + Staff.back(back);
    }

    private Row row(WorkTask task, CurrentUser user, Instant now) {
        Programme programme = programmes.find(task.programme()).orElse(null);
        String municipality = register.find(task.municipalityAgs()).map(m -> m.displayName())
                .orElse(task.municipalityAgs());
        boolean mine = user.username().equals(task.assignee());
        return new Row(task.id(), task.name(), task.applicationId(), task.reference(), municipality,
                programme == null ? task.programme() : programme.shortName(), task.due(),
                task.due() != null && task.due().isBefore(now), task.assignee(), mine, task.assignee() == null,
                mine || task.assignee() != null && user.has(Role.ADMIN));
    }

    /** One line of the worklist. */
    public record Row(String taskId, String taskName, UUID applicationId, String reference, String municipality,
            String programme, Instant due, boolean overdue, String assignee, boolean mine, boolean claimable,
            boolean returnable) {
    }

    /** The worklist's tab, filters, order and page as the page's links and forms carry them. */
    public record Filter(String tab, String programme, String stage, String sort, int page) {

        static final List<String> TABS = List.of("all", "mine", "groups", "overdue");

        static Filter of(String tab, String programme, String stage, String sort, int page) {
            return new Filter(TABS.contains(tab) ? tab : "all", blank(programme), blank(stage),
                    "due-desc".equals(sort) ? "due-desc" : "due", Math.max(0, page));
        }

        Scope scope() {
            return switch (tab) {
                case "mine" -> Scope.ASSIGNED;
                case "groups" -> Scope.GROUPS;
                case "overdue" -> Scope.OVERDUE;
                default -> Scope.ALL;
            };
        }

        boolean latestDueFirst() {
            return "due-desc".equals(sort);
        }

        public List<String> tabs() {
            return TABS;
        }

        /** The address of this view with one thing changed; a new tab or filter starts on the first page. */
        public String with(String name, Object value) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/workspace");
            String t = "tab".equals(name) ? String.valueOf(value) : tab;
            String p = "programme".equals(name) ? blank((String) value) : programme;
            String s = "stage".equals(name) ? blank((String) value) : stage;
            String o = "sort".equals(name) ? String.valueOf(value) : sort;
            int n = "page".equals(name) ? (Integer) value : "sort".equals(name) ? page : 0;
            if (!"all".equals(t)) {
                uri.queryParam("tab", t);
            }
            if (p != null) {
                uri.queryParam("programme", p);
            }
            if (s != null) {
                uri.queryParam("stage", s);
            }
            if (!"due".equals(o)) {
                uri.queryParam("sort", o);
            }
            if (n > 0) {
                uri.queryParam("page", n);
            }
            return uri.encode().build().toUriString();
        }

        /** This view's own address, where claiming and giving back return to. */
        public String self() {
            return with("page", page);
        }

        private static String blank(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
