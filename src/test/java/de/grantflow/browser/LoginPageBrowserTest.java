package de.grantflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.security.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The one login page in a real browser: language, a wrong password, the keyboard, the tablet width. */
class LoginPageBrowserTest extends BrowserTestSupport {

    @Test
    void speaksGermanAndSwitchesToEnglish() {
        browser.open("/login");
        browser.check("login-german");
        assertThat(browser.driver().getTitle()).isEqualTo("Anmelden – grantflow");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertThat(browser.find(By.cssSelector("label[for=username]")).getText()).isEqualTo("Benutzername");

        browser.find(By.linkText("English")).click();

        browser.await(ExpectedConditions.titleIs("Sign in – grantflow"));
        browser.check("login-english");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.find(By.cssSelector("label[for=password]")).getText()).isEqualTo("Password");
        browser.open("/login");
        assertThat(browser.find(By.tagName("h1")).getText()).as("the choice is kept").isEqualTo("Sign in");
        browser.find(By.linkText("Deutsch")).click();
        browser.await(ExpectedConditions.titleIs("Anmelden – grantflow"));
    }

    @Test
    void showsAWrongPasswordAtTheFormAndPutsTheFocusThere() {
        browser.login("pruefer", "falsch");

        browser.await(ExpectedConditions.urlContains("/login?error"));
        browser.check("wrong-password");
        WebElement message = browser.find(By.id("login-error"));
        assertThat(message.getText()).isEqualTo("Benutzername oder Passwort ist falsch.");
        assertThat(message.getAttribute("role")).isEqualTo("alert");
        WebElement username = browser.find(By.id("username"));
        assertThat(username.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(username.getAttribute("aria-describedby")).isEqualTo("login-error");
        assertThat(browser.focused()).as("the field to correct has the focus").isEqualTo(username);

        username.sendKeys("pruefer");
        browser.find(By.id("password")).sendKeys(TestUsers.PASSWORD + Keys.ENTER);
        browser.await(ExpectedConditions.urlMatches("/workspace$"));
    }

    @Test
    void offersTheSkipLinkAsTheFirstTabStopAndSignsInByKeyboard() {
        browser.open("/login");
        browser.find(By.id("username"));

        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);

        WebElement skip = browser.focused();
        assertThat(skip.getText()).isEqualTo("Zum Inhalt springen");
        assertThat(skip.isDisplayed()).as("the skip link shows when it has the focus").isTrue();
        browser.shot("skip-link-focused");
        skip.sendKeys(Keys.ENTER);
        browser.await(d -> "main".equals(browser.focused().getAttribute("id")));

        browser.focused().sendKeys(Keys.TAB);
        assertThat(browser.focused().getAttribute("id")).as("the first field follows main").isEqualTo("username");
        browser.focused().sendKeys("antrag.dortmund" + Keys.TAB);
        browser.focused().sendKeys(TestUsers.PASSWORD + Keys.TAB);
        assertThat(browser.focused().getTagName()).isEqualTo("button");
        browser.focused().sendKeys(Keys.ENTER);
        browser.await(ExpectedConditions.urlMatches("/portal$"));
    }

    @Test
    void fitsATablet() {
        browser.resize(Browser.TABLET);
        browser.open("/login");

        browser.check("login-768");
        assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no horizontal scrolling at 768 px").isTrue();
        assertThat(browser.find(By.id("username")).getRect().getWidth()).isLessThanOrEqualTo(768);
    }
}
