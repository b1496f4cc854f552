package dev.glimpse.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium driven by Selenium, as the browser tests use it. */
public final class Browser {

    private Browser() {}

    public static WebDriver chromium(String... extraArguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("GLIMPSE_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000");
        options.addArguments(List.of(extraArguments));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(executable("GLIMPSE_CHROMEDRIVER", "/usr/bin/chromedriver"))
                        .toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static String executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        String path = configured != null ? configured : fallback;
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " not found: install Debian's chromium and chromium-driver"
                    + " (apt-get install -y chromium chromium-driver) or set " + variable);
        }
        return path;
    }
}
