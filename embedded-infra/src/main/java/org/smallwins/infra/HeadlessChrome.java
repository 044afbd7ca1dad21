package org.smallwins.infra;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The one way browser tests get a browser: Debian's {@code chromium} and {@code chromium-driver} (installed by
 * {@code .ci/run}), headless, never a Selenium Manager download. Where they are missing, {@link #missing()} says so
 * and tests skip with that message.
 */
public final class HeadlessChrome {

    /** Where Debian installs them; {@code SMALLWINS_CHROMIUM} and {@code SMALLWINS_CHROMEDRIVER} point elsewhere. */
    static final Path BROWSER = Path.of(env("SMALLWINS_CHROMIUM", "/usr/bin/chromium"));

    static final Path DRIVER = Path.of(env("SMALLWINS_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private HeadlessChrome() {}

    /** Why no browser test can run here, or empty when one can. */
    public static Optional<String> missing() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            return Optional.of("No browser here: browser tests need " + BROWSER + " and " + DRIVER
                    + " (apt-get install -y chromium chromium-driver; .ci/run installs them when CI=true)");
        }
        return Optional.empty();
    }

    /** A headless Chromium with a window {@code width} by {@code height} CSS pixels. */
    public static ChromeDriver start(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height);
        // the page's console (a refused script or style shows there)
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(width, height));
        return driver;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
