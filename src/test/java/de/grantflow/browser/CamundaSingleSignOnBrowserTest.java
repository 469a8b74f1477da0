package de.grantflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.security.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * One login serves the Camunda webapps: the Tasklist opens signed in as the user of the grantflow login, without a
 * second login form. axe does not check Camunda's own pages: they are not ours to fix.
 */
class CamundaSingleSignOnBrowserTest extends BrowserTestSupport {

    @Test
    void opensTasklistAsTheUserWhoSignedInOnce() {
        browser.login("pruefer", TestUsers.PASSWORD);
        browser.find(By.linkText("Tasklist"));

        browser.open("/camunda/app/tasklist/default/");

        // the Angular app shows the signed-in user's name in its header once it has asked the server who that is
        browser.await(Duration.ofSeconds(60), d -> d.findElement(By.tagName("body")).getText().contains("Peter Prüfer"));
        browser.shot("tasklist");
        assertThat(browser.driver().getCurrentUrl()).contains("/camunda/app/tasklist/default/")
                .doesNotContain("login");
        assertThat(browser.driver().findElements(By.cssSelector("form[name=signinForm], input[type=password]")))
                .as("no second login form").isEmpty();
    }
}
