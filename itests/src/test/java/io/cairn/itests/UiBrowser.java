package io.cairn.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through the system's chromedriver (Debian's {@code chromium} and {@code chromium-driver};
 * never Selenium Manager, which would download a browser), with explicit waits on the web UI's {@code data-testid}
 * hooks. A wait that times out fails with the page's URL, its text and the browser console, so that a broken page
 * says why. With {@code -Dui.screenshots=<dir>} it saves PNG screenshots of the pages a test names.
 */
final class UiBrowser implements AutoCloseable {
    static final Dimension WINDOW = new Dimension(1280, 800);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path screenshots;

    /** Starts chromedriver and a headless Chromium window of {@link #WINDOW}'s size; chromedriver logs to logFile. */
    UiBrowser(Path logFile) throws IOException {
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().withLogFile(logFile.toFile()).build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--no-first-run",
                        "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight());
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        String dir = System.getProperty("ui.screenshots", "");
        screenshots = dir.isEmpty() ? null : Files.createDirectories(Path.of(dir).toAbsolutePath());
    }

    /** The elements' selector: {@code [data-testid="id"]}. */
    static By testId(String id) {
        return By.cssSelector("[data-testid=\"" + id + "\"]");
    }

    /** The selector of the hook {@code id} whose {@code attribute} is {@code value}, as {@code service-row} rows'. */
    static By testId(String id, String attribute, String value) {
        return By.cssSelector("[data-testid=\"" + id + "\"][" + attribute + "=\"" + value + "\"]");
    }

    void open(String url) {
        driver.get(url);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Waits until one element matches and is displayed, and returns it. */
    WebElement await(By selector) {
        await("a displayed " + selector, () -> driver.findElements(selector).stream().anyMatch(WebElement::isDisplayed));
        return driver.findElements(selector).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow();
    }

    /** Waits until the condition holds; re-rendered (stale) elements and missing ones only mean "not yet". */
    void await(String what, Supplier<Boolean> condition) {
        await(what, WAIT, condition);
    }

    void await(String what, Duration timeout, Supplier<Boolean> condition) {
        try {
            new WebDriverWait(driver, timeout, POLL).ignoring(StaleElementReferenceException.class)
                    .until(d -> condition.get());
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "\n" + describe(), e);
        }
    }

    /** The displayed elements' values of an attribute, as the names of the service rows a filter left. */
    List<String> displayed(By selector, String attribute) {
        return driver.findElements(selector).stream().filter(WebElement::isDisplayed)
                .map(e -> e.getDomAttribute(attribute)).collect(Collectors.toList());
    }

    /** The first element that matches, without waiting: for the conditions of {@link #await(String, Supplier)}. */
    WebElement find(By selector) {
        return driver.findElement(selector);
    }

    boolean present(By selector) {
        return !driver.findElements(selector).isEmpty();
    }

    /** The text of the element inside the element, trimmed: a service row's counts. */
    String textIn(WebElement element, By inner) {
        return element.findElement(inner).getText().trim();
    }

    /** A field's current value (an input's or a textarea's). */
    String value(By field) {
        return driver.findElement(field).getDomProperty("value");
    }

    /** Replaces a field's content as a user does (select all, delete, type), so the app sees input events. */
    void type(By field, String text) {
        WebElement element = await(field);
        element.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        if (!text.isEmpty()) {
            element.sendKeys(text);
        }
    }

    void click(By selector) {
        await(selector).click();
    }

    /** Runs a script in the page and returns its result. */
    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String localStorage(String key) {
        return (String) script("return window.localStorage.getItem(arguments[0]);", key);
    }

    /** Saves {@code <name>.png} when {@code -Dui.screenshots} names a directory; does nothing otherwise. */
    void screenshot(String name) throws IOException {
        if (screenshots != null) {
            Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        }
    }

    /** Where the browser is, what the page says and what the console logged: a failed wait's message. */
    private String describe() {
        StringBuilder s = new StringBuilder("at ").append(driver.getCurrentUrl());
        try {
            String text = driver.findElement(By.tagName("body")).getText();
            s.append("\npage text: ").append(text.length() > 1500 ? text.substring(0, 1500) + "..." : text);
            s.append("\nconsole:");
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                s.append("\n  ").append(entry.getLevel()).append(' ').append(entry.getMessage());
            }
        } catch (WebDriverException e) {
            s.append("\n(page not readable: ").append(e.getMessage().lines().findFirst().orElse("")).append(')');
        }
        return s.toString();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
