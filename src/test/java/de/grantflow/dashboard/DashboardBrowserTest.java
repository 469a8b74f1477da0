package de.grantflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import de.grantflow.application.CaseFixtures;
import de.grantflow.security.TestUsers;
import de.grantflow.security.UserAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dashboard in a real browser (headless Chromium where installed) as wide as a tablet: every chart is drawn from
 * its JSON, the export announces its result, and axe finds no WCAG 2.1 AA violation on either page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired CaseFixtures cases;

    ChromeDriver browser;

    @BeforeEach
    void open() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "Chromium is not installed");
        TestUsers.ensureDemoUsers(accounts);
        cases.ensureUsers();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=800,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void drawsEveryChartExportsWithAnAnnouncementAndPassesAxe() {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("programm");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/dashboard"));

        browser.get("http://localhost:" + port + "/dashboard/kommin-nrw?from=2025&to=2026");

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Long canvases = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelectorAll('canvas[data-chart]').length");
        assertThat(canvases).isGreaterThanOrEqualTo(6);
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return window.Chart !== undefined"
                + " && Array.from(document.querySelectorAll('canvas[data-chart]')).every(c => Chart.getChart(c))")));
        Object labels = ((JavascriptExecutor) browser).executeScript(
                "return Chart.getChart(document.getElementById('chart-cases')).data.labels");
        assertThat(labels).isEqualTo(List.of("2025", "2026"));

        browser.findElement(By.cssSelector("form[data-export] button")).click();
        wait.until(d -> d.findElement(By.id("export-status")).getText().equals("Die CSV-Datei ist heruntergeladen."));
        assertThat(browser.findElement(By.cssSelector("form[data-export] button")).getText())
                .isEqualTo("Als CSV herunterladen");

        assertThat(violations()).isEmpty();
        screenshot("dashboard-figures.png");
        browser.get("http://localhost:" + port + "/dashboard?programme=kommin-nrw&from=20x6");
        assertThat(browser.findElement(By.id("from")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(violations()).isEmpty();
    }

    /** The whole page as a reviewer would look at it: target/screenshots. */
    private void screenshot(String name) {
        Long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(800, height.intValue()));
        try {
            Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve(name),
                    browser.getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> violations() {
        Results axe = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        return axe.getViolations().stream().map(rule -> rule.getId() + ": " + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget())).toList()).toList();
    }
}
