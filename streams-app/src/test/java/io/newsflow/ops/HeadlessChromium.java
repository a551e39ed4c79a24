package io.newsflow.ops;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven through Debian's chromedriver (packages {@code chromium},
 * {@code chromium-driver}): the driver and browser paths are given, so Selenium Manager never
 * downloads anything; a fresh profile directory per browser.
 */
final class HeadlessChromium implements AutoCloseable {

    static final String BROWSER = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";
    static final String PACKAGES = "chromium chromium-driver";

    private final Path profile;
    private final ChromeDriverService service;
    private final WebDriver driver;

    HeadlessChromium() throws IOException {
        profile = Files.createTempDirectory("newsflow-chromium-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1250",
                "--user-data-dir=" + profile);
        driver = new ChromeDriver(service, options);
    }

    /** Skips the test without Chromium, fails it in CI (see {@link RequiredTool}). */
    static void require() {
        RequiredTool.require(BROWSER, PACKAGES);
        RequiredTool.require(DRIVER, PACKAGES);
    }

    static boolean available() {
        return Files.isExecutable(Path.of(BROWSER)) && Files.isExecutable(Path.of(DRIVER));
    }

    WebDriver driver() {
        return driver;
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        service.stop();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
