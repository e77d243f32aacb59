package cn.fazhi.portal.search;

import cn.fazhi.portal.testsupport.SiteTrees;
import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.testsupport.BuiltSites;
import cn.fazhi.portal.testsupport.AccessibilityTree;
import cn.fazhi.portal.testsupport.BrowserChecks;
import cn.fazhi.portal.testsupport.HtmlValidator;
import cn.fazhi.portal.testsupport.SiteInBrowser;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Site search on the real site, in headless Chromium: the queries people will type find the
 * sections and indicator pages that contain them, results are announced, filtered by year, and
 * everything works when the site is served under a sub-path. Also: the index is deterministic
 * and the search page is as valid and accessible as every other page.
 *
 * <p>The sites are the shared builds ({@link BuiltSites}): the real site, the real site built with
 * {@code --base-url} {@value BuiltSites#SUB_PATH_BASE} (served under {@value #SUB_PATH}) and the
 * fictional two-year fixture (served under {@code /multi/}).
 */
class SiteSearchTest {

    /** Where {@link #prefixed} is served: the path of {@link BuiltSites#SUB_PATH_BASE}. */
    static final String SUB_PATH = "/gov/fzzf/";

    @RegisterExtension
    static final SiteInBrowser real = SiteInBrowser.of(BuiltSites::real);
    static Path prefixed;
    static Path multiYear;
    static HttpServer subpaths;
    static final Set<String> subpathMisses = new ConcurrentSkipListSet<>();

    @BeforeAll
    static void build() {
        assertTrue(BuiltSites.SUB_PATH_BASE.endsWith(SUB_PATH), BuiltSites.SUB_PATH_BASE);
        prefixed = BuiltSites.realUnderSubPath();
        multiYear = BuiltSites.twoYears();
    }

    @AfterAll
    static void close() {
        if (subpaths != null) {
            subpaths.stop(0);
        }
    }

    // ---------------------------------------------------------------- the index (no browser)

    @Test
    void theIndexCoversEverySectionAndIndicatorPageAndIsByteIdenticalAcrossBuilds() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(real.site().resolve("search/index.json").toFile());
        List<String> indexed = new ArrayList<>();
        manifest.get("docs").forEach(d -> indexed.add(d.get("u").asText()));
        List<String> expected = new ArrayList<>();
        try (Stream<Path> s = Stream.concat(Files.list(real.site().resolve("2023")), Files.list(real.site().resolve("indicators")))) {
            s.map(p -> real.site().relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.endsWith("/figures.html") && !p.equals("indicators/index.html"))
                    .forEach(expected::add);
        }
        assertEquals(expected.stream().sorted().toList(), indexed.stream().sorted().toList());
        assertTrue(indexed.contains("2023/disputes.html") && indexed.contains("indicators/legal-aid-cases.html"));

        // Two builds (one by the command line) for two different base addresses.
        assertTrue(Fixtures.read(prefixed.resolve("index.html")).contains(BuiltSites.SUB_PATH_BASE));
        assertFalse(Fixtures.read(real.site().resolve("index.html")).contains(BuiltSites.SUB_PATH_BASE));
        assertEquals(SiteTrees.checksums(real.site().resolve("search")), SiteTrees.checksums(prefixed.resolve("search")),
                "the base address changes nothing in the index: byte-identical across builds");
    }

    @Test
    void draftsNeverReachThePublishedIndex() throws IOException {
        Map<String, String> index = Fixtures.texts(multiYear.resolve("search"));
        assertTrue(index.get("index.json").contains("2031/alpha.html"));
        index.forEach((name, text) -> {
            assertFalse(text.contains("draft-part") || text.contains("草稿") || text.contains("尚未发布"), name);
        });
    }

    @Test
    void everyPageLinksToTheSearchPageFromItsHeaderNavigation() {
        List<Path> pages = HtmlValidator.htmlFiles(real.site());
        assertTrue(pages.size() > 60);
        for (Path file : pages) {
            Path page = real.site().relativize(file);
            // 404.html is served at any depth, so its links start from the base path.
            String href = page.toString().equals("404.html") ? "/fzzf/search.html"
                    : "../".repeat(page.getNameCount() - 1) + "search.html";
            assertEquals(1, Fixtures.html(file).select("header nav.site-nav a[href='" + href + "']").size(), page.toString());
        }
    }

    @Test
    void withoutJavaScriptThePageSaysSoAndLinksToWhereTheContentIsListed() {
        Document page = Fixtures.html(real.site().resolve("search.html"));
        assertTrue(page.getElementById("search-nojs").text().contains("JavaScript"));
        assertFalse(page.getElementById("search-nojs").hasAttr("hidden"));
        assertEquals(List.of("sitemap.html"), page.select("#search-nojs a").eachAttr("href"));
        assertTrue(page.getElementById("search-form").hasAttr("hidden"), "no dead form without JavaScript");
        assertEquals("search", page.getElementById("search-form").attr("role"));
        assertEquals("get", page.getElementById("search-form").attr("method"));
        assertEquals("q", page.getElementById("search-q").attr("name"));
        assertEquals(1, page.select("label[for=search-q]").size());
        assertEquals("polite", page.getElementById("search-status").attr("aria-live"));
        assertTrue(page.getElementById("search-status").hasAttr("hidden"), "no empty status without JavaScript");
        assertTrue(page.getElementById("search-results").hasAttr("hidden"), "no empty list without JavaScript");
        assertEquals(List.of("", "2023"), page.select("#search-year option").eachAttr("value"), "the years the site has");
        assertEquals(1, page.select("head script[src^=js/search.js?v=][defer]").size());
        assertEquals(List.of("", "2032", "2031"),
                Fixtures.html(multiYear.resolve("search.html")).select("#search-year option").eachAttr("value"));
    }

    @Test
    void theSearchPageIsValidHtml() {
        List<HtmlValidator.HtmlError> errors = new ArrayList<>(new HtmlValidator().validateFile(real.site().resolve("search.html")));
        errors.addAll(new HtmlValidator().validateFile(multiYear.resolve("search.html")));
        assertEquals(List.of(), errors, HtmlValidator.format(errors));
    }

    // ---------------------------------------------------------------- in the browser

    /** One result as shown. */
    record Hit(String title, String href, String meta, String snippet, List<String> marks) {
    }

    @Test
    void 出庭应诉FindsTheDisputesSectionAndBothCourtAppearanceIndicators() {
        openSearchPage();
        List<Hit> hits = search("出庭应诉");
        List<String> hrefs = hits.stream().map(Hit::href).toList();
        assertTrue(hrefs.contains("2023/disputes.html"), hrefs.toString());
        assertTrue(hrefs.subList(0, 3).containsAll(List.of("indicators/agency-head-court-appearance-rate.html",
                "indicators/city-government-agency-head-court-appearance-rate.html")), "the indicators named so come first: " + hrefs);
        Hit disputes = hits.get(hrefs.indexOf("2023/disputes.html"));
        assertTrue(disputes.title().startsWith("(七)"));
        assertEquals("2023年 · 年度报告 · 一、主要举措及成效", disputes.meta());
        assertTrue(disputes.marks().contains("出庭应诉"), disputes.toString());
        assertTrue(disputes.snippet().contains("负责人出庭应诉率达到97.26%"), disputes.snippet());
        assertEquals("找到 " + hits.size() + " 条与“出庭应诉”相关的结果。", status());
    }

    @Test
    void 法律援助FindsTheLegalAidFigureFirst() {
        openSearchPage();
        List<Hit> hits = search("法律援助");
        assertEquals("indicators/legal-aid-cases.html", hits.get(0).href(), hits.toString());
        assertEquals("受理法律援助案件数", hits.get(0).title());
        assertTrue(hits.get(0).meta().startsWith("2023年 · 指标数据"), hits.get(0).meta());
        assertEquals("2023/disputes.html", hits.get(1).href(), "then the section that states it: " + hits);
        assertEquals(2, hits.size(), "not the other figures of the same sentence: " + hits);
        hits.forEach(h -> assertTrue(h.marks().contains("法律援助"), h.toString()));
    }

    @Test
    void 行政复议FindsTheDisputesSectionTheProblemsAndTheReconsiderationFigure() {
        openSearchPage();
        List<String> hrefs = search("行政复议").stream().map(Hit::href).toList();
        assertTrue(hrefs.containsAll(List.of("2023/disputes.html", "2023/problems.html",
                "indicators/post-reconsideration-lawsuits.html")), hrefs.toString());
    }

    @Test
    void mixedQueriesOfYearsHotlineNumbersAndChineseWork() {
        openSearchPage();
        List<String> hrefs = search("2023 法律援助").stream().map(Hit::href).toList();
        assertEquals("indicators/legal-aid-cases.html", hrefs.get(0), hrefs.toString());
        assertTrue(hrefs.contains("2023/disputes.html"));

        List<Hit> hotline = search("１２３４８"); // typed full-width, as Chinese input methods often do
        assertTrue(hotline.stream().map(Hit::href).toList().contains("2023/disputes.html"), hotline.toString());
        Hit disputes = hotline.stream().filter(h -> h.href().equals("2023/disputes.html")).findFirst().orElseThrow();
        assertEquals(List.of("12348"), disputes.marks());

        assertTrue(search("2023年法律服务").stream().anyMatch(h -> h.href().equals("2023/disputes.html")),
                "a phrase across digits and Chinese");
        assertEquals(List.of(), search("12348法律服务"), "the text has quotation marks between them: not one phrase");

        Hit part = search("主要举措").get(0);
        assertEquals("2023/measures.html", part.href(), "a part whose page has a title only");
        assertEquals("", part.snippet());
    }

    @Test
    void aQueryThatIsNowhereGetsAFriendlyMessageAndNoResults() {
        openSearchPage();
        assertEquals(List.of(), search("量子计算"));
        assertTrue(status().startsWith("没有找到与“量子计算”相关的内容"), status());
        assertEquals(List.of(), search("复议行政"), "the characters must stand in this order, not just appear");
    }

    @Test
    void theAddressCarriesTheQuerySoResultsCanBeLinkedAndBookmarked() {
        ChromeDriver driver = real.driver();
        driver.get(real.baseUri() + "search.html?q=" + URLEncoder.encode("法律援助", StandardCharsets.UTF_8));
        List<Hit> hits = results(driver);
        assertEquals("indicators/legal-aid-cases.html", hits.get(0).href());
        assertEquals("法律援助", driver.findElement(By.id("search-q")).getAttribute("value"));
        search("行政复议");
        assertTrue(driver.getCurrentUrl().contains("q=" + URLEncoder.encode("行政复议", StandardCharsets.UTF_8)),
                driver.getCurrentUrl());
    }

    @Test
    void theSearchPageWithResultsPassesAxeAndReflowsAt320Pixels() {
        BrowserChecks.Report empty = real.checks().checkPages(List.of("search.html"));
        assertEquals(List.of(), empty.violations(), empty.describeViolations());
        assertEquals(List.of(), empty.overflows(), empty.describeOverflows());
        assertEquals(List.of(), empty.notFound());

        ChromeDriver driver = real.driver();
        assertEquals(10, search("法律").size(), "ten results at a time");
        assertTrue(status().matches("找到 \\d\\d 条与“法律”相关的结果。"), status());
        WebElement more = driver.findElement(By.id("search-more"));
        assertTrue(more.isDisplayed());
        more.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("#search-results > li")).size() > 10);
        assertEquals(driver.findElements(By.cssSelector("#search-results > li")).get(10).findElement(By.tagName("a")),
                driver.switchTo().activeElement(), "focus moves to the first new result");
        results(driver);
        assertTrue(driver.findElement(By.id("search-nojs")).getAttribute("hidden") != null);
        Results axe = new AxeBuilder().withTags(BrowserChecks.AXE_TAGS).setLegacyMode(true).analyze(driver);
        assertEquals(List.of(), axe.getViolations().stream().map(Rule::getId).toList(),
                axe.getViolations().stream().map(r -> r.getId() + ": " + r.getNodes()).collect(Collectors.joining("\n")));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", BrowserChecks.NARROW_WIDTH, "height", 640, "deviceScaleFactor", 1, "mobile", false));
        try {
            Object fits = driver.executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
            assertEquals(Boolean.TRUE, fits, "the results do not scroll sideways at 320 px");
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void followingTheSkipLinkKeepsTheResultsAsTheyAreAndAnnouncesNothing() {
        ChromeDriver driver = real.driver();
        openSearchPage();
        assertEquals(10, search("法律").size());
        String found = status();
        driver.findElement(By.id("search-more")).sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("#search-results > li")).size() > 10
                && d.findElement(By.id("search-results")).getDomAttribute("aria-busy") == null);
        int expanded = driver.findElements(By.cssSelector("#search-results > li")).size();
        String address = driver.getCurrentUrl();
        // Every change to the results or the status from here on is recorded; so is the fragment's arrival.
        driver.executeScript("window.__changes = []; window.__arrived = false;"
                + " new MutationObserver(function (records) { records.forEach(function (r) { window.__changes.push(r.target.id || r.target.nodeName); }); })"
                + ".observe(document.getElementById('search-results'), { childList: true, subtree: true, attributes: true, characterData: true });"
                + " new MutationObserver(function () { window.__changes.push('status'); })"
                + ".observe(document.getElementById('search-status'), { childList: true, subtree: true, characterData: true });"
                + " addEventListener('hashchange', function () { window.__arrived = true; });");
        driver.executeScript("document.querySelector('a.skip-link').focus()");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(driver.executeScript("return window.__arrived")));
        assertTrue(driver.getCurrentUrl().endsWith("#main"), driver.getCurrentUrl());
        assertEquals(address + "#main", driver.getCurrentUrl());
        // A search run again would have emptied the list at once (popstate comes before hashchange).
        assertEquals(List.of(), driver.executeScript("return window.__changes"), "nothing redrawn or announced");
        assertEquals(expanded, driver.findElements(By.cssSelector("#search-results > li")).size(), "the results shown stay shown");
        assertEquals(found, status());

        driver.navigate().back();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().endsWith("#main"));
        assertEquals(address, driver.getCurrentUrl());
        assertEquals(List.of(), driver.executeScript("return window.__changes"), "nor when Back leaves the fragment");
        assertEquals(expanded, driver.findElements(By.cssSelector("#search-results > li")).size());
    }

    @Test
    void theYearFilterKeepsThePagesAboutThatYear() {
        ChromeDriver driver = real.driver();
        driver.get(subpath("/multi/") + "search.html");
        List<String> all = search("虚构案件").stream().map(Hit::href).toList();
        assertEquals(Set.of("2031/alpha.html", "2032/alpha.html", "indicators/fictional-cases.html"), Set.copyOf(all));
        new Select(driver.findElement(By.id("search-year"))).selectByValue("2031");
        List<Hit> in2031 = results(driver);
        assertEquals(Set.of("2031/alpha.html", "indicators/fictional-cases.html"),
                in2031.stream().map(Hit::href).collect(Collectors.toSet()), "the indicator has a 2031 value");
        assertEquals("找到 2 条与“虚构案件”相关的结果（2031年）。", status());
        assertTrue(in2031.stream().anyMatch(h -> h.meta().startsWith("2031—2032年 · 指标数据")), in2031.toString());
        assertTrue(driver.getCurrentUrl().endsWith("year=2031"), driver.getCurrentUrl());
        assertEquals(List.of(), search("虚构唯一部分"), "only in 2032");
        assertTrue(status().contains("（2031年）"));
        assertEquals(Set.of(), subpathMisses);
    }

    @Test
    void afterAnEmptyOrFailedSearchBackAndForwardShowWhatTheAddressAsksFor() {
        ChromeDriver driver = real.driver();
        openSearchPage();
        assertEquals(List.of(), search("量子计算"));
        assertTrue(status().startsWith("没有找到与“量子计算”相关的内容"), status());
        driver.navigate().back();
        waitForStatus("");
        assertFalse(driver.getCurrentUrl().contains("q="), driver.getCurrentUrl());
        assertEquals("", driver.findElement(By.id("search-q")).getAttribute("value"));
        assertEquals(0, driver.findElements(By.cssSelector("#search-results > li")).size());
        driver.navigate().forward();
        waitForStatus("没有找到与“量子计算”相关的内容。请换用更短的词语，或选择“全部年份”。");

        assertEquals(2, search("法律援助").size());
        assertEquals(List.of(), search(""));
        assertEquals("请输入要搜索的词语。", status());
        assertTrue(driver.getCurrentUrl().endsWith("?q="), driver.getCurrentUrl());
        driver.navigate().back();
        waitForStatus("找到 2 条与“法律援助”相关的结果。");
        assertEquals(2, results(driver).size());
        assertEquals("法律援助", driver.findElement(By.id("search-q")).getAttribute("value"));
        driver.navigate().forward();
        waitForStatus("请输入要搜索的词语。");
        assertEquals(0, driver.findElements(By.cssSelector("#search-results > li")).size());
    }

    @Test
    void choosingAYearWithTheArrowKeysRefinesTheSearchWithoutAddingHistoryEntries() {
        ChromeDriver driver = real.driver();
        driver.get(subpath("/multi/") + "search.html");
        assertEquals(3, search("虚构案件").size());
        Object entries = driver.executeScript("return history.length");
        WebElement year = driver.findElement(By.id("search-year"));
        year.sendKeys(Keys.ARROW_DOWN);
        waitForStatus("找到 2 条与“虚构案件”相关的结果（2032年）。");
        assertEquals(Set.of("2032/alpha.html", "indicators/fictional-cases.html"),
                results(driver).stream().map(Hit::href).collect(Collectors.toSet()));
        year.sendKeys(Keys.ARROW_DOWN);
        waitForStatus("找到 2 条与“虚构案件”相关的结果（2031年）。");
        assertEquals(Set.of("2031/alpha.html", "indicators/fictional-cases.html"),
                results(driver).stream().map(Hit::href).collect(Collectors.toSet()), "the results are those of 2031");
        assertEquals(entries, driver.executeScript("return history.length"), "no history entry per arrow key");
        assertTrue(driver.getCurrentUrl().endsWith("year=2031"), "the address says what is shown: " + driver.getCurrentUrl());
        driver.navigate().back();
        waitForStatus("");
        assertTrue(driver.getCurrentUrl().endsWith("/multi/search.html"), "one Back leaves the search: " + driver.getCurrentUrl());
        assertEquals(Set.of(), subpathMisses);
    }

    @Test
    void withJavaScriptOffNoEmptyStatusListOrDeadFormIsExposed() {
        BrowserChecks.assumeChromiumAvailable();
        try (BrowserChecks off = BrowserChecks.startWithoutJavaScript(real.site(), real.basePath())) {
            ChromeDriver driver = off.driver();
            driver.get(off.baseUri() + "search.html");
            AccessibilityTree.Node main = AccessibilityTree.of(driver, "main").orElseThrow();
            List<String> roles = main.all().map(AccessibilityTree.Node::role).toList();
            for (String role : List.of("status", "list", "search", "searchbox", "combobox", "button")) {
                assertFalse(roles.contains(role), role + " exposed without JavaScript:\n" + main.describe());
            }
            assertTrue(main.all().anyMatch(n -> n.role().equals("link") && n.name().equals("网站地图")),
                    "the page says where else to look:\n" + main.describe());
            assertTrue(AccessibilityTree.of(driver, "#reader-tools").isEmpty(), "the reader tools need JavaScript too");
        }
    }

    @Test
    void searchWorksWhenTheSiteIsBuiltForASubPathAndServedThere() {
        ChromeDriver driver = real.driver();
        driver.get(subpath(SUB_PATH) + "2023/disputes.html");
        driver.findElement(By.cssSelector("header nav a[href='../search.html']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith(SUB_PATH + "search.html"));
        List<Hit> hits = search("出庭应诉");
        assertTrue(hits.stream().anyMatch(h -> h.href().equals("2023/disputes.html")), hits.toString());
        driver.findElement(By.linkText(hits.get(0).title())).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains(SUB_PATH + "indicators/"));
        assertEquals(Set.of(), subpathMisses, "every request stayed under the sub-path and found its file");
    }

    // ---------------------------------------------------------------- helpers

    /** Opens the real site's search page. */
    private static void openSearchPage() {
        real.driver().get(real.baseUri() + "search.html");
    }

    /** Types the query into the search page that is open, submits it with Enter, and reads the results. */
    private static List<Hit> search(String query) {
        ChromeDriver driver = real.driver();
        WebElement input = driver.findElement(By.id("search-q"));
        driver.executeScript("document.getElementById('search-status').textContent = ''");
        input.clear();
        input.sendKeys(query);
        input.sendKeys(Keys.ENTER);
        return results(driver);
    }

    /** Waits for the status to be announced and the snippets to be filled in (aria-busy gone), then reads the results. */
    private static List<Hit> results(ChromeDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                !d.findElement(By.id("search-status")).getText().isEmpty()
                        && d.findElement(By.id("search-results")).getDomAttribute("aria-busy") == null);
        List<Hit> hits = new ArrayList<>();
        for (WebElement li : driver.findElements(By.cssSelector("#search-results > li"))) {
            WebElement a = li.findElement(By.cssSelector("h2 a"));
            hits.add(new Hit(a.getText(), a.getDomAttribute("href"),
                    li.findElement(By.className("search-result-meta")).getText(),
                    li.findElements(By.className("search-snippet")).stream().map(WebElement::getText).findFirst().orElse(""),
                    li.findElements(By.tagName("mark")).stream().map(WebElement::getText).toList()));
        }
        return hits;
    }

    /** Waits for the status to say {@code expected} (announced after a short delay), then checks it. */
    private static void waitForStatus(String expected) {
        try {
            new WebDriverWait(real.driver(), Duration.ofSeconds(20)).until(d -> expected.equals(status()));
        } catch (org.openqa.selenium.TimeoutException e) {
            // reported below
        }
        assertEquals(expected, status());
    }

    private static String status() {
        return real.driver().findElement(By.id("search-status")).getText();
    }

    /** The prefixed and the multi-year builds, served under {@value #SUB_PATH} and /multi/; anything else is a miss. */
    private static String subpath(String prefix) {
        if (subpaths == null) {
            try {
                subpaths = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            subpaths.createContext(SUB_PATH, ex -> serve(ex, SUB_PATH, prefixed));
            subpaths.createContext("/multi/", ex -> serve(ex, "/multi/", multiYear));
            subpaths.createContext("/", ex -> serve(ex, "/", null));
            subpaths.start();
        }
        return "http://127.0.0.1:" + subpaths.getAddress().getPort() + prefix;
    }

    private static void serve(HttpExchange ex, String prefix, Path root) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            Path file = root == null ? null : root.resolve(path.substring(prefix.length())).normalize();
            if (file == null || !file.startsWith(root) || !Files.isRegularFile(file)) {
                if (!path.equals("/favicon.ico")) {
                    subpathMisses.add(path);
                }
                ex.sendResponseHeaders(404, -1);
                return;
            }
            String name = file.getFileName().toString();
            String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".css") ? "text/css"
                    : name.endsWith(".js") ? "text/javascript" : name.endsWith(".json") ? "application/json" : "application/octet-stream";
            ex.getResponseHeaders().set("Content-Type", type);
            byte[] body = Files.readAllBytes(file);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        } finally {
            ex.close();
        }
    }
}
