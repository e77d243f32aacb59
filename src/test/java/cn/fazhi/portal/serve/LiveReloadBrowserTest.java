package cn.fazhi.portal.serve;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.testsupport.BrowserChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In headless Chromium, as an editor works: a preview page open in the browser shows a saved
 * change by itself, with no key pressed; a change that breaks the build leaves the page as it
 * was, with a notice; the next good save reloads it, at the same scroll position.
 */
class LiveReloadBrowserTest {

    @BeforeEach
    void browserNeeded() {
        BrowserChecks.assumeChromiumAvailable();
    }

    @Test
    void anOpenPageReloadsByItselfAfterEachGoodRebuild(@TempDir Path tmp) throws Exception {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("src"));
        Path file = src.resolve("content/2031/01-alpha.adoc");
        String original = Files.readString(file);
        // A long page, so that keeping the scroll position means something.
        Files.writeString(file, original + "\n" + "虚构的长段落，用于滚动。\n\n".repeat(120));
        try (Preview preview = new Preview(src, tmp.resolve("preview"), tmp.resolve("cache"), 0, o -> { });
             BrowserChecks browser = BrowserChecks.start(tmp.resolve("preview"))) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            // A wait may look at the page while it reloads: the element it read a moment ago is gone.
            wait.ignoring(StaleElementReferenceException.class).ignoring(JavascriptException.class);
            driver.get(preview.address() + "2031/alpha.html");
            assertTrue(body(driver).contains("虚构第一部分的正文"));
            String firstBuild = driver.findElement(By.cssSelector("script[src='/_preview/reload.js']")).getAttribute("data-build");

            // A good save: the page reloads by itself and shows it.
            markThisPageLoad(driver);
            Files.writeString(file, Files.readString(file).replace("虚构第一部分的正文", "修改后的虚构正文"));
            wait.until(d -> body(d).contains("修改后的虚构正文"));
            assertFalse(markStillThere(driver), "the page was loaded anew");
            assertFalse(firstBuild.equals(driver.findElement(By.cssSelector("script[src='/_preview/reload.js']")).getAttribute("data-build")));

            // A save that breaks the build: no reload, the last good page stays, with a notice.
            markThisPageLoad(driver);
            Files.writeString(file, "no title\n");
            wait.until(d -> !d.findElements(By.id("portal-preview-failed")).isEmpty());
            assertTrue(markStillThere(driver), "the page was not reloaded");
            assertTrue(body(driver).contains("修改后的虚构正文"));
            assertTrue(driver.findElement(By.id("portal-preview-failed")).getText().startsWith("预览未更新"));
            assertEquals("status", driver.findElement(By.id("portal-preview-failed")).getAttribute("role"));

            // The next good save reloads it, where the editor had scrolled to.
            driver.executeScript("window.scrollTo(0, document.documentElement.scrollHeight)");
            long scrolled = ((Number) driver.executeScript("return window.scrollY")).longValue();
            assertTrue(scrolled > 500, "the page is long enough to scroll: " + scrolled);
            Files.writeString(file, original.replace("虚构第一部分的正文", "再次修改的正文") + "\n" + "虚构的长段落，用于滚动。\n\n".repeat(120));
            wait.until(d -> body(d).contains("再次修改的正文"));
            assertTrue(driver.findElements(By.id("portal-preview-failed")).isEmpty(), "the notice went with the reload");
            wait.until(d -> ((Number) driver.executeScript("return window.scrollY")).longValue() > scrolled / 2);
        }
    }

    private static String body(org.openqa.selenium.WebDriver driver) {
        return driver.findElement(By.tagName("body")).getText();
    }

    private static void markThisPageLoad(ChromeDriver driver) {
        driver.executeScript("window.portalTestMark = true");
    }

    private static boolean markStillThere(ChromeDriver driver) {
        return Boolean.TRUE.equals(driver.executeScript("return window.portalTestMark === true"));
    }
}
