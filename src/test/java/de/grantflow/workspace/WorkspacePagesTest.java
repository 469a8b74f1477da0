package de.grantflow.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.grantflow.TestClock;
import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseFixtures;
import de.grantflow.security.NewUser;
import de.grantflow.security.Role;
import de.grantflow.security.UserAccounts;
import de.grantflow.web.PageSession;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The reviewer workspace through real HTTP as a browser without JavaScript: worklist, claiming, dossier, task forms. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WorkspacePagesTest {

    private static final Pattern LETTER_LINK = Pattern.compile("href=\"(/workspace/letters/[0-9a-f-]{36})\"");

    @LocalServerPort int port;
    @Autowired CaseFixtures cases;
    @Autowired TestClock clock;
    @Autowired TaskService tasks;
    @Autowired UserAccounts accounts;

    @BeforeEach
    void setUp() {
        clock.reset();
        cases.ensureUsers();
    }

    @Test
    void reviewerClaimsAGroupTaskAndReadsTheDossier() {
        UUID id = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Lotsen im Quartier", 20_000));
        String reference = reference(id);
        String formalCheck = openTask(id, "Task_FormalCheck").getId();
        PageSession pruefer = signedIn("pruefer");

        String groups = pruefer.get("/workspace?tab=groups&stage=Task_FormalCheck").body();
        assertThat(groups).contains("<title>Arbeitsliste – grantflow</title>", "Meine Gruppen", reference,
                "Stadt Dortmund", "Formale Prüfung", "/workspace/tasks/" + formalCheck + "/claim",
                "<caption>Noch nicht übernommene Aufgaben Ihrer Gruppen</caption>", "scope=\"col\"");

        HttpResponse<String> claimed = pruefer.post("/workspace/tasks/" + formalCheck + "/claim",
                "back=" + encode("/workspace?tab=groups&stage=Task_FormalCheck") + "&_csrf=" + csrf(pruefer, groups));
        assertThat(claimed.statusCode()).isEqualTo(302);
        assertThat(claimed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/workspace?tab=groups&stage=Task_FormalCheck"));
        String afterClaim = pruefer.get("/workspace?tab=groups&stage=Task_FormalCheck").body();
        assertThat(afterClaim).contains("übernommen.").doesNotContain("/workspace/tasks/" + formalCheck + "/claim");
        assertThat(pruefer.get("/workspace?tab=mine").body()).contains(reference,
                "/workspace/tasks/" + formalCheck + "/unclaim");
        assertThat(tasks.createTaskQuery().taskId(formalCheck).singleResult().getAssignee()).isEqualTo("pruefer");

        PageSession pruefer2 = signedIn("pruefer2");
        String mine = pruefer2.get("/workspace?stage=Task_FormalCheck").body();
        assertThat(mine).contains(reference, "pruefer");
        HttpResponse<String> taken = pruefer2.post("/workspace/tasks/" + formalCheck + "/claim",
                "back=/workspace&_csrf=" + csrf(pruefer2, mine));
        assertThat(taken.statusCode()).isEqualTo(302);
        assertThat(pruefer2.get("/workspace").body()).contains("Die Aufgabe ist bereits von pruefer übernommen");
        assertThat(tasks.createTaskQuery().taskId(formalCheck).singleResult().getAssignee()).isEqualTo("pruefer");

        String dossier = pruefer.get("/workspace/cases/" + id).body();
        assertThat(dossier).contains("<title>Vorgang " + reference + " – grantflow</title>", "Stadt Dortmund",
                "05913000", "KOMM-IN", "Lotsen im Quartier", "20.000,00 €", "Antragsdaten",
                "Aufbau eines Lotsensystems", "Eingangsbestätigung", "kommin-nrw-eligibility", "Angewandte Regel",
                "Formale Prüfung", "Verlauf");
        Matcher letter = LETTER_LINK.matcher(dossier);
        assertThat(letter.find()).isTrue();
        HttpResponse<String> pdf = pruefer.get(letter.group(1));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");

        accounts.createOrUpdate(new NewUser("pruefer.bw", "demo", "Prüferin BW", null, null,
                Set.of(Role.REVIEWER, Role.APPROVER), null, Set.of("lpb-bw")));
        PageSession otherAuthority = signedIn("pruefer.bw");
        assertThat(otherAuthority.get("/workspace/cases/" + id).statusCode()).isEqualTo(404);
        assertThat(otherAuthority.get(letter.group(1)).statusCode()).isEqualTo(404);
        assertThat(otherAuthority.get("/workspace/tasks/" + formalCheck).statusCode()).isEqualTo(404);
        assertThat(otherAuthority.get("/workspace").body()).doesNotContain(reference);
        PageSession applicant = signedIn("antrag.dortmund");
        assertThat(applicant.get("/workspace/cases/" + id).statusCode()).isEqualTo(403);
        assertThat(applicant.get("/workspace/tasks/" + formalCheck).statusCode()).isEqualTo(403);
        assertThat(applicant.get("/workspace").statusCode()).isEqualTo(403);
    }

    @Test
    void sortsByDueDateMarksOverdueTasksInWordsAndFiltersByProgramme() {
        UUID early = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Früh fällig", 10_000));
        UUID late = cases.submit("antrag.duisburg", "kommin-nrw", CaseFixtures.kommIn("Spät fällig", 10_000));
        Map<String, Object> dialogue = CaseFixtures.common("Dialog am Neckar", 3_000);
        dialogue.put("facilitatorName", "Moderation Süd");
        dialogue.put("dialogueFormat", "buergerdialog");
        dialogue.put("numberOfEvents", 3);
        dialogue.put("city", "Stuttgart");
        dialogue.put("postalCode", "70173");
        UUID stuttgart = cases.submit("antrag.stuttgart", "fluechtlingsdialoge-bw", dialogue);
        dueOn(openTask(early, "Task_FormalCheck"), LocalDateTime.of(2026, 2, 10, 12, 0));
        dueOn(openTask(late, "Task_FormalCheck"), LocalDateTime.of(2026, 4, 20, 12, 0));
        PageSession pruefer = signedIn("pruefer");

        String ascending = pruefer.get("/workspace?stage=Task_FormalCheck&programme=kommin-nrw").body();
        assertThat(ascending.indexOf(reference(early))).isPositive().isLessThan(ascending.indexOf(reference(late)));
        assertThat(ascending).contains("10.02.2026", "20.04.2026", "überfällig", "aria-sort=\"ascending\"")
                .doesNotContain(reference(stuttgart));
        String descending = pruefer.get("/workspace?stage=Task_FormalCheck&programme=kommin-nrw&sort=due-desc")
                .body();
        assertThat(descending.indexOf(reference(late))).isPositive().isLessThan(descending.indexOf(reference(early)));
        assertThat(descending).contains("aria-sort=\"descending\"");

        String overdue = pruefer.get("/workspace?tab=overdue").body();
        assertThat(overdue).contains(reference(early)).doesNotContain(reference(late));

        String dialogues = pruefer.get("/workspace?programme=fluechtlingsdialoge-bw").body();
        assertThat(dialogues).contains(reference(stuttgart)).doesNotContain(reference(early), reference(late));
    }

    @Test
    void reviewerAndApproverWorkTheCaseOnTaskPagesWithFourEyes() {
        UUID id = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Brücken bauen", 30_000));
        String reference = reference(id);
        String formalCheck = openTask(id, "Task_FormalCheck").getId();
        PageSession pruefer = signedIn("pruefer");

        String checkPage = pruefer.get("/workspace/tasks/" + formalCheck).body();
        assertThat(checkPage).contains("<title>Formale Prüfung – " + reference + " – grantflow</title>",
                "<h1>Formale Prüfung</h1>", "Antrag ist vollständig und formal in Ordnung", "name=\"missingDocuments\"",
                "Stadt Dortmund", "05913000", "30.000,00 €");
        HttpResponse<String> invalid = pruefer.post("/workspace/tasks/" + formalCheck,
                "missingDocuments=&_csrf=" + csrf(pruefer, checkPage));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("role=\"alert\"", "Bitte die fehlenden Unterlagen angeben",
                "aria-invalid=\"true\"");
        assertThat(openTask(id, "Task_FormalCheck").getId()).as("still open").isEqualTo(formalCheck);
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.SUBMITTED);

        HttpResponse<String> checked = pruefer.post("/workspace/tasks/" + formalCheck,
                "complete=true&missingDocuments=&_csrf=" + csrf(pruefer, invalid.body()));
        assertThat(checked.statusCode()).isEqualTo(302);
        assertThat(checked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/workspace"));
        assertThat(pruefer.get("/workspace").body()).contains("Die Aufgabe „Formale Prüfung“ zu " + reference
                + " ist abgeschlossen.");
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.IN_REVIEW);

        String review = openTask(id, "Task_Review").getId();
        PageSession pruefer2 = signedIn("pruefer2");
        String reviewPage = pruefer2.get("/workspace/tasks/" + review).body();
        assertThat(pruefer2.post("/workspace/tasks/" + review, "criteriaMet=zielgruppe&criteriaMet=vernetzung"
                + "&score=85&recommendation=approve&proposedAmount=30000&justification=" + encode("Überzeugend.")
                + "&_csrf=" + csrf(pruefer2, reviewPage)).statusCode()).isEqualTo(302);

        String decide = openTask(id, "Task_Decide").getId();
        String decidePage = pruefer2.get("/workspace/tasks/" + decide).body();
        HttpResponse<String> ownDecision = pruefer2.post("/workspace/tasks/" + decide,
                "decision=approve&comment=&_csrf=" + csrf(pruefer2, decidePage));
        assertThat(ownDecision.statusCode()).isEqualTo(403);
        assertThat(ownDecision.body()).contains("Die Aufgabe wurde nicht abgeschlossen", "Vier-Augen-Prinzip",
                "Es wurde nichts geändert");
        Task stillOpen = openTask(id, "Task_Decide");
        assertThat(stillOpen.getId()).isEqualTo(decide);
        assertThat(stillOpen.getAssignee()).as("the refused completion claimed nothing").isNull();
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.IN_REVIEW);

        PageSession bewilliger = signedIn("bewilliger");
        String approverPage = bewilliger.get("/workspace/tasks/" + decide).body();
        assertThat(approverPage).contains("Entscheidung", "Bewilligen", "Ablehnen");
        assertThat(bewilliger.post("/workspace/tasks/" + decide, "decision=approve&comment=Einverstanden."
                + "&_csrf=" + csrf(bewilliger, approverPage)).statusCode()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.status(id) == ApplicationStatus.APPROVED);
        String dossier = bewilliger.get("/workspace/cases/" + id).body();
        assertThat(dossier).contains("Bewilligt", "Zuwendungsbescheid", "grant-amount", "pruefer2");
    }

    private Task openTask(UUID id, String key) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(id.toString()).taskDefinitionKey(key).singleResult(), t -> t != null);
    }

    private void dueOn(Task task, LocalDateTime due) {
        task.setDueDate(Date.from(due.atZone(TestClock.BERLIN).toInstant()));
        tasks.saveTask(task);
    }

    private String reference(UUID id) {
        return cases.reference(id);
    }

    private PageSession signedIn(String username) {
        PageSession session = new PageSession(port);
        assertThat(session.login(username, "demo").statusCode()).isEqualTo(302);
        return session;
    }

    private static String csrf(PageSession session, String html) {
        return encode(session.csrfFrom(html));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
