package de.grantflow.browser;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * One headless Debian Chromium for a test class, driven by Debian's ChromeDriver. Both are named by path, so Selenium
 * Manager never tries to download a driver (this machine has no internet). Every step of a test can be kept as a
 * screenshot under {@code target/screenshots/<test>/<nn>-<step>.png} and checked by axe-core.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension TABLET = new Dimension(768, 1024);
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final int port;
    private Path shots;
    private int step;

    private Browser(ChromeDriver driver, Path profile, int port) {
        this.driver = driver;
        this.profile = profile;
        this.port = port;
    }

    /** Fails (never skips) when Chromium is missing: CI installs it, so a missing browser is a broken machine. */
    static Browser start(int port) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need Debian's Chromium and ChromeDriver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver (.ci/run does this)");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("grantflow-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the closed network refuses Chromium's own background connections; these flags keep it from trying
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(DESKTOP);
        return new Browser(driver, profile, port);
    }

    /** Screenshots of the next steps go to their own folder, numbered from 01. */
    void startTest(String name) {
        shots = SCREENSHOTS.resolve(name);
        step = 0;
        FileSystemUtils.deleteRecursively(shots.toFile());
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(DESKTOP);
    }

    WebDriver driver() {
        return driver;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void open(String path) {
        driver.get(url(path));
    }

    /** Signs in through the real login form and waits for the start page it leads to. */
    void login(String username, String password) {
        open("/login");
        find(By.id("username")).sendKeys(username);
        find(By.id("password")).sendKeys(password);
        find(By.cssSelector("main form button[type=submit]")).click();
        await(d -> !d.getCurrentUrl().contains("/login") || d.getCurrentUrl().contains("error"));
    }

    /** Signs out with the button in the page header. */
    void logout() {
        find(By.cssSelector("header form[action$='/logout'] button")).click();
        await(ExpectedConditions.urlContains("/login?logout"));
    }

    /** Types into a field; a date field takes its ISO value directly, as its picker's typing order follows the locale. */
    void fill(String id, String text) {
        WebElement field = find(By.id(id));
        if ("date".equals(field.getAttribute("type"))) {
            script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", field, text);
            return;
        }
        field.clear();
        field.sendKeys(text);
    }

    void select(String id, String value) {
        new Select(find(By.id(id))).selectByValue(value);
    }

    /** Ticks a checkbox or radio button by clicking its label, as a user does. */
    void choose(String label) {
        find(By.xpath("//label[normalize-space()='" + label + "']")).click();
    }

    void click(By by) {
        await(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Reloads until the condition holds: for what the engine does a moment after a request (intake, letters). */
    <T> T reloadUntil(Function<? super WebDriver, T> condition) {
        return await(d -> {
            d.navigate().refresh();
            try {
                return condition.apply(d);
            } catch (org.openqa.selenium.NoSuchElementException notYet) {
                return null;
            }
        });
    }

    WebElement find(By by) {
        return await(ExpectedConditions.visibilityOfElementLocated(by));
    }

    <T> T await(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    <T> T await(Duration patience, Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, patience).until(condition);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Keeps a screenshot of this step. */
    void shot(String name) {
        Path target = shots.resolve("%02d-%s.png".formatted(++step, name));
        try {
            Files.createDirectories(shots);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot of this step, then axe-core on the page: fails on serious and critical violations. */
    void check(String name) {
        shot(name);
        Accessibility.check(driver, name + " (" + driver.getCurrentUrl() + ")");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
