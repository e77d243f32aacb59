package cn.fazhi.portal.a11y;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.testsupport.AccessibilityTree;
import cn.fazhi.portal.testsupport.BrowserChecks;
import cn.fazhi.portal.testsupport.BuiltSites;
import cn.fazhi.portal.testsupport.SiteInBrowser;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What automated checkers cannot see, measured in Chromium on the real site: 长者模式 is larger and
 * never poorer, the main navigation says where the reader is, chart labels follow the font size and
 * stay visible in forced colours and under the WCAG 1.4.12 text-spacing override, link targets are
 * large enough (44 px, 60 px in 长者模式), a paragraph reached by its address is highlighted, and the
 * header is one row at 400 % zoom, the navigation and the reader tools behind 菜单.
 *
 * <p>The reader settings are set as assets/js/reader.js keeps them, in localStorage
 * ({@value #SETTINGS}), before a page is loaded.
 */
class ElderModeAndTargetsTest {

    private static final String SETTINGS = "portal-reader-settings";
    /**
     * The header's height bound at 320×240 CSS px (400 % zoom of 1280×960) in 长者模式 with 特大, 菜单
     * closed: one row of 44 px targets, its padding and the 6 px border (62.5 px measured; 211 before 菜单).
     */
    private static final int COMPACT_HEADER_BOUND = 64;
    /** The same with 菜单 open: the row, the navigation and the reader tools (150.5 px measured). */
    private static final int OPEN_HEADER_BOUND = 152;

    @RegisterExtension
    static final SiteInBrowser real = SiteInBrowser.of(BuiltSites::real);
    ChromeDriver driver;

    @BeforeEach
    void startBrowser() {
        driver = real.driver();
    }

    @AfterEach
    void resetBrowser() {
        if (driver != null) {
            driver.executeScript("localStorage.clear()");
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
        }
    }

    // ------------------------------------------------------------------ 长者模式 keeps everything

    @Test
    void elderModeShowsBreadcrumbsSectionLinksAndTableSources() {
        Map<String, String> where = Map.of(
                "2023/disputes.html", ".breadcrumbs a",
                "2023/index.html", ".section-link a",
                "indicators/legal-aid-cases.html", ".caption-source",
                "2023/figures.html", ".caption-source");
        for (Map.Entry<String, String> e : where.entrySet()) {
            open(e.getKey(), "normal", true, 1280, 900);
            assertTrue(isElder(), e.getKey());
            List<?> hidden = (List<?>) js("return Array.from(document.querySelectorAll(arguments[0]))"
                    + ".filter(el => { const r = el.getBoundingClientRect(); return getComputedStyle(el).display === 'none'"
                    + " || r.width === 0 || r.height === 0; }).map(el => el.textContent)", e.getValue());
            long count = (Long) js("return document.querySelectorAll(arguments[0]).length", e.getValue());
            assertTrue(count > 0, e.getValue() + " on " + e.getKey());
            assertEquals(List.of(), hidden, e.getValue() + " shown in 长者模式 on " + e.getKey());
        }
    }

    // ------------------------------------------------------------------ aria-current in the main navigation

    @Test
    void theMainNavigationMarksTheEntryOfThePage() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("index.html", "首页=page");
        expected.put("indicators/index.html", "指标数据=page");
        expected.put("indicators/legal-aid-cases.html", "指标数据=true");
        expected.put("search.html", "搜索=page");
        expected.put("accessibility.html", "无障碍声明=page");
        expected.put("2023/index.html", "");
        expected.put("sitemap.html", "");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Document page = Fixtures.html(real.site().resolve(e.getKey()));
            List<String> current = page.select("nav.site-nav a[aria-current]").stream()
                    .map(a -> a.text() + "=" + a.attr("aria-current")).toList();
            assertEquals(e.getValue().isEmpty() ? List.of() : List.of(e.getValue()), current, e.getKey());
        }
        // Every indicator page lies under 指标数据.
        for (Path indicator : htmlFiles(real.site().resolve("indicators"))) {
            Document page = Fixtures.html(indicator);
            assertEquals(1, page.select("nav.site-nav a[aria-current]").size(), indicator.toString());
        }
        // Shown, not only announced: a bar under the entry, which forced colours keep (a border).
        open("indicators/index.html", "normal", false, 1280, 900);
        assertEquals(List.of("none", "solid", "none", "none"), js("return Array.from(document.querySelectorAll('.site-nav a'))"
                + ".map(a => getComputedStyle(a).borderBottomStyle)"));
    }

    // ------------------------------------------------------------------ visited links in 长者模式

    @Test
    void visitedLinksHaveAColourOfTheirOwnInElderModeWithSevenToOneContrast() {
        open("2023/index.html", "normal", true, 1280, 900);
        // The computed colour of :visited is hidden from scripts (privacy): read the declared rules.
        @SuppressWarnings("unchecked")
        Map<String, String> colours = (Map<String, String>) js("""
                const out = {};
                for (const sheet of document.styleSheets) for (const rule of sheet.cssRules) {
                  if (!rule.selectorText || !rule.style.color) continue;
                  for (const s of rule.selectorText.split(',').map(x => x.trim())) {
                    if (s === 'html.elder main a' || s === 'html.elder main a:visited') out[s] = rule.style.color;
                  }
                }
                return out;""");
        String link = colours.get("html.elder main a");
        String visited = colours.get("html.elder main a:visited");
        assertTrue(link != null && visited != null, "both colours are declared: " + colours);
        assertFalse(Arrays.equals(rgb(link), rgb(visited)), "visited and unvisited links differ in 长者模式: " + colours);
        double[] white = {255, 255, 255};
        assertTrue(contrast(rgb(link), white) >= 7, link + " on white");
        assertTrue(contrast(rgb(visited), white) >= 7, visited + " on white");
        assertTrue(contrast(rgb(visited), rgb("rgb(243, 242, 241)")) >= 7, visited + " on the soft grey of quotes and tables");
    }

    // ------------------------------------------------------------------ chart labels

    @Test
    void chartLabelsFollowTheFontSizeSettingAndNeverShrinkWithTheWidth() {
        double normal = chartLabelPx("normal", false, 1280);
        double large = chartLabelPx("large", false, 1280);
        double larger = chartLabelPx("larger", false, 1280);
        double elder = chartLabelPx("normal", true, 1280);
        double elderLarger = chartLabelPx("larger", true, 1280);
        assertTrue(normal < large && large < larger, normal + " < " + large + " < " + larger);
        assertTrue(elder > normal && elderLarger > larger, "长者模式 larger still: " + elder + ", " + elderLarger);
        double caption = ((Number) js("return parseFloat(getComputedStyle(document.querySelector('.chart-figure figcaption')).fontSize)")).doubleValue();
        assertTrue(elderLarger >= caption * 0.85, "labels about as large as the caption: " + elderLarger + " / " + caption);
        for (String font : List.of("normal", "larger")) {
            double narrow = chartLabelPx(font, false, 320);
            assertTrue(narrow >= 12, "at least 12 px at 320 px wide: " + narrow);
            assertEquals(chartLabelPx(font, false, 1280), narrow, 0.5, "the width does not shrink the labels");
        }
    }

    @Test
    void chartLabelsAndBarsStayVisibleInADarkForcedColoursTheme() {
        open("indicators/legal-aid-cases.html", "normal", false, 1280, 900);
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(
                Map.of("name", "forced-colors", "value", "active"), Map.of("name", "prefers-color-scheme", "value", "dark"))));
        @SuppressWarnings("unchecked")
        Map<String, String> c = (Map<String, String>) js("""
                const bar = document.querySelector('.chart-bar rect, rect.chart-bar');
                const label = document.querySelector('.chart-year');
                const colour = el => el instanceof SVGElement && el.localName === 'text' ? getComputedStyle(el).fill : getComputedStyle(el).color;
                return {background: getComputedStyle(document.documentElement).backgroundColor, year: colour(label),
                        value: colour(document.querySelector('.chart-value')), bar: getComputedStyle(bar).fill};""");
        double[] background = rgb(c.get("background"));
        assertTrue(contrast(background, rgb("rgb(255, 255, 255)")) > 10, "the dark theme is in force: " + c);
        assertTrue(contrast(rgb(c.get("year")), background) >= 4.5, "year label: " + c);
        assertTrue(contrast(rgb(c.get("value")), background) >= 4.5, "value label: " + c);
        assertTrue(contrast(rgb(c.get("bar")), background) >= 3, "bar: " + c);
    }

    @Test
    void underTheTextSpacingOverrideNoLabelTouchesABar() {
        List<String> charts = new ArrayList<>();
        for (Path p : htmlFiles(real.site().resolve("indicators"))) {
            if (!Fixtures.html(p).select("figure.chart-figure").isEmpty()) {
                charts.add("indicators/" + p.getFileName());
            }
        }
        assertTrue(charts.size() > 40, "the indicator pages with a chart: " + charts.size());
        List<String> overlaps = new ArrayList<>();
        for (String page : charts) {
            open(page, "larger", true, 320, 640);
            overlaps.addAll(labelBarOverlaps(page));
        }
        open("indicators/legal-aid-cases.html", "normal", false, 1280, 900);
        overlaps.addAll(labelBarOverlaps("indicators/legal-aid-cases.html at 1280 px"));
        assertEquals(List.of(), overlaps);
    }

    /** WCAG 1.4.12's override (bookmarklets cannot inject it here: the CSP; CSSOM can), then every label and bar compared. */
    @SuppressWarnings("unchecked")
    private List<String> labelBarOverlaps(String page) {
        return (List<String>) js("""
                const sheet = document.styleSheets[0];
                sheet.insertRule('* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; }', sheet.cssRules.length);
                sheet.insertRule('p { margin-bottom: 2em !important; }', sheet.cssRules.length);
                const out = [];
                const bars = Array.from(document.querySelectorAll('.chart-bar')).map(b => b.getBoundingClientRect());
                for (const label of document.querySelectorAll('.chart-year, .chart-value')) {
                  const a = label.getBoundingClientRect();
                  for (const b of bars) {
                    if (a.right > b.left + 0.5 && a.left < b.right - 0.5 && a.bottom > b.top + 0.5 && a.top < b.bottom - 0.5) {
                      out.push(arguments[0] + ': "' + label.textContent + '" overlaps a bar');
                    }
                  }
                }
                if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push(arguments[0] + ': scrolls sideways');
                return out;""", page);
    }

    private double chartLabelPx(String font, boolean elder, int width) {
        open("indicators/legal-aid-cases.html", font, elder, width, 900);
        // The size as drawn: an SVG label in a scaled viewBox is drawn at its font size times the scale.
        return ((Number) js("""
                const label = document.querySelector('.chart-year');
                const svg = label.closest('svg');
                const box = svg && svg.viewBox.baseVal;
                const scale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
                return parseFloat(getComputedStyle(label).fontSize) * scale;""")).doubleValue();
    }

    // ------------------------------------------------------------------ target sizes

    @Test
    void standaloneLinksAreAtLeast44PixelsSquareAnd60InElderMode() {
        String selector = ".site-nav a, .footer-links a, .breadcrumbs a, .pager a";
        for (boolean elder : List.of(false, true)) {
            int min = elder ? 60 : 44;
            for (int width : List.of(1280, 320)) {
                open("2023/disputes.html", elder ? "larger" : "normal", elder, width, 900);
                assertEquals(List.of(), tooSmall(selector, min), "2023/disputes.html, 长者模式 " + elder + ", " + width + " px");
                open("2023/index.html", elder ? "larger" : "normal", elder, width, 900);
                assertEquals(List.of(), tooSmall(".toc a, .section-link a, .figures-link a", min), "2023/index.html, " + width + " px");
                assertEquals(List.of(), tooSmall("a.figure", 24), "figure links in the text: 24 px");
                // In running text the figure keeps to its line: no taller than the line height.
                assertEquals(List.of(), js("return Array.from(document.querySelectorAll('a.figure')).filter(a =>"
                        + " a.getBoundingClientRect().height > parseFloat(getComputedStyle(a.parentElement).lineHeight) + 0.5)"
                        + ".map(a => a.textContent)"), "figure links do not stretch their line");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> tooSmall(String selector, int min) {
        // Only what is shown counts: 语音朗读's buttons are hidden where the browser has no Chinese voice.
        List<String> small = (List<String>) js("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".filter(a => a.getClientRects().length > 0).filter(a => {"
                + " const r = a.getBoundingClientRect(); return r.width < arguments[1] - 0.5 || r.height < arguments[1] - 0.5; })"
                + ".map(a => { const r = a.getBoundingClientRect(); return a.textContent.trim() + ' ' + Math.round(r.width) + 'x' + Math.round(r.height); })",
                selector, min);
        long count = (Long) js("return document.querySelectorAll(arguments[0]).length", selector);
        assertTrue(count > 0, "no link matches " + selector);
        return small;
    }

    // ------------------------------------------------------------------ :target and the header at 400 % zoom

    @Test
    void aParagraphReachedByItsAddressIsHighlightedNotByColourAlone() {
        open("2023/disputes.html#disputes-p3", "normal", false, 1280, 900);
        String style = "const s = getComputedStyle(document.getElementById(arguments[0]));"
                + " return [s.borderLeftStyle, s.borderLeftWidth, s.paddingLeft, s.backgroundColor].join(' ');";
        String target = (String) js(style, "disputes-p3");
        String other = (String) js(style, "disputes-p1");
        assertNotEquals(other, target);
        assertTrue(target.startsWith("solid 6px"), "a bar at its side, not only a colour: " + target);
        assertFalse(target.endsWith("rgba(0, 0, 0, 0)"), "and a tint: " + target);
        assertTrue(((Number) js("return document.getElementById('disputes-p3').getBoundingClientRect().top")).doubleValue() >= 16,
                "scrolled into view with room above it");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(Map.of("name", "forced-colors", "value", "active"))));
        assertTrue(((String) js(style, "disputes-p3")).startsWith("solid 6px"), "the bar stays in forced colours");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertEquals(js(style, "disputes-p1"), js(style, "disputes-p3"), "printed as any paragraph");
    }

    @Test
    void theHeaderIsOneRowAt400PercentZoomInElderModeWithTheLargestText() {
        open("2023/disputes.html", "larger", true, 320, 240);
        assertTrue(header() <= COMPACT_HEADER_BOUND, "header at 320×240, 长者模式, 特大, 菜单 closed: " + header() + " px");
        assertEquals(List.of(false, false), shown(".site-nav", "#reader-tools"), "the navigation and the reader tools are folded");
        // 菜单 is a real disclosure button, named by its text, saying what it controls and whether it is open.
        assertEquals(List.of("button", "button", "菜单", "false", "site-nav reader-tools"), js("const b = document.querySelector('.menu-toggle');"
                + " return [b.localName, b.type, b.textContent, b.getAttribute('aria-expanded'), b.getAttribute('aria-controls')]"));
        assertEquals(2L, js("return document.querySelector('.menu-toggle').getAttribute('aria-controls').split(' ')"
                + ".filter(id => document.getElementById(id)).length"), "what it controls exists");
        AccessibilityTree.Node button = AccessibilityTree.of(driver, ".menu-toggle").orElseThrow();
        assertEquals(List.of("button", "菜单", "false"), List.of(button.role(), button.name(), button.properties().get("expanded")), button.describe());
        assertEquals(List.of(), tooSmall(".site-name a, .menu-toggle", 44), "targets stay 44 px");
        assertEquals(25.0, ((Number) js("return parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")).doubleValue(),
                0.01, "the text keeps the chosen size");
        assertEquals(js("return document.documentElement.clientWidth"), js("return document.documentElement.scrollWidth"), "no sideways scrolling");
        // A phone held upright is not a zoomed window: no 菜单, and 长者模式 targets stay 60 px there.
        open("2023/disputes.html", "larger", true, 320, 568);
        assertEquals(List.of(false, true, true), shown(".menu-toggle", ".site-nav", "#reader-tools"), "320×568");
        assertEquals(List.of(), tooSmall(".site-nav a", 60));
    }

    @Test
    void theMenuOpensWithEnterOrSpaceAndEscapeFoldsItBackToTheButton() {
        open("2023/disputes.html", "larger", true, 320, 240);
        driver.findElement(By.cssSelector(".site-name a")).sendKeys(Keys.TAB);
        assertEquals(true, js("return document.activeElement === document.querySelector('.menu-toggle')"), "菜单 follows the site name in the tab order");
        String focused = (String) js("const s = getComputedStyle(document.activeElement); return s.backgroundColor + ' ' + s.boxShadow");
        assertTrue(focused.startsWith("rgb(255, 221, 0)") && focused.contains("rgb(11, 12, 12)"), "focus is visible: " + focused);

        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertEquals("true", expanded(), "Enter opens it");
        assertEquals(List.of(true, true), shown(".site-nav", "#reader-tools"));
        assertEquals(List.of("首页", "指标数据", "搜索", "无障碍声明"), js("return Array.from(document.querySelectorAll('.site-nav a'))"
                + ".filter(a => a.getClientRects().length > 0).map(a => a.textContent)"), "the navigation links are there");
        AccessibilityTree.Node tools = AccessibilityTree.of(driver, "#reader-tools").orElseThrow();
        assertEquals(List.of("标准", "大", "特大"), tools.all().filter(n -> n.role().equals("radio")).map(AccessibilityTree.Node::name).toList(),
                "the reader tools are there:\n" + tools.describe());
        assertTrue(tools.all().anyMatch(n -> n.role().equals("button") && n.name().equals("长者模式")), tools.describe());
        assertEquals("true", AccessibilityTree.of(driver, ".menu-toggle").orElseThrow().properties().get("expanded"));
        // Open, the state shows without colour: the chevron turns and the label is bold and underlined.
        String openLook = look();
        assertTrue(header() <= OPEN_HEADER_BOUND, "header at 320×240, 长者模式, 特大, 菜单 open: " + header() + " px");
        assertEquals(List.of(), tooSmall(".site-nav a, .menu-toggle", 44), "targets stay 44 px");
        assertEquals(List.of(), tooSmall("#reader-tools button, .font-sizes label", 44), "reader buttons stay 44 px");

        // Escape from inside the menu folds it and puts the focus back on 菜单.
        driver.findElement(By.cssSelector(".site-nav a")).sendKeys(Keys.ESCAPE);
        assertEquals("false", expanded(), "Escape folds it");
        assertEquals(List.of(false, false), shown(".site-nav", "#reader-tools"));
        assertEquals(true, js("return document.activeElement === document.querySelector('.menu-toggle')"), "the focus is back on 菜单");
        String closedLook = look();
        assertTrue(openLook.startsWith("700 underline ") && !closedLook.startsWith("700 underline "), openLook + " / " + closedLook);
        assertNotEquals(openLook.substring(openLook.indexOf("matrix")), closedLook.substring(closedLook.indexOf("matrix")),
                "the chevron turns: " + openLook + " / " + closedLook);

        driver.switchTo().activeElement().sendKeys(Keys.SPACE);
        assertEquals("true", expanded(), "Space opens it");
        driver.switchTo().activeElement().sendKeys(Keys.SPACE);
        assertEquals("false", expanded(), "and folds it again");

        // Not remembered: the next page starts folded.
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertEquals("true", expanded());
        driver.get(real.baseUri().resolve("2023/index.html").toString());
        assertEquals("false", expanded(), "each page starts folded");
        assertEquals(List.of(false, false), shown(".site-nav", "#reader-tools"));
    }

    /** Weight, underline and the chevron's turn of 菜单, as drawn: what shows the state besides the colour. */
    private String look() {
        return (String) js("const b = document.querySelector('.menu-toggle'); const s = getComputedStyle(b);"
                + " return [s.fontWeight, s.textDecorationLine, getComputedStyle(b, '::after').transform].join(' ')");
    }

    @Test
    void theMenuIsOnlyInTheSmallWindowAndFollowsTheZoomBothWays() {
        open("2023/disputes.html", "larger", true, 1280, 900);
        assertEquals(List.of(false, true, true), shown(".menu-toggle", ".site-nav", "#reader-tools"), "1280×900");
        // Zoomed to 400 % on the page: folded; opened, then back to 100 % and to 400 % again: folded anew.
        metrics(320, 240);
        assertEquals(List.of(true, false, false), shown(".menu-toggle", ".site-nav", "#reader-tools"), "zoomed in");
        js("document.querySelector('.menu-toggle').click()");
        assertEquals(List.of(true, true), shown(".site-nav", "#reader-tools"), "opened");
        metrics(1280, 900);
        assertEquals(List.of(false, true, true), shown(".menu-toggle", ".site-nav", "#reader-tools"), "zoomed out");
        metrics(320, 240);
        assertEquals(List.of(true, false, false), shown(".menu-toggle", ".site-nav", "#reader-tools"), "zoomed in again");
        assertEquals("false", expanded());
    }

    @Test
    void withoutJavaScriptTheNavigationStaysAt400PercentZoom() {
        try (BrowserChecks off = BrowserChecks.startWithoutJavaScript(real.site(), real.basePath())) {
            ChromeDriver noScript = off.driver();
            noScript.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 320, "height", 240, "deviceScaleFactor", 1, "mobile", false));
            noScript.get(off.baseUri().resolve("2023/disputes.html").toString());
            assertEquals(List.of(false, true, false), noScript.executeScript("return Array.from(arguments).map(s =>"
                    + " document.querySelector(s).getClientRects().length > 0)", ".menu-toggle", ".site-nav", "#reader-tools"),
                    "no 菜单 and no reader tools without JavaScript, the navigation as it is");
            assertEquals(List.of("首页", "指标数据", "搜索", "无障碍声明"), noScript.executeScript("return Array.from(document.querySelectorAll('.site-nav a'))"
                    + ".filter(a => { const r = a.getBoundingClientRect(); return r.width >= 44 && r.height >= 44; }).map(a => a.textContent)"));
            assertTrue(AccessibilityTree.of(noScript, ".menu-toggle").isEmpty(), "菜单 is not exposed");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Loads {@code page} at {@code width}×{@code height} CSS px with the reader settings given. */
    private void open(String page, String font, boolean elder, int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        driver.get(real.baseUri().resolve("index.html").toString());
        driver.executeScript("localStorage.setItem(arguments[0], JSON.stringify({font: arguments[1], elder: arguments[2]}))",
                SETTINGS, font, elder);
        driver.get(real.baseUri().resolve(page).toString());
        assertEquals(font, driver.executeScript("return document.documentElement.getAttribute('data-font')"), page);
    }

    /** Whether each element is drawn (has a box): display none, here or on an ancestor, gives none. */
    private List<?> shown(String... selectors) {
        return (List<?>) js("return Array.from(arguments).map(s => document.querySelector(s).getClientRects().length > 0)", (Object[]) selectors);
    }

    private double header() {
        return ((Number) js("return document.querySelector('.site-header').getBoundingClientRect().height")).doubleValue();
    }

    private String expanded() {
        return (String) js("return document.querySelector('.menu-toggle').getAttribute('aria-expanded')");
    }

    /** The window changed under the loaded page, as zooming does: width×height CSS px. */
    private void metrics(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    }

    private boolean isElder() {
        return (Boolean) js("return document.documentElement.classList.contains('elder')");
    }

    private Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    private static List<Path> htmlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".html") && !p.getFileName().toString().equals("index.html"))
                    .sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final Pattern RGB = Pattern.compile("rgba?\\((\\d+(?:\\.\\d+)?),\\s*(\\d+(?:\\.\\d+)?),\\s*(\\d+(?:\\.\\d+)?)");

    /** A CSS colour as the browser serialises it ({@code rgb(…)}, or {@code #rrggbb} in a declared rule). */
    private static double[] rgb(String css) {
        String c = css.trim();
        if (c.matches("#[0-9a-fA-F]{6}")) {
            return new double[] {Integer.parseInt(c.substring(1, 3), 16), Integer.parseInt(c.substring(3, 5), 16),
                Integer.parseInt(c.substring(5, 7), 16)};
        }
        Matcher m = RGB.matcher(c);
        assertTrue(m.lookingAt(), "a colour: " + css);
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))};
    }

    /** WCAG 2 contrast ratio. */
    static double contrast(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(double[] rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = rgb[i] / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
