package de.grantflow.browser;

import de.grantflow.TestClock;
import de.grantflow.security.DemoUsers;
import de.grantflow.security.TestUsers;
import de.grantflow.security.UserAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The frame of a browser test: the application on a random port in the same test context as the other page and API
 * tests (same annotations, nothing mocked, so Spring's context cache shares it), the demo users, and one Chromium per
 * test class that every test starts with no cookies and a fresh screenshot folder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestSupport {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired DemoUsers demoUsers;
    @Autowired TestClock clock;

    Browser browser;

    /** The page as it was when a test failed, next to the screenshots of its steps. */
    @RegisterExtension
    final TestWatcher failureShot = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.shot("failed");
            }
        }
    };

    @BeforeAll
    void startBrowser() {
        TestUsers.ensureDemoUsers(accounts);
        demoUsers.install();
        browser = Browser.start(port);
    }

    @BeforeEach
    void startTest(TestInfo test) {
        // one "now" for our code and the engine: otherwise the engine's real today lies past every deadline the
        // test clock's day sets, and its job executor lets a Nachforderung lapse before the applicant can answer
        clock.reset();
        browser.startTest(getClass().getSimpleName() + "/" + test.getTestMethod().orElseThrow().getName());
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
