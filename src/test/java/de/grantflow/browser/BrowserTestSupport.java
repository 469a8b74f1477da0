package de.grantflow.browser;

import de.grantflow.security.DemoUsers;
import de.grantflow.security.TestUsers;
import de.grantflow.security.UserAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
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

    Browser browser;

    @BeforeAll
    void startBrowser() {
        TestUsers.ensureDemoUsers(accounts);
        demoUsers.install();
        browser = Browser.start(port);
    }

    @BeforeEach
    void startTest(TestInfo test) {
        browser.startTest(getClass().getSimpleName() + "/" + test.getTestMethod().orElseThrow().getName());
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
