package dev.glimpse.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/** What browser tests check on every page: screenshots at desktop and phone width, and no sideways scrolling. */
public final class PageChecks {

    public static final Dimension DESKTOP = new Dimension(1280, 1000);
    public static final Dimension PHONE = new Dimension(390, 844);

    private PageChecks() {}

    /** Saves a screenshot of the page as it is now under {@code target/screenshots/}. */
    public static void screenshot(WebDriver browser, String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resizes the window so that the page's viewport has the given width (the window's frame is added). */
    public static void viewport(WebDriver browser, Dimension size) {
        browser.manage().window().setSize(size);
        long inner = ((Number) js(browser).executeScript("return window.innerWidth")).longValue();
        if (inner != size.width) {
            browser.manage().window().setSize(new Dimension((int) (size.width * 2 - inner), size.height));
        }
    }

    /** The page's width beyond the viewport, in CSS pixels: 0 when nothing scrolls sideways. */
    public static long horizontalOverflow(WebDriver browser) {
        return ((Number) js(browser).executeScript("return document.documentElement.scrollWidth - window.innerWidth"))
                .longValue();
    }

    private static JavascriptExecutor js(WebDriver browser) {
        return (JavascriptExecutor) browser;
    }
}
