package de.grantflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.security.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The error page a signed-in user sees: German, no stack trace, a way home, the layout's skip link. */
class ErrorPageBrowserTest extends BrowserTestSupport {

    @Test
    void answersAnUnknownPageWithAClearMessageAndAWayHome() {
        browser.login("pruefer", TestUsers.PASSWORD);
        browser.open("/no-such-page");

        browser.check("not-found");
        assertThat(browser.driver().getTitle()).isEqualTo("Fehler – grantflow");
        assertThat(browser.find(By.cssSelector("main [role=alert]")).getText())
                .isEqualTo("Diese Seite gibt es nicht, oder sie ist Ihnen nicht zugänglich.");
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("Exception", "at de.grantflow");

        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement skip = browser.focused();
        assertThat(skip.getText()).isEqualTo("Zum Inhalt springen");
        skip.sendKeys(Keys.ENTER);
        browser.await(d -> "main".equals(browser.focused().getAttribute("id")));

        browser.find(By.linkText("Zur Startseite")).click();
        browser.await(ExpectedConditions.urlMatches("/workspace$"));
    }

    @Test
    void answersInEnglishWhenAsked() {
        browser.login("pruefer", TestUsers.PASSWORD);
        browser.open("/no-such-page?lang=en");

        browser.check("not-found-english");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Error");
        assertThat(browser.find(By.cssSelector("main [role=alert]")).getText())
                .isEqualTo("This page does not exist, or it is not open to you.");
    }
}
