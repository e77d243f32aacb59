package cn.fazhi.portal.a11y;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.Pipeline;
import cn.fazhi.portal.testsupport.AccessibilityTree;
import cn.fazhi.portal.testsupport.BrowserChecks;
import cn.fazhi.portal.testsupport.BuiltSites;
import cn.fazhi.portal.testsupport.SiteInBrowser;
import cn.fazhi.portal.testsupport.HtmlValidator;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the automated checks cannot see (issue 21): the names a screen reader gives the figure links,
 * read from Chromium's own accessibility tree; the sentence that explains the linked numbers; table
 * wrappers that are tab stops only while they scroll; a heading per group on the figures pages; a
 * unique {@code <title>} on every page of a site of many years; and the screen-reader-only names kept
 * out of search, descriptions and the feed. On the real site, and on the fictional two-year fixture.
 */
class LinkNamesAndStructureTest {

    @RegisterExtension
    static final SiteInBrowser real = SiteInBrowser.of(BuiltSites::real);

    // ------------------------------------------------------------------ 1. figure links

    @Test
    void everyFigureLinkIsNamedByItsNumberAndItsIndicatorInTheAccessibilityTree() {
        BrowserChecks.assumeChromiumAvailable();
        List<FigureLink> links = figureLinks(real.open("2023/index.html"));
        assertEquals(Fixtures.html(real.site().resolve("2023/index.html")).select("main a.figure").size(), links.size(),
                "every figure link of the page is in the accessibility tree");
        assertTrue(links.size() > 50, "the 2023 report links its figures: " + links.size());
        Map<String, String> hrefByName = new HashMap<>();
        for (FigureLink link : links) {
            String indicator = indicatorName(link.indicator());
            assertTrue(link.name().contains(link.number()), "the name says the number: " + link);
            assertTrue(link.name().contains(indicator), "the name says the indicator '" + indicator + "': " + link);
            assertFalse(link.name().matches("[近0-9.,%万余亿]+"), "not a bare number: " + link);
            String other = hrefByName.putIfAbsent(link.name(), link.href());
            assertTrue(other == null || other.equals(link.href()),
                    "one name, one page: '" + link.name() + "' leads to " + other + " and to " + link.href());
        }
    }

    @Test
    void pagesWithFigureLinksSayOnceWhatTheLinkedNumbersAreAndNoOtherPageDoes() {
        int withLinks = 0;
        for (Path root : List.of(real.site(), BuiltSites.twoYears())) {
            for (Document page : pages(root)) {
                Element main = page.selectFirst("main");
                List<Element> notes = main.select(".figure-links-note");
                if (main.select("a.figure").isEmpty()) {
                    assertEquals(List.of(), notes, "no figure link, no note: " + page.location());
                } else {
                    withLinks++;
                    assertEquals(1, notes.size(), "one note: " + page.location());
                    Element note = notes.get(0);
                    assertEquals("p", note.tagName());
                    assertTrue(note.text().contains("带下划线的数字是链接"), note.text());
                    assertTrue(note.parents().stream().noneMatch(e -> e.hasClass("visually-hidden")) && !note.hasClass("visually-hidden"),
                            "the note is for everyone: " + page.location());
                    Element firstFigure = main.selectFirst("a.figure");
                    assertTrue(precedes(note, firstFigure), "said before the first linked number: " + page.location());
                }
            }
        }
        assertTrue(withLinks >= 10, "the year pages and the sections citing figures: " + withLinks);
        assertEquals(1, Fixtures.html(real.site().resolve("2023/index.html")).select(".figure-links-note").size());
        assertEquals(0, Fixtures.html(real.site().resolve("2023/problems.html")).select(".figure-links-note").size(),
                "二、存在问题 states no figure");
    }

