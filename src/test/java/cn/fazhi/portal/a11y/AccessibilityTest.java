package cn.fazhi.portal.a11y;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.testsupport.BrowserChecks;
import cn.fazhi.portal.testsupport.BuiltSites;
import cn.fazhi.portal.testsupport.HtmlValidator;
import cn.fazhi.portal.testsupport.SiteInBrowser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page of the real site, and of the fictional multi-year fixture, is valid HTML, passes axe's
 * WCAG 2.0/2.1/2.2 A and AA rules in headless Chromium, reflows at 320 CSS px, and has the page
 * furniture government sites must have.
 *
 * <p>The sites are the shared builds {@link BuiltSites#real()} and, for the multi-year fixture with
 * its draft labels, {@link BuiltSites#twoYearsPreview()}. The real site is served from the path of
 * the base URL it was built for, so that 404.html (whose links start from that path) loads its
 * stylesheet from the test server.
 */
class AccessibilityTest {

    @RegisterExtension
    static final SiteInBrowser real = SiteInBrowser.of(BuiltSites::real);

    private static List<Document> pages(Path root) {
        return HtmlValidator.htmlFiles(root).stream().map(p -> Fixtures.html(root.resolve(p.toString()))).toList();
    }

    @Test
    void everyPageIsValidHtml() {
        List<HtmlValidator.HtmlError> errors = new ArrayList<>(HtmlValidator.validateDirectory(real.site()));
        errors.addAll(HtmlValidator.validateDirectory(BuiltSites.twoYearsPreview()));
        assertEquals(List.of(), errors, HtmlValidator.format(errors));
    }

    @Test
    void everyPagePassesAxeAndReflowsAt320Pixels() {
        BrowserChecks.assumeChromiumAvailable();
        BrowserChecks.Report report = real.checks().checkAllPages();
        assertTrue(report.pages().size() > 60, "every page of the real site was checked: " + report.pages().size());
        assertEquals(List.of(), report.violations(), report.describeViolations());
        assertEquals(List.of(), report.overflows(), report.describeOverflows());
        assertEquals(List.of(), report.notFound(), "every stylesheet, script and link the pages load exists");
    }

    @Test
    void theMultiYearVariantsAndDraftLabelsPassAxeToo() {
        BrowserChecks.assumeChromiumAvailable();
        try (BrowserChecks fixture = BrowserChecks.start(BuiltSites.twoYearsPreview())) {
            BrowserChecks.Report report = fixture.checkPages(List.of("indicators/fictional-cases.html",
                    "2032/draft-part.html", "2031/figures.html", "index.html"));
            assertEquals(List.of(), report.violations(), report.describeViolations());
            assertEquals(List.of(), report.overflows(), report.describeOverflows());
        }
    }

    @Test
    void everyPageHasTheFurnitureOfAGovernmentPage() {
        for (Document page : pages(real.site())) {
            String where = page.location() + " " + page.title();
            assertEquals("zh-CN", page.selectFirst("html").attr("lang"), where);
            Element firstFocusable = page.selectFirst("body a[href], body button, body [tabindex]:not([tabindex=-1])");
            assertEquals("#main", firstFocusable.attr("href"), "the skip link is the first focusable element: " + where);
            assertEquals(1, page.select("header.site-header").size(), where);
            assertEquals(1, page.select("main#main").size(), where);
            assertEquals(1, page.select("footer.site-footer").size(), where);
            assertEquals(1, page.select("h1").size(), "one h1: " + where);
            assertNoSkippedHeadingLevels(page, where);
            for (String id : List.of("主办单位", "联系方式", "网站标识码", "ICP备案号", "公安机关备案号")) {
                assertEquals(1, page.select("footer dt:containsOwn(" + id + ")").size(), id + " in the footer: " + where);
            }
            assertEquals(1, page.select("footer a[href$=accessibility.html]").size(), where);
            assertEquals(1, page.select("meta[http-equiv=Content-Security-Policy]").size(), where);
            assertTrue(page.select("meta[http-equiv=Content-Security-Policy]").attr("content").contains("script-src 'self'"));
            // The one script without src is JSON-LD: data the browser never runs, so the CSP need not allow it.
            assertTrue(page.select("script:not([src]):not([type=application/ld+json])").isEmpty(), "no inline script: " + where);
            assertEquals(1, page.select("head script[type=application/ld+json]:not([src])").size(), where);
            // Resources the browser fetches (canonical and feed links are addresses, not requests).
            for (Element res : page.select("link[rel=stylesheet], link[rel=icon], link[rel=preload], script[src], img[src], iframe, object")) {
                String url = res.hasAttr("href") ? res.attr("href") : res.attr("src");
                assertFalse(url.matches("(?i)^(https?:)?//.*"), "no third-party request: " + url + " on " + where);
            }
            assertEquals(1, page.select("meta[name=SiteName]").size(), where);
        }
    }

    @Test
    void reportAndIndicatorPagesDeclareDateSourceAndTheGovernmentMetaTags() {
        for (String path : List.of("2023/index.html", "2023/disputes.html", "2023/figures.html", "indicators/legal-aid-cases.html")) {
            Document page = Fixtures.html(real.site().resolve(path));
            for (String name : List.of("SiteName", "ColumnName", "ArticleTitle", "ContentSource")) {
                assertFalse(page.select("meta[name=" + name + "]").attr("content").isBlank(), name + " on " + path);
            }
            assertEquals("2024-03-08", page.select("meta[name=PubDate]").attr("content"), "the date of the city portal's address: " + path);
            assertEquals("中共盘锦市委、盘锦市人民政府", page.select("meta[name=ContentSource]").attr("content"));
            assertTrue(page.select("main").text().contains("发布日期 2024年3月8日"), path);
            assertEquals("http://panjin.gov.cn/html/1737/2024-03-08/content-138562.html",
                    page.select("main dl a[rel=external]").attr("href"), "原文链接 on " + path);
            assertTrue(page.select("main p.page-updated time").attr("datetime").matches("\\d{4}-\\d{2}-\\d{2}"), "更新日期 on " + path);
            assertTrue(page.select("main").text().contains("来源 中共盘锦市委、盘锦市人民政府"), path);
        }
        Document dated = Fixtures.html(BuiltSites.twoYearsPreview().resolve("2031/alpha.html"));
        assertEquals("2032-03-15", dated.select("meta[name=PubDate]").attr("content"));
        assertTrue(dated.select("dl.publication").text().contains("2032年3月15日"));
    }

    @Test
    void unknownSiteFactsAreShownAsPlaceholdersNeverInvented() {
        Document home = Fixtures.html(real.site().resolve("index.html"));
        assertEquals(5, home.select("footer .site-ids .placeholder").size(), "all five legal IDs are still unknown");
        assertTrue(home.select("meta[name=SiteIDCode]").isEmpty());
    }

    @Test
    void everyTableHasHeaderCellsAndAWrapperThatIsAFocusableRegionNamedByItsTable() {
        for (Document page : pages(real.site())) {
            for (Element table : page.select("table")) {
                Element wrapper = table.parent();
                assertTrue(wrapper.hasClass("table-scroll"), page.location());
                // In the markup every wrapper is a tab stop and a region named by its table, so the
                // keyboard can scroll it without JavaScript; js/tables.js takes both away while the
                // table fits (LinkNamesAndStructureTest).
                assertEquals("0", wrapper.attr("tabindex"), page.location());
                assertEquals("region", wrapper.attr("role"), page.location());
                String names = table.hasAttr("aria-labelledby") ? table.attr("aria-labelledby") : table.selectFirst("caption").id();
                assertEquals(names, wrapper.attr("aria-labelledby"), "the region is named as its table is: " + page.location());
                assertTrue(page.select("head script[src*=js/tables.js?v=][defer]").size() == 1, "the script is loaded: " + page.location());
                assertFalse(table.select("thead th[scope=col]").isEmpty());
                assertTrue(table.selectFirst("caption") != null || !table.attr("aria-labelledby").isEmpty(), "named: " + page.location());
            }
        }
    }

    @Test
    void fontSizeAndElderModeWorkByKeyboardAndAreRememberedAcrossPages() {
        BrowserChecks.assumeChromiumAvailable();
        var driver = real.driver();
        driver.get(real.baseUri().resolve("2023/index.html").toString());
        WebElement large = driver.findElement(By.cssSelector("#reader-tools input[name=font-size][value=large]"));
        assertTrue(driver.findElement(By.cssSelector("#reader-tools .font-sizes")).isDisplayed(), "the tools appear when JavaScript runs");
        large.sendKeys(org.openqa.selenium.Keys.SPACE);
        assertEquals("large", driver.findElement(By.tagName("html")).getAttribute("data-font"));
        assertTrue(large.isSelected());
        WebElement elder = driver.findElement(By.cssSelector("#reader-tools button[data-elder]"));
        elder.sendKeys(org.openqa.selenium.Keys.SPACE);
        assertTrue(driver.findElement(By.tagName("html")).getAttribute("class").contains("elder"));
        String normalSize = "16px";
        driver.get(real.baseUri().resolve("indicators/legal-aid-cases.html").toString());
        assertEquals("large", driver.findElement(By.tagName("html")).getAttribute("data-font"), "remembered across pages");
        assertTrue(driver.findElement(By.tagName("html")).getAttribute("class").contains("elder"));
        Object size = driver.executeScript("return getComputedStyle(document.documentElement).fontSize");
        assertFalse(normalSize.equals(size), "text is larger: " + size);
        BrowserChecks.Report elderCheck = real.checks().checkPages(List.of("2023/index.html", "indicators/legal-aid-cases.html"));
        assertEquals(List.of(), elderCheck.violations(), "elder mode passes axe: " + elderCheck.describeViolations());
        assertEquals(List.of(), elderCheck.overflows(), elderCheck.describeOverflows());
        driver.executeScript("localStorage.clear()");
    }

    @Test
    void withoutJavaScriptTheToolsStayHiddenAndEverythingIsReadable() {
        Document year = Fixtures.html(real.site().resolve("2023/index.html"));
        assertTrue(year.getElementById("reader-tools").hasAttr("hidden"));
        assertTrue(Fixtures.shownText(year.selectFirst("main")).contains("受理法律援助案件1233件"), "the text is in the HTML itself");
    }

    @Test
    void printingAYearsReportHidesNavigationAndControlsAndKeepsTableRowsWhole() {
        BrowserChecks.assumeChromiumAvailable();
        var driver = real.driver();
        driver.get(real.baseUri().resolve("2023/figures.html").toString());
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            for (String hidden : List.of(".site-nav", ".breadcrumbs", "#reader-tools", ".footer-links", ".skip-link")) {
                Object display = driver.executeScript("return getComputedStyle(document.querySelector(arguments[0])).display", hidden);
                assertEquals("none", display, hidden + " is not printed");
            }
            assertEquals("block", driver.executeScript("return getComputedStyle(document.querySelector('.site-name')).display"),
                    "the portal's name is printed");
            assertEquals("avoid", driver.executeScript("return getComputedStyle(document.querySelector('tbody tr')).breakInside"));
            assertEquals("table-header-group", driver.executeScript("return getComputedStyle(document.querySelector('thead')).display"));
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void aQuotedFigureIsMarkedWithoutColourInElderModeInForcedColoursAndInPrint() {
        BrowserChecks.assumeChromiumAvailable();
        var driver = real.driver();
        // 归集公示行政管理信息类数: one paragraph, the figure printed twice, both marked.
        driver.get(real.baseUri().resolve("indicators/administrative-info-categories.html").toString());
        String style = "var s = getComputedStyle(document.querySelector('mark.figure-mark'));"
                + " return [s.fontWeight, s.outlineStyle, s.borderTopStyle, s.backgroundColor].join(' ');";
        assertEquals(2L, driver.executeScript("return document.querySelectorAll('blockquote mark.figure-mark').length"));
        assertEquals("700 none none rgb(255, 240, 160)", driver.executeScript(style), "bold and highlighted");
        driver.executeScript("document.documentElement.classList.add('elder')");
        try {
            assertEquals("700 solid none rgb(255, 225, 77)", driver.executeScript(style), "framed in 长者模式");
        } finally {
            driver.executeScript("document.documentElement.classList.remove('elder')");
        }
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(Map.of("name", "forced-colors", "value", "active"))));
        try {
            assertTrue(((String) driver.executeScript(style)).startsWith("700 solid"), "framed in forced colours");
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
        }
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertTrue(((String) driver.executeScript(style)).startsWith("700 none solid"), "bold and boxed in print");
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    private static void assertNoSkippedHeadingLevels(Document page, String where) {
        int previous = 0;
        for (Element h : page.select("h1, h2, h3, h4, h5, h6")) {
            int level = h.tagName().charAt(1) - '0';
            assertTrue(level <= previous + 1, "heading level skipped before '" + h.text() + "' on " + where);
            previous = level;
        }
    }
}
