package de.grantflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.security.TestUsers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Journey (a): a municipality applies for KOMM-IN NRW through the form, submits with confirmation and gets the
 * receipt; a reviewer finds the application incomplete; the municipality answers the Nachforderung on its case page.
 */
class ApplicantJourneyBrowserTest extends BrowserTestSupport {

    private static final Pattern REFERENCE = Pattern.compile("[A-Z]+-\\d{4}-\\d+");

    @Test
    void appliesSubmitsAndSuppliesTheMissingDocuments() {
        browser.login("antrag.dortmund", TestUsers.PASSWORD);
        browser.await(ExpectedConditions.urlMatches("/portal$"));
        browser.check("portal");
        browser.open("/portal/calls");
        browser.check("calls");
        browser.click(By.cssSelector("main a[href*='/portal/applications/new?programme=kommin-nrw']"));
        browser.find(By.id("f-projectTitle"));
        browser.check("new-application");

        browser.fill("f-projectTitle", "Lotsen in der Nordstadt");
        browser.fill("f-description", "Ehrenamtliche Lotsinnen und Lotsen begleiten neu zugewanderte Familien zu "
                + "Schulen, Kitas und Beratungsstellen, gemeinsam mit Migrantenselbstorganisationen.");
        browser.fill("f-projectStart", "2027-01-01");
        browser.fill("f-projectEnd", "2027-12-31");
        browser.select("f-foerderschwerpunkt", "vernetzung");
        browser.select("f-projektschwerpunkt", "lotsensysteme");
        browser.choose("Die Kommune hat eine eigene Ausländerbehörde");
        browser.fill("f-totalCosts", "40000");
        browser.fill("f-ownContribution", "10000");
        browser.fill("f-requestedAmount", "20000");
        browser.fill("f-contactName", "Anna Schmidt");
        browser.fill("f-contactEmail", "anna.schaefer@stadtdo.de");
        browser.fill("f-street", "Friedensplatz 1");
        browser.fill("f-postalCode", "44135");
        browser.fill("f-city", "Dortmund");
        browser.shot("application-filled");
        browser.click(By.cssSelector("form.portal-form .actions button.primary"));

        browser.await(ExpectedConditions.urlMatches("/portal/applications/[0-9a-f-]{36}/edit$"));
        browser.check("draft-saved");
        assertThat(browser.find(By.cssSelector("main [role=status]")).getText()).isNotBlank();
        browser.click(By.cssSelector("form.portal-form .actions button[name=_next][value=submit]"));
        browser.await(ExpectedConditions.urlMatches("/submit$"));
        browser.check("submit-confirmation");
        assertThat(browser.find(By.tagName("main")).getText()).contains("Lotsen in der Nordstadt");
        browser.click(By.xpath("//main//button[normalize-space()='Verbindlich einreichen']"));

        browser.await(ExpectedConditions.urlMatches("/portal/applications/[0-9a-f-]{36}$"));
        String casePage = browser.driver().getCurrentUrl();
        assertThat(browser.find(By.cssSelector("main [role=status]")).getText()).startsWith("Antrag eingereicht.");
        String reference = reference(browser.find(By.tagName("h1")).getText());
        browser.reloadUntil(d -> letter(d.findElement(By.tagName("main")), "Eingangsbestätigung"));
        browser.check("case-with-receipt");
        browser.click(By.cssSelector("main a[href$='/early-start']"));
        browser.find(By.id("startOn"));
        browser.check("early-start");
        browser.click(By.cssSelector("form .actions button.primary"));
        browser.find(By.id("startOn-error"));
        browser.check("early-start-refused");

        browser.logout();
        browser.login("pruefer", TestUsers.PASSWORD);
        Worklist.claimAndOpen(browser, reference, "Task_FormalCheck");
        browser.check("formal-check");
        browser.fill("f-missingDocuments", "Ratsbeschluss zur Kofinanzierung");
        Worklist.complete(browser, reference);

        browser.logout();
        browser.login("antrag.dortmund", TestUsers.PASSWORD);
        browser.driver().get(casePage);
        WebElement task = browser.reloadUntil(d -> letter(d.findElement(By.tagName("main")), "Nachforderung")
                ? d.findElement(By.cssSelector("section.portal-task")) : null);
        assertThat(task.findElement(By.tagName("h2")).getText()).contains("Unterlagen nachreichen");
        browser.check("case-with-request-for-documents");
        task.findElement(By.name("documentsSupplied")).sendKeys("Ratsbeschluss vom 12.11.2026 als PDF per Post");
        task.findElement(By.cssSelector(".actions button.primary")).click();

        browser.await(ExpectedConditions.stalenessOf(task));
        assertThat(browser.find(By.cssSelector("main [role=status]")).getText())
                .isEqualTo("„Unterlagen nachreichen“ ist erledigt.");
        assertThat(browser.driver().findElements(By.cssSelector("section.portal-task"))).isEmpty();
        browser.check("documents-supplied");
    }

    @Test
    void keepsGermanLettersTypedIntoTheForm() {
        String title = "Begegnungsräume für Ältere und Zugewanderte – Straßenfest";
        browser.login("antrag.dortmund", TestUsers.PASSWORD);
        browser.open("/portal/applications/new?programme=kommin-nrw");
        browser.fill("f-projectTitle", title);

        browser.click(By.cssSelector("form.portal-form .actions button.primary"));

        browser.await(ExpectedConditions.urlMatches("/portal/applications/[0-9a-f-]{36}/edit$"));
        browser.shot("draft-with-umlauts");
        assertThat(browser.find(By.id("f-projectTitle")).getAttribute("value")).isEqualTo(title);
    }

    @Test
    void showsTheMistakesOfASubmissionAtTheirFields() {
        browser.login("antrag.dortmund", TestUsers.PASSWORD);
        browser.open("/portal/applications/new?programme=kommin-nrw");
        browser.fill("f-projectTitle", "Nur ein Titel");
        browser.fill("f-contactEmail", "keine-adresse");
        browser.click(By.cssSelector("form.portal-form .actions button.primary"));

        WebElement summary = browser.find(By.id("error-summary"));
        browser.check("invalid-email");
        assertThat(summary.getAttribute("role")).isEqualTo("alert");
        WebElement email = browser.find(By.id("f-contactEmail"));
        assertThat(email.getAttribute("aria-invalid")).isEqualTo("true");
        String errorId = email.getAttribute("aria-describedby");
        assertThat(errorId).isNotBlank();
        summary.findElement(By.cssSelector("a[href='#f-contactEmail']")).click();
        assertThat(browser.focused()).isEqualTo(email);
        assertThat(browser.find(By.id("f-projectTitle")).getAttribute("value")).as("nothing typed is lost")
                .isEqualTo("Nur ein Titel");
    }

    private static String reference(String heading) {
        Matcher matcher = REFERENCE.matcher(heading);
        assertThat(matcher.find()).as("a reference in " + heading).isTrue();
        return matcher.group();
    }

    private static boolean letter(WebElement main, String title) {
        return main.findElements(By.cssSelector("a[href*='/portal/letters/']")).stream()
                .anyMatch(link -> link.getText().startsWith(title));
    }
}