    @Test
    void theNamesOnlyScreenReadersGetStayOutOfSearchDescriptionsQuotesDownloadsAndTheFeed() throws IOException {
        Set<String> hidden = new HashSet<>();
        for (Document page : pages(real.site())) {
            page.select("a.figure .visually-hidden").forEach(e -> hidden.add(e.text()));
        }
        assertTrue(hidden.size() > 40, "the figure links carry names: " + hidden.size());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(real.site())) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(json|xml|csv)$")).toList();
        }
        assertTrue(files.stream().anyMatch(p -> p.startsWith(real.site().resolve("search"))), "the search index is read");
        assertTrue(files.contains(real.site().resolve("feed.xml")), "the feed is read");
        for (Path file : files) {
            String text = Fixtures.read(file);
            assertFalse(text.contains("（指标："), "no figure link's name in " + real.site().relativize(file));
        }
        for (Document page : pages(real.site())) {
            String where = page.location();
            assertFalse(page.select("meta[name=description]").attr("content").contains("（指标："), "description of " + where);
            assertFalse(page.select("script[type=application/ld+json]").html().contains("指标："), "JSON-LD of " + where);
            Element main = page.selectFirst("main").clone();
            main.select("a.figure .visually-hidden").remove();
            assertFalse(main.text().contains("（指标："), "only figure links carry the names: " + where);
        }
        // The quotes on an indicator's page are the sentences as the report prints them.
        Document quote = Fixtures.html(real.site().resolve("indicators/legal-aid-cases.html"));
        assertTrue(quote.select("main blockquote").text().contains("受理法律援助案件1233件"), quote.select("main blockquote").text());
    }

    // ------------------------------------------------------------------ 5. table regions

    @Test
    void tableWrappersAreTabStopsAndNamedRegionsOnlyWhileTheirTableScrolls() {
        BrowserChecks.assumeChromiumAvailable();
        for (Document page : pages(real.site())) {
            assertEquals(page.select(".table-scroll").size(), page.select(".table-scroll[tabindex=0][role=region][aria-labelledby]").size(),
                    "in the markup every wrapper is a named, focusable region (for readers without JavaScript): " + page.location());
        }
        for (String page : List.of("2023/figures.html", "indicators/index.html")) {
            ChromeDriver driver = real.open(page);
            List<TabStop> desktop = tabStops(driver);
            assertTrue(desktop.size() > 20, page + ": " + desktop.size());
            assertEquals(List.of(), desktop.stream().filter(TabStop::wrapper).toList(), "no wrapper is a tab stop at 1280 px on " + page);
            assertEquals(0L, driver.executeScript("return document.querySelectorAll('.table-scroll[tabindex], .table-scroll[role]').length"));

            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", BrowserChecks.NARROW_WIDTH, "height", 640, "deviceScaleFactor", 1, "mobile", false));
            try {
                driver.navigate().refresh();
                // At 320 px the real tables wrap their cells and fit; whichever scrolls is a region, no other.
                assertEachWrapperIsARegionExactlyWhileItScrolls(driver, page);
                long scrollingAt320 = tabStops(driver).stream().filter(TabStop::wrapper).count();
                assertEquals(scrollingWrappers(driver), scrollingAt320, "each scrolling wrapper is one tab stop at 320 px on " + page);

                // A table too wide for the page (as a longer name or a larger 字号 would make it): its
                // wrapper becomes a focusable region, named by its group's heading and its table's name.
                driver.executeScript("var w = document.querySelectorAll('.table-scroll')[1]; w.id = 'probe-wrapper';"
                        + " w.querySelector('table').style.minWidth = '40rem';");
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "0".equals(
                        driver.executeScript("return document.getElementById('probe-wrapper').getAttribute('tabindex')")));
                assertEachWrapperIsARegionExactlyWhileItScrolls(driver, page);
                AxNode region = axNode(driver, "#probe-wrapper");
                assertEquals("region", region.role(), page);
                String table = (String) driver.executeScript("var t = document.querySelector('#probe-wrapper table');"
                        + " var ids = t.getAttribute('aria-labelledby') || t.querySelector('caption').id;"
                        + " return ids.split(' ').map(id => document.getElementById(id).textContent.trim()).join(' ')");
                assertTrue(region.name().replace(" ", "").contains(table.replace(" ", "")),
                        "the region is named by its table's name '" + table + "': '" + region.name() + "' on " + page);
                String heading = (String) driver.executeScript(
                        "return document.querySelector('#probe-wrapper').previousElementSibling.textContent.trim()");
                assertTrue(region.name().startsWith(heading), "and first by its group's heading: " + region.name());
                List<TabStop> narrow = tabStops(driver);
                assertEquals(scrollingAt320 + 1, narrow.stream().filter(TabStop::wrapper).count(),
                        "the scrolling wrapper is a tab stop on " + page + ": " + narrow);
                driver.executeScript("document.getElementById('probe-wrapper').focus()");
                assertEquals("rgba(0, 0, 0, 0)", driver.executeScript(
                        "return getComputedStyle(document.getElementById('probe-wrapper')).backgroundColor"),
                        "a focused region is framed, not filled in yellow");
                assertEquals("solid", driver.executeScript(
                        "return getComputedStyle(document.getElementById('probe-wrapper')).outlineStyle"));
                assertEquals("3px", driver.executeScript(
                        "return getComputedStyle(document.getElementById('probe-wrapper')).outlineWidth"));
                driver.executeScript("document.activeElement.blur()");

                // The table fits again: the wrapper is plain again, without a reload.
                driver.executeScript("document.querySelector('#probe-wrapper table').style.minWidth = ''");
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> driver.executeScript(
                        "return document.getElementById('probe-wrapper').getAttribute('tabindex')") == null);
                assertEachWrapperIsARegionExactlyWhileItScrolls(driver, page);
            } finally {
                driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            }
        }
    }

    @Test
    void withoutJavaScriptEveryTableWrapperIsATabStopNamedByItsTable() {
        try (BrowserChecks off = BrowserChecks.startWithoutJavaScript(real.site(), real.basePath())) {
            ChromeDriver driver = off.driver();
            for (String page : List.of("2023/figures.html", "indicators/index.html", "indicators/legal-aid-cases.html")) {
                driver.get(off.baseUri().resolve(page).toString());
                assertEquals(Boolean.FALSE, driver.executeScript("return document.documentElement.classList.contains('js')"),
                        "no script ran on " + page);
                long wrappers = (Long) driver.executeScript("return document.querySelectorAll('.table-scroll').length");
                assertTrue(wrappers > 0, page);
                // At 1280 px no table scrolls, so Chromium would not make a wrapper focusable by itself:
                // the tab stops are the markup's, as in browsers that never do (Safari, older Chromium).
                assertEquals(0L, scrollingWrappers(driver), page);
                assertEquals(wrappers, tabStops(driver).stream().filter(TabStop::wrapper).count(),
                        "every wrapper is a tab stop on " + page);
                for (int i = 0; i < wrappers; i++) {
                    driver.executeScript("document.querySelectorAll('.table-scroll').forEach((w, j) => w.id = w.id || 'probe-' + j)");
                    String id = (String) driver.executeScript("return document.querySelectorAll('.table-scroll')[arguments[0]].id", i);
                    AxNode region = axNode(driver, "#" + id);
                    AxNode table = axNode(driver, "#" + id + " > table");
                    assertEquals("region", region.role(), page + " " + id);
                    assertFalse(table.name().isBlank(), "the table is named on " + page);
                    assertEquals(table.name(), region.name(), "the region is named by its table on " + page);
                }
            }
        }
    }

    @Test
    void everyTableOfTheFiguresPagesHasADistinctNameThatSaysItsArea() {
        BrowserChecks.assumeChromiumAvailable();
        for (String page : List.of("2023/figures.html", "indicators/index.html")) {
            ChromeDriver driver = real.open(page);
            List<String> areas = Fixtures.html(real.site().resolve(page)).select("main h2").eachText();
            AccessibilityTree.Node main = AccessibilityTree.of(driver, "main").orElseThrow();
            List<String> names = main.all().filter(n -> n.role().equals("table")).map(AccessibilityTree.Node::name).toList();
            assertEquals(areas.size(), names.size(), page + ":\n" + main.describe());
            assertEquals(names.size(), new HashSet<>(names).size(), "a screen reader's table list tells them apart on " + page + ": " + names);
            for (int i = 0; i < names.size(); i++) {
                assertTrue(names.get(i).startsWith(areas.get(i)), "the table's name says its area '" + areas.get(i) + "': " + names.get(i));
            }
        }
    }

    @Test
    void tablesOfSeveralSectionsOnTheYearPageHaveTheirOwnCaptionIds(@TempDir Path tmp) throws IOException {
        Path source = tmp.resolve("source");
        Fixtures.copyTree(BuiltSites.twoYearsSource(), source);
        for (String[] section : List.of(new String[] {"01-alpha.adoc", "甲"}, new String[] {"02-gamma.adoc", "乙"})) {
            Path file = source.resolve("content/2031").resolve(section[0]);
            Files.writeString(file, Files.readString(file) + "\n." + "虚构统计表" + section[1] + "\n|===\n|虚构项目 |虚构说明\n\n"
                    + "|虚构项目" + section[1] + " |仅供测试\n|===\n");
        }
        Path site = tmp.resolve("site");
        try (Pipeline pipeline = new Pipeline()) {
            pipeline.build(new Pipeline.Options(source, site, false, null));
        }
        for (String name : List.of("2031/index.html", "2031/alpha.html", "2031/gamma.html")) {
            Document page = Fixtures.html(site.resolve(name));
            List<String> ids = page.select("[id]").eachAttr("id");
            assertEquals(ids.size(), new HashSet<>(ids).size(), "no id twice on " + name + ": " + ids);
            List<Element> wrappers = page.select("main .table-scroll");
            assertEquals(name.equals("2031/index.html") ? 2 : 1, wrappers.size(), name);
            for (Element wrapper : wrappers) {
                Element caption = page.getElementById(wrapper.attr("aria-labelledby"));
                assertNotNull(caption, "the region's name is on the page: " + name);
                assertEquals(wrapper.selectFirst("caption"), caption, "each region is named by its own caption on " + name);
                assertTrue(caption.text().contains("虚构统计表"), caption.text());
            }
        }
    }

    private static long scrollingWrappers(ChromeDriver driver) {
        return (Long) driver.executeScript("return Array.from(document.querySelectorAll('.table-scroll'))"
                + ".filter(w => w.scrollWidth > w.clientWidth).length");
    }

    private static void assertEachWrapperIsARegionExactlyWhileItScrolls(ChromeDriver driver, String page) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> wrappers = (List<Map<String, Object>>) driver.executeScript(
                "return Array.from(document.querySelectorAll('.table-scroll')).map(w => ({"
                        + " scrolls: w.scrollWidth > w.clientWidth, tabindex: w.getAttribute('tabindex'),"
                        + " role: w.getAttribute('role'), labelledby: w.getAttribute('aria-labelledby')}))");
        assertFalse(wrappers.isEmpty(), page);
        for (Map<String, Object> w : wrappers) {
            boolean scrolls = Boolean.TRUE.equals(w.get("scrolls"));
            assertEquals(scrolls ? "0" : null, w.get("tabindex"), page + " " + w);
            assertEquals(scrolls ? "region" : null, w.get("role"), page + " " + w);
            assertEquals(scrolls, w.get("labelledby") != null, page + " " + w);
        }
    }

    // ------------------------------------------------------------------ 6. headings of the figures pages

    @Test
    void theFiguresPagesHaveAHeadingPerGroupBeforeItsTable() {
        List<Path> pages = new ArrayList<>(List.of(real.site().resolve("2023/figures.html"), real.site().resolve("indicators/index.html")));
        pages.add(BuiltSites.twoYears().resolve("2031/figures.html"));
        pages.add(BuiltSites.twoYears().resolve("indicators/index.html"));
        for (Path file : pages) {
            Document page = Fixtures.html(file);
            String where = file.toString();
            assertEquals(1, page.select("h1").size(), where);
            List<Element> tables = page.select("main table");
            List<Element> h2 = page.select("main h2");
            assertFalse(tables.isEmpty(), where);
            assertEquals(tables.size(), h2.size(), "one h2 per group: " + where);
            assertEquals(h2.size(), new HashSet<>(h2.stream().map(Element::text).toList()).size(), "groups are distinct: " + where);
            for (Element table : tables) {
                Element wrapper = table.parent();
                Element heading = wrapper.previousElementSibling();
                assertEquals("h2", heading.tagName(), "the group's heading stands before its table: " + where);
                assertEquals("area-", heading.id().substring(0, 5), "a stable anchor: " + heading.id());
                // The heading names the area the group's indicators belong to (each indicator page says so).
                for (Element link : table.select("tbody th a")) {
                    Document indicator = Fixtures.html(file.getParent().resolve(link.attr("href")).normalize());
                    assertEquals(heading.text(), indicator.select("dl.indicator-meta dt:containsOwn(所属领域) + dd").text(),
                            link.text() + " on " + where);
                }
                // The table's name does not read the long area name a second time.
                Element caption = table.selectFirst("caption");
                if (caption != null) {
                    assertFalse(caption.text().contains(heading.text()), "the caption does not repeat the heading: " + where);
                }
                assertTrue(caption != null || table.attr("aria-labelledby").equals(heading.id()),
                        "a table without caption is named by its heading: " + where);
            }
        }
    }

    // ------------------------------------------------------------------ 9. page titles

    @Test
    void everyPageTitleIsUniqueAndTheReportsPagesNameTheirYear(@TempDir Path tmp) throws IOException {
        // Reports often keep a heading from one year to the next: the fixture's 2032 part 一 made to
        // carry the title of 2031's, on top of the sites as they are.
        Path source = tmp.resolve("source");
        Fixtures.copyTree(BuiltSites.twoYearsSource(), source);
        Path alpha = source.resolve("content/2032/01-alpha.adoc");
        String text = Files.readString(alpha);
        assertTrue(text.startsWith("= 一、虚构唯一部分\n"), text);
        Files.writeString(alpha, text.replace("= 一、虚构唯一部分\n", "= 一、虚构第一部分\n"));
        Path sameHeadings = tmp.resolve("site");
        try (Pipeline pipeline = new Pipeline()) {
            pipeline.build(new Pipeline.Options(source, sameHeadings, false, null));
        }
        assertEquals(Fixtures.html(sameHeadings.resolve("2031/alpha.html")).selectFirst("h1").text(),
                Fixtures.html(sameHeadings.resolve("2032/alpha.html")).selectFirst("h1").text());
        for (Path root : List.of(real.site(), BuiltSites.twoYears(), BuiltSites.twoYearsPreview(), sameHeadings)) {
            Map<String, String> pageByTitle = new LinkedHashMap<>();
            for (Path file : HtmlValidator.htmlFiles(root)) {
                Document page = Fixtures.html(file);
                String where = root.relativize(file).toString().replace('\\', '/');
                String title = page.title();
                String other = pageByTitle.put(title, where);
                assertTrue(other == null, "'" + title + "' is the title of " + other + " and of " + where);
                String siteName = page.select("meta[name=SiteName]").attr("content");
                Element article = page.selectFirst("meta[name=ArticleTitle]");
                if (article != null) {
                    assertEquals(title, article.attr("content") + " - " + siteName, "ArticleTitle is the title: " + where);
                }
                Element h1 = page.selectFirst("h1");
                if (!where.equals("index.html")) {
                    assertTrue(title.startsWith(h1.text()), "the page's own title comes first: " + title + " on " + where);
                }
                if (where.matches("\\d{4}/.*")) {
                    assertTrue(title.contains(where.substring(0, 4) + "年"), "the year is in the title: " + title + " on " + where);
                }
            }
        }
        assertEquals("二、存在问题 - 2023年报告 - 盘锦市法治政府建设年度报告", Fixtures.html(real.site().resolve("2023/problems.html")).title());
    }

    // ------------------------------------------------------------------ helpers

    private static List<Document> pages(Path root) {
        return HtmlValidator.htmlFiles(root).stream().map(p -> Fixtures.html(root.resolve(p.toString()))).toList();
    }

    /** Whether {@code a} comes before {@code b} in document order. */
    private static boolean precedes(Element a, Element b) {
        List<Element> all = a.ownerDocument().getAllElements();
        return all.indexOf(a) < all.indexOf(b);
    }

    /** The indicator's name, as its own page's h1 gives it. */
    private static String indicatorName(String id) {
        return Fixtures.html(real.site().resolve("indicators/" + id + ".html")).selectFirst("h1").text();
    }

    /** A figure link: where it leads, its indicator, the number it shows and its accessible name. */
    record FigureLink(String href, String indicator, String number, String name) {
    }

    /** A node of Chromium's accessibility tree. */
    record AxNode(String role, String name) {
    }

    /** One element reached with the Tab key. */
    record TabStop(String element, boolean wrapper) {
    }

    /**
     * The figure links of the page in the driver, in document order, each with the name Chromium's
     * accessibility tree gives it (CDP {@code Accessibility.getFullAXTree}), matched to its element
     * through the DOM's backend node ids.
     */
    @SuppressWarnings("unchecked")
    static List<FigureLink> figureLinks(ChromeDriver driver) {
        driver.executeCdpCommand("Accessibility.enable", Map.of());
        Map<String, Object> document = (Map<String, Object>) driver.executeCdpCommand("DOM.getDocument",
                Map.of("depth", -1)).get("root");
        List<Map<String, Object>> anchors = new ArrayList<>();
        collectFigureLinks(document, anchors);
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) driver.executeCdpCommand("Accessibility.getFullAXTree",
                Map.of()).get("nodes");
        Map<Long, Map<String, Object>> byBackendId = new HashMap<>();
        for (Map<String, Object> n : nodes) {
            if (n.get("backendDOMNodeId") instanceof Number id) {
                byBackendId.put(id.longValue(), n);
            }
        }
        List<FigureLink> out = new ArrayList<>();
        for (Map<String, Object> a : anchors) {
            Map<String, String> attributes = attributes(a);
            Map<String, Object> ax = byBackendId.get(((Number) a.get("backendNodeId")).longValue());
            assertNotNull(ax, "the link is in the accessibility tree: " + attributes);
            assertFalse(Boolean.TRUE.equals(ax.get("ignored")), "the link is exposed: " + attributes);
            assertEquals("link", value(ax.get("role")), attributes.toString());
            out.add(new FigureLink(attributes.get("href"), attributes.get("data-indicator"), dataText(a), value(ax.get("name"))));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void collectFigureLinks(Map<String, Object> node, List<Map<String, Object>> out) {
        if ("a".equals(node.get("localName")) && (" " + attributes(node).getOrDefault("class", "") + " ").contains(" figure ")) {
            out.add(node);
        }
        for (Map<String, Object> child : (List<Map<String, Object>>) node.getOrDefault("children", List.of())) {
            collectFigureLinks(child, out);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> attributes(Map<String, Object> node) {
        List<String> list = (List<String>) node.getOrDefault("attributes", List.of());
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < list.size(); i += 2) {
            map.put(list.get(i), list.get(i + 1));
        }
        return map;
    }

    /** The text of the link's {@code <data>} element: the number as printed. */
    @SuppressWarnings("unchecked")
    private static String dataText(Map<String, Object> node) {
        for (Map<String, Object> child : (List<Map<String, Object>>) node.getOrDefault("children", List.of())) {
            if ("data".equals(child.get("localName"))) {
                StringBuilder sb = new StringBuilder();
                for (Map<String, Object> text : (List<Map<String, Object>>) child.getOrDefault("children", List.of())) {
                    sb.append(text.getOrDefault("nodeValue", ""));
                }
                return sb.toString();
            }
        }
        throw new AssertionError("a figure link without its number: " + attributes(node));
    }

    @SuppressWarnings("unchecked")
    private static String value(Object axValue) {
        return axValue instanceof Map<?, ?> m && m.get("value") != null ? String.valueOf(((Map<String, Object>) m).get("value")) : "";
    }

    /** The role and name Chromium's accessibility tree gives the element at {@code selector}. */
    @SuppressWarnings("unchecked")
    static AxNode axNode(ChromeDriver driver, String selector) {
        driver.executeCdpCommand("Accessibility.enable", Map.of());
        Number root = (Number) ((Map<String, Object>) driver.executeCdpCommand("DOM.getDocument", Map.of("depth", 0)).get("root")).get("nodeId");
        Number nodeId = (Number) driver.executeCdpCommand("DOM.querySelector", Map.of("nodeId", root, "selector", selector)).get("nodeId");
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) driver.executeCdpCommand("Accessibility.getPartialAXTree",
                Map.of("nodeId", nodeId, "fetchRelatives", false)).get("nodes");
        return new AxNode(value(nodes.get(0).get("role")), value(nodes.get(0).get("name")));
    }

    /**
     * Every element the Tab key reaches on the page in the driver, from the top, in order, until
     * focus leaves the page or comes back round. Each is marked as it is reached.
     */
    static List<TabStop> tabStops(ChromeDriver driver) {
        driver.executeScript("document.querySelectorAll('[data-tab-stop]').forEach(e => e.removeAttribute('data-tab-stop'));"
                + " if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0);");
        // Start from the top: the skip link is the first stop.
        driver.executeScript("var a = document.querySelector('a.skip-link'); a.focus(); a.blur();");
        List<TabStop> stops = new ArrayList<>();
        String first = (String) driver.executeScript("return document.querySelector('a.skip-link').getAttribute('href')");
        assertEquals("#main", first);
        boolean fromSkipLink = true;
        for (int i = 0; i < 1000; i++) {
            if (fromSkipLink) {
                driver.executeScript("document.querySelector('a.skip-link').focus()");
                fromSkipLink = false;
            } else {
                new Actions(driver).sendKeys(Keys.TAB).perform();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> e = (Map<String, Object>) driver.executeScript("var e = document.activeElement;"
                    + " if (!e || e === document.body || e === document.documentElement) return null;"
                    + " if (e.hasAttribute('data-tab-stop')) return {seen: true};"
                    + " e.setAttribute('data-tab-stop', '');"
                    + " return {seen: false, wrapper: e.classList.contains('table-scroll'),"
                    + " element: e.localName + (e.className ? '.' + String(e.className).split(' ').join('.') : '')"
                    + " + ' ' + (e.textContent || '').trim().slice(0, 20)}");
            if (e == null || Boolean.TRUE.equals(e.get("seen"))) {
                return stops;
            }
            stops.add(new TabStop((String) e.get("element"), Boolean.TRUE.equals(e.get("wrapper"))));
        }
        throw new AssertionError("the Tab key never left the page: " + stops.size() + " stops");
    }
}
