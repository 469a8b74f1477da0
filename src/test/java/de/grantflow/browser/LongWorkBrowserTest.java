package de.grantflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.jobs.BackgroundJobs;
import de.grantflow.jobs.Job;
import de.grantflow.jobs.JobOutcome;
import de.grantflow.security.TestUsers;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The progress page of a background job updates itself in the browser (htmx polling) until the job is done. */
class LongWorkBrowserTest extends BrowserTestSupport {

    @Autowired BackgroundJobs jobs;

    @Test
    void theJobPageFollowsTheProgressWithoutReloading() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("programm", null, List.of()));
        Job job;
        try {
            job = jobs.start("LEGACY_IMPORT", "kommin-nrw", "Wartet", progress -> {
                progress.report(1, 2, "Altfälle werden eingelesen");
                release.await(60, TimeUnit.SECONDS);
                progress.report(2, 2, null);
                return JobOutcome.message("2 Altfälle eingelesen");
            });
        } finally {
            SecurityContextHolder.clearContext();
        }

        browser.login("programm", TestUsers.PASSWORD);
        browser.await(ExpectedConditions.urlMatches("/dashboard$"));
        browser.open("/dashboard/jobs/" + job.id());
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("job-status"), "1 von 2"));
        assertThat(browser.find(By.id("job-progress")).getAttribute("value")).isEqualTo("1");
        browser.check("job-running");

        release.countDown();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("job-status"), "Fertig."));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/dashboard/jobs/" + job.id());
        assertThat(browser.find(By.id("job-status")).getText()).contains("Eingelesene Zeilen: 2");
        assertThat(browser.driver().findElements(By.id("job-progress"))).isEmpty();
        browser.check("job-done");
    }
}
