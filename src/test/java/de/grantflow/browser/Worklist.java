package de.grantflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The reviewer's and approver's way through the workspace pages: find a case's task in the worklist, claim, open. */
final class Worklist {

    private Worklist() {
    }

    /**
     * Claims the case's task of that stage from the group list and opens its form. Other tests share the database, so
     * the list is filtered to the stage and leafed through until the case's row shows.
     */
    static void claimAndOpen(Browser browser, String reference, String stage) {
        browser.open("/workspace?tab=groups&programme=kommin-nrw&stage=" + stage);
        WebElement row = row(browser, reference);
        browser.check("worklist-" + stage);
        row.findElement(By.xpath(".//button[normalize-space()='Übernehmen']")).click();
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main [role=status]")));
        assertThat(browser.find(By.cssSelector("main [role=status]")).getText()).contains("übernommen", reference);

        browser.open("/workspace?tab=mine&programme=kommin-nrw&stage=" + stage);
        row(browser, reference).findElement(By.cssSelector("a[href*='/workspace/tasks/']")).click();
        browser.await(ExpectedConditions.urlContains("/workspace/tasks/"));
    }

    /** Completes the open task form and waits for the worklist's confirmation. */
    static void complete(Browser browser, String reference) {
        browser.click(By.cssSelector("form.task-form .actions button.primary"));
        browser.await(ExpectedConditions.urlMatches("/workspace$"));
        assertThat(browser.find(By.cssSelector("main [role=status]")).getText()).contains("abgeschlossen", reference);
    }

    private static WebElement row(Browser browser, String reference) {
        By ours = By.xpath("//table[contains(@class,'worklist')]//tr[td/a[normalize-space()='" + reference + "']]");
        while (true) {
            browser.find(By.tagName("h1"));
            List<WebElement> rows = browser.driver().findElements(ours);
            if (!rows.isEmpty()) {
                return rows.get(0);
            }
            List<WebElement> next = browser.driver().findElements(By.linkText("Nächste Seite"));
            if (next.isEmpty()) {
                fail("No task of " + reference + " in the worklist " + browser.driver().getCurrentUrl());
            }
            WebElement link = next.get(0);
            link.click();
            browser.await(ExpectedConditions.stalenessOf(link));
        }
    }
}
