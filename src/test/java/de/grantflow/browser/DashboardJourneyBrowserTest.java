package de.grantflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.application.CaseFixtures;
import de.grantflow.security.TestUsers;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** Journey (c): the programme manager reads KOMM-IN NRW's figures as tables and charts and takes them as CSV. */
class DashboardJourneyBrowserTest extends BrowserTestSupport {

    private static final String NUMBER = "\\d{1,3}(\\.\\d{3})*(,\\d+)?( %| €)?|–";

    @Autowired CaseFixtures cases;

    @BeforeAll
    void aSubmittedApplication() {
        cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Lotsen im Quartier", 20_000));
    }

    @Test
    void readsTheProgrammesFiguresAsTablesAndCharts() {
        browser.login("programm", TestUsers.PASSWORD);
        browser.await(ExpectedConditions.urlMatches("/dashboard$"));
        browser.check("programmes");

        browser.find(By.cssSelector("#programmes a[href$='/dashboard/kommin-nrw']")).click();

        browser.await(ExpectedConditions.urlContains("/dashboard/kommin-nrw"));
        List<WebElement> canvases = browser.await(d -> {
            List<WebElement> drawn = d.findElements(By.cssSelector("canvas[data-chart]"));
            return !drawn.isEmpty() && drawn.stream().allMatch(this::hasChart) ? drawn : null;
        });
        browser.check("figures");
        assertThat(canvases).as("one chart per figure").hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(canvas -> {
                    assertThat(canvas.getRect().getHeight()).isPositive();
                    assertThat(canvas.getAttribute("aria-label")).isNotBlank();
                });
        assertThat(browser.driver().findElements(By.cssSelector("table td.number")))
                .isNotEmpty().allSatisfy(cell -> assertThat(cell.getText()).matches(NUMBER));
        int applications = Integer.parseInt(browser.find(By.cssSelector("#cases tfoot td.number")).getText()
                .replace(".", ""));
        assertThat(applications).as("the submitted application is counted").isPositive();
        assertThat(browser.find(By.cssSelector("#chart-cases")).getAttribute("aria-label"))
                .contains(String.valueOf(applications));

        browser.find(By.cssSelector("form.export button[type=submit]")).click();

        browser.await(ExpectedConditions.urlMatches("/dashboard/jobs/[0-9a-f-]{36}$"));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("job-status"), "Fertig."));
        assertThat(browser.find(By.cssSelector("#job-status a.download")).getText()).startsWith("Herunterladen:")
                .endsWith(".csv");
        browser.check("csv-job-done");
    }

    @Test
    void fitsATablet() {
        browser.login("programm", TestUsers.PASSWORD);
        browser.resize(Browser.TABLET);
        browser.open("/dashboard/kommin-nrw");
        browser.await(d -> d.findElements(By.cssSelector("canvas[data-chart]")).stream().allMatch(this::hasChart));

        browser.check("figures-768");
        assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("wide tables scroll inside their box, not the page").isTrue();
    }

    @Test
    void marksAWrongYearAtItsField() {
        browser.login("programm", TestUsers.PASSWORD);
        browser.open("/dashboard/kommin-nrw");
        WebElement from = browser.find(By.id("from"));
        from.clear();
        from.sendKeys("zwanzig");

        from.submit();

        WebElement summary = browser.find(By.id("error-summary"));
        browser.check("wrong-year");
        assertThat(summary.getAttribute("role")).isEqualTo("alert");
        from = browser.find(By.id("from"));
        assertThat(from.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(from.getAttribute("aria-describedby")).contains("from-error");
        summary.findElement(By.cssSelector("a[href='#from']")).click();
        assertThat(browser.focused()).isEqualTo(from);
    }

    private boolean hasChart(WebElement canvas) {
        return Boolean.TRUE.equals(browser.script("return !!(window.Chart && Chart.getChart(arguments[0]))", canvas));
    }
}
