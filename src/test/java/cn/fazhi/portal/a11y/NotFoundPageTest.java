package cn.fazhi.portal.a11y;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.testsupport.AccessibilityTree;
import cn.fazhi.portal.testsupport.BrowserChecks;
import cn.fazhi.portal.testsupport.BuiltSites;
import cn.fazhi.portal.testsupport.SiteInBrowser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 404 page of the real site, served as a static host serves it, for a missing address at any
 * depth: it shows the address that was asked for (as text, written by its script) and offers a
 * search of the site that lands on the search page with the words; without JavaScript it reads
 * as before and shows no empty address.
 */
class NotFoundPageTest {

    @RegisterExtension
    static final SiteInBrowser real = SiteInBrowser.of(BuiltSites::real);

    @Test
    void theStaticPageHasASearchFormForTheSearchPageAndHidesTheAddressUntilItsScriptFillsItIn() {
        String base = real.basePath();
        Document page = Fixtures.html(real.site().resolve("404.html"));
        Element form = page.selectFirst("main form[role=search]");
        assertEquals(base + "search.html", form.attr("action"), "from the base path, like every link of this page");
        assertEquals("get", form.attr("method"));
        Element input = form.selectFirst("input[type=search]");
        assertEquals("q", input.attr("name"), "the name the search page reads");
        assertEquals(1, form.select("label[for=" + input.id() + "]").size());
        assertEquals(1, form.select("button[type=submit]").size());
        Element address = page.getElementById("requested-address");
        assertTrue(address.hasAttr("hidden"), "no empty address without JavaScript");
        assertEquals("", page.getElementById("requested-url").text());
        assertEquals(List.of(base + "js/reader.js", base + "js/read-aloud.js", base + "js/not-found.js"),
                page.select("script[src]").eachAttr("src").stream().map(BuiltSites::withoutVersion).toList());
        assertTrue(page.select("main a").eachAttr("href").containsAll(List.of(base + "index.html", base + "sitemap.html")),
                "the links to go on from are still there");
    }

    @Test
    void aMissingAddressShowsItselfAsTextAndTheSearchFindsTheWords() {
        ChromeDriver driver = real.driver();
        String missing = real.baseUri() + "2023/%E6%97%A7%E6%8A%A5%E5%91%8A.html?from=%3Cb%3Elink%3C/b%3E";
        driver.get(missing);
        assertEquals("页面未找到", driver.findElement(By.cssSelector("main h1")).getText());
        WebElement shown = driver.findElement(By.id("requested-url"));
        assertTrue(driver.findElement(By.id("requested-address")).isDisplayed());
        assertEquals(real.baseUri() + "2023/旧报告.html?from=<b>link</b>", shown.getText(), "the address, its Chinese readable");
        assertTrue(shown.findElements(By.tagName("b")).isEmpty(), "shown as text, never as markup");
        AccessibilityTree.Node main = AccessibilityTree.of(driver, "main").orElseThrow();
        assertTrue(main.all().anyMatch(n -> n.role().equals("search")), main.describe());
        assertTrue(main.all().anyMatch(n -> n.role().equals("searchbox") && n.name().equals("搜索词")), main.describe());

        WebElement input = driver.findElement(By.cssSelector("main form[role=search] input[name=q]"));
        input.sendKeys("法律援助");
        input.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                d.findElement(By.id("search-status")).getText().startsWith("找到 2 条与“法律援助”相关的结果"));
        assertTrue(driver.getCurrentUrl().startsWith(real.baseUri() + "search.html?q="), driver.getCurrentUrl());
    }

    @Test
    void controlAndDirectionCharactersInTheAddressAreNeverShownAsTextAndALongAddressIsCut() {
        ChromeDriver driver = real.driver();
        // Right-to-left override, isolates, zero-width, byte order mark, a C1 control, a line feed, DEL.
        String tricks = "%E2%80%AE%E2%81%A6%E2%80%8B%EF%BB%BF%C2%85%0A%7F%E2%80%8F%E2%80%AA%E2%81%A9";
        driver.get(real.baseUri() + "2023/" + tricks + "lmth.exe" + "%E6%8A%A5%E5%91%8A.html");
        String shown = driver.findElement(By.id("requested-url")).getText();
        String text = (String) driver.executeScript("return document.getElementById('requested-url').textContent");
        assertTrue(text.codePoints().noneMatch(NotFoundPageTest::hidden),
                "no control or format character: " + text.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList());
        assertTrue(shown.contains("lmth.exe报告.html"), "the rest still readable: " + shown);
        assertTrue(shown.startsWith(real.baseUri() + "2023/"), shown);

        String longName = "很长的地址".repeat(60);
        driver.get(real.baseUri() + "2023/" + longName + ".html");
        String cut = (String) driver.executeScript("return document.getElementById('requested-url').textContent");
        assertTrue(cut.codePointCount(0, cut.length()) <= 201, "at most 200 characters and …: " + cut.length());
        assertTrue(cut.endsWith("…"), cut);
        assertTrue(cut.startsWith(real.baseUri() + "2023/很长的地址"), cut);
        assertTrue(driver.findElement(By.id("requested-address")).isDisplayed());
    }

    /** C0 and C1 controls, DEL, and the invisible characters that change how text around them reads. */
    private static boolean hidden(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x61c || (c >= 0x200b && c <= 0x200f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || c == 0xfeff;
    }

    @Test
    void theNotFoundPageWithALongAddressPassesAxeAndReflowsAt320Pixels() {
        BrowserChecks.Report report = real.checks().checkPages(List.of("2023/" + "very-long-missing-address-".repeat(8) + ".html"));
        assertEquals(List.of(), report.violations(), report.describeViolations());
        assertEquals(List.of(), report.overflows(), report.describeOverflows());
        assertFalse(report.notFound().isEmpty(), "the address was missing indeed");
    }
}
