package de.grantflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseFixtures;
import de.grantflow.security.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Journey (b): the reviewer claims and completes the formal check and the substantive review, the approver (another
 * person, four eyes) approves, all through the workspace pages; the dossier then shows the Zuwendungsbescheid.
 */
class ReviewJourneyBrowserTest extends BrowserTestSupport {

    @Autowired CaseFixtures cases;

    @Test
    void reviewsAndApprovesAnApplicationThroughThePages() {
        UUID id = cases.submit("antrag.duisburg", "kommin-nrw", CaseFixtures.kommIn("Brücken im Stadtteil", 18_000));
        browser.login("pruefer", TestUsers.PASSWORD);
        browser.await(ExpectedConditions.urlMatches("/workspace$"));
        browser.open("/workspace/cases/" + id);
        String reference = browser.find(By.tagName("h1")).getText().replace("Vorgang ", "");
        browser.check("dossier-submitted");

        Worklist.claimAndOpen(browser, reference, "Task_FormalCheck");
        browser.check("formal-check");
        browser.choose("Antrag ist vollständig und formal in Ordnung");
        Worklist.complete(browser, reference);

        Worklist.claimAndOpen(browser, reference, "Task_Review");
        browser.check("substantive-review");
        browser.choose("Zielgruppe klar bestimmt");
        browser.choose("Vernetzung der Akteure");
        browser.fill("f-score", "80");
        browser.choose("Bewilligung");
        browser.fill("f-proposedAmount", "18000");
        browser.fill("f-justification", "Schlüssiges Konzept mit breiter Beteiligung.");
        Worklist.complete(browser, reference);

        browser.logout();
        browser.login("bewilliger", TestUsers.PASSWORD);
        Worklist.claimAndOpen(browser, reference, "Task_Decide");
        browser.check("decision");
        browser.choose("Bewilligen");
        Worklist.complete(browser, reference);

        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.APPROVED);
        browser.open("/workspace/cases/" + id);
        browser.reloadUntil(d -> d.findElements(By.cssSelector("main a[href*='/workspace/letters/']")).stream()
                .anyMatch(letter -> letter.getText().equals("Zuwendungsbescheid")));
        browser.check("dossier-approved");
    }
}
