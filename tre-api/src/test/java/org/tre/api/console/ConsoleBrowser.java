package org.tre.api.console;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven through its own chromedriver: no browser is downloaded, so the
 * tests run on the closed network of the build machine. Without both programs the tests are skipped
 * saying why, except under CI=true, where a skipped browser test would hide a console nobody checked.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    /** The machine is shared by several builds: a page may take a while to answer. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    private ConsoleBrowser(ChromeDriver driver, Path profile, int port) {
        this.driver = driver;
        this.profile = profile;
        this.base = "http://localhost:" + port;
    }

    static ConsoleBrowser open(int port) {
        requireBrowser();
        try {
            Path profile = Files.createTempDirectory("console-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // The flags that let Chromium start on this machine: headless as root, and no calls to
            // Google's services, which the closed network refuses many at a time.
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(PATIENCE);
            return new ConsoleBrowser(driver, profile, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void requireBrowser() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String why = "The console's browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian: apt-get install -y chromium chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(why + "; under CI=true they must run, not be skipped");
        }
        Assumptions.abort(why);
    }

    ChromeDriver driver() {
        return driver;
    }

    void go(String hash) {
        driver.get(base + "/console/" + hash);
    }

    /** Signs in as the person whose token this is, through the form, by keyboard: Enter submits it. */
    void signIn(String token) {
        go("");
        WebElement field = await(ExpectedConditions.elementToBeClickable(By.id("token")));
        field.sendKeys(token + "\n");
        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=me]")));
    }

    void signOut() {
        click(By.xpath("//button[normalize-space()='Sign out']"));
        await(ExpectedConditions.presenceOfElementLocated(By.id("token")));
    }

    <T> T await(Function<? super org.openqa.selenium.WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, PATIENCE).until(condition);
        } catch (TimeoutException e) {
            screenshot("timeout-" + System.nanoTime());
            throw e;
        }
    }

    WebElement find(By by) {
        return await(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void click(By by) {
        await(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Waits until the element's text holds {@code text}, and answers the whole text. */
    String awaitText(By by, String text) {
        await(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by).getText();
    }

    static By button(String label) {
        return By.xpath("//button[normalize-space()='" + label + "']");
    }

    static By link(String label) {
        return By.xpath("//a[normalize-space()='" + label + "']");
    }

    /** The alert the page shows for a refusal. */
    String alert() {
        return find(By.cssSelector("[role=alert]")).getText();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Emulates a phone's viewport (an iPhone 12's CSS width), as the page's own media queries see it. */
    void phoneWidth() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    /** A screenshot with the element in view: a person looking at it sees the part the test checked. */
    void screenshot(String name, By shown) {
        script("arguments[0].scrollIntoView({block: 'center'})", find(shown));
        screenshot(name);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * From now on, notes every text the first element matching {@code css} shows, each once in a row:
     * a mutation observer sees every render, so a state the page showed between two looks by the test
     * is not missed. The page must not be loaded again while recording.
     */
    void recordTexts(String css) {
        script("const css = arguments[0];"
                + "const list = (window.consoleTexts ??= {})[css] = [];"
                + "const note = () => { const e = document.querySelector(css);"
                + "  const text = e ? e.textContent.trim() : null;"
                + "  if (text !== null && list[list.length - 1] !== text) list.push(text); };"
                + "note();"
                + "new MutationObserver(note).observe(document.body,"
                + "  { subtree: true, childList: true, characterData: true, attributes: true });", css);
    }

    /** The texts noted since {@link #recordTexts}, in the order the page showed them. */
    List<String> recordedTexts(String css) {
        List<?> texts = (List<?>) script("return (window.consoleTexts ?? {})[arguments[0]] ?? null", css);
        Assertions.assertNotNull(texts, "no recording of " + css + ": the page was loaded again since");
        return texts.stream().map(String::valueOf).toList();
    }

    /** Waits until the last text noted for {@code css} starts with {@code prefix}; answers every text noted. */
    List<String> awaitRecordedText(String css, String prefix) {
        try {
            await(driver -> {
                List<String> texts = recordedTexts(css);
                return !texts.isEmpty() && texts.get(texts.size() - 1).startsWith(prefix);
            });
        } catch (TimeoutException e) {
            throw new AssertionError(css + " never showed '" + prefix + "…'; it showed " + recordedTexts(css), e);
        }
        return recordedTexts(css);
    }

    List<String> texts(By by) {
        return driver.findElements(by).stream().map(WebElement::getText).toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // A temporary profile left behind is harmless.
            }
        }
    }
}
