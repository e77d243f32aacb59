package cn.fazhi.portal.map;

import cn.fazhi.portal.theme.Theme;
import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.Pipeline;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.load.SiteLoader;
import cn.fazhi.portal.load.SourceDate;
import cn.fazhi.portal.load.SourceHistory;
import cn.fazhi.portal.load.SourceTree;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.render.Converted;
import cn.fazhi.portal.render.Fragment;
import cn.fazhi.portal.problems.ProblemsException;
import cn.fazhi.portal.testsupport.BuiltSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site-wide files of the built fixture ({@link BuiltSites#twoYears()}): sitemap.xml, robots.txt,
 * feed.xml, 404.html, 网站地图, canonical links.
 */
class SiteFilesTest {

    static final String BASE = "https://example.invalid/demo/";

    static Path source;
    static Path site;

    @BeforeAll
    static void build() {
        source = BuiltSites.twoYearsSource();
        site = BuiltSites.twoYears();
    }

    static Set<String> htmlPages() throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(p -> p.toString().endsWith(".html")).map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static Document xml(String name) {
        return Jsoup.parse(Fixtures.read(site.resolve(name)), "", Parser.xmlParser());
    }

    @Test
    void sitemapXmlListsEveryPageButTheNotFoundPageByItsAbsoluteAddress() throws IOException {
        Document map = xml("sitemap.xml");
        assertEquals("http://www.sitemaps.org/schemas/sitemap/0.9", map.selectFirst("urlset").attr("xmlns"));
        Set<String> listed = new TreeSet<>();
        for (String loc : map.select("url > loc").eachText()) {
            assertTrue(loc.startsWith(BASE), loc);
            String path = loc.substring(BASE.length());
            listed.add(path.isEmpty() ? "index.html" : path);
        }
        Set<String> expected = new TreeSet<>(htmlPages());
        expected.remove("404.html");
        assertEquals(expected, listed);
    }

    @Test
    void robotsTxtPointsToTheSitemap() {
        List<String> lines = Fixtures.read(site.resolve("robots.txt")).lines().toList();
        assertTrue(lines.contains("User-agent: *"), lines.toString());
        assertTrue(lines.contains("Sitemap: " + BASE + "sitemap.xml"), lines.toString());
    }

    @Test
    void theFeedHasOneEntryPerYearsReportWithDatesFromTheContentNeverTheClock() {
        Document feed = xml("feed.xml");
        assertEquals("http://www.w3.org/2005/Atom", feed.selectFirst("feed").attr("xmlns"));
        assertEquals(BASE + "feed.xml", feed.select("feed > link[rel=self]").attr("href"));
        // The newest date any report states (2031's report, published 2032-03-15): never now().
        assertEquals("2032-03-15T00:00:00+08:00", feed.select("feed > updated").text());
        List<Element> entries = feed.select("entry");
        assertEquals(2, entries.size());
        Element e2032 = entries.get(0);
        Element e2031 = entries.get(1);
        assertEquals("虚构市2032年测试报告（虚构内容，仅供测试）", e2032.select("title").text());
        assertEquals(BASE + "2032/index.html", e2032.select("link[rel=alternate]").attr("href"));
        assertEquals(BASE + "2031/index.html", e2031.select("id").text());
        assertEquals("2032-03-15T00:00:00+08:00", e2031.select("published").text());
        assertEquals(List.of("虚构市测试机关甲", "虚构市测试机关乙"), e2031.select("author > name").eachText());
        assertTrue(e2031.select("summary").text().contains("这是一段虚构的前言"));
        // 2032's report states no date: no <published>; the fixture's copy is in no git repository, so
        // <updated> is SOURCE_DATE_EPOCH if set, else the newest date a report states (never 1970).
        assertTrue(e2032.select("published").isEmpty());
        assertTrue(e2032.select("updated").text().equals("2032-03-15T00:00:00+08:00")
                || System.getenv("SOURCE_DATE_EPOCH") != null, e2032.select("updated").text());
    }

    @Test
    void sourceDateEpochIsTheTimeStampOfAReportWithoutADateAndMustBeANumber() {
        Site loaded = new SiteLoader(Theme.builtIn()).load(new SourceTree(source));
        java.util.Map<String, Fragment> empty = new java.util.HashMap<>();
        loaded.reports().forEach(r -> empty.put(r.landing().name(),
                new Fragment("", "", List.of(), List.of(), List.of(), "", false)));
        SourceHistory epoch = SourceHistory.none(SourceDate.epoch(new SourceTree(source), "1700000000"));
        String feed = new Feed(epoch, cn.fazhi.portal.history.Corrections.of(loaded, Addresses.of(loaded.config().baseUrl()), epoch)).of(loaded, Addresses.of(loaded.config().baseUrl()), new Converted(empty)).orElseThrow().text();
        // 1700000000 is 2023-11-14T22:13:20Z, 2023-11-15 in China: the day the page shows as 更新日期.
        assertTrue(feed.contains("<updated>2023-11-15T00:00:00+08:00</updated>"), feed);
        assertTrue(feed.contains("  <updated>2032-03-15T00:00:00+08:00</updated>\n  <author>"), "the feed's own time is the newest date");
        ProblemsException e = assertThrows(ProblemsException.class, () -> SourceDate.of(new SourceTree(source), "yesterday"));
        assertEquals("SOURCE_DATE_EPOCH", e.problems().get(0).file());
    }

    @Test
    void everyPageButTheNotFoundPageHasItsAbsoluteCanonicalAddressAndAFooterLinkToTheSiteMap() throws IOException {
        for (String page : htmlPages()) {
            Document doc = Fixtures.html(site.resolve(page));
            String canonical = doc.select("head link[rel=canonical]").attr("href");
            if (page.equals("404.html")) {
                assertEquals("", canonical, "a 404 page has no canonical address");
                assertEquals("/demo/sitemap.html", doc.select("footer a").last().attr("href"));
                continue;
            }
            assertEquals(page.equals("index.html") ? BASE : BASE + page, canonical, page);
            Element footerLink = doc.select("footer a:contains(网站地图)").first();
            assertTrue(footerLink != null, page + " has a footer link to 网站地图");
            assertEquals(site.resolve("sitemap.html").normalize(), site.resolve(page).getParent().resolve(footerLink.attr("href")).normalize(),
                    page);
        }
    }

    @Test
    void theNotFoundPageHasTheNormalLayoutAndLinksFromTheBasePathOnly() {
        Document doc = Fixtures.html(site.resolve("404.html"));
        assertEquals("页面未找到", doc.select("main h1").text());
        assertEquals(1, doc.select("header.site-header").size());
        assertEquals(1, doc.select("footer.site-footer").size());
        assertTrue(doc.select("base").isEmpty(), "no <base> element");
        for (Element el : doc.select("[href]:not([href^=#]), [src]")) {
            String link = el.hasAttr("href") ? el.attr("href") : el.attr("src");
            assertTrue(link.startsWith("/demo/"), "404.html must link from the base path: " + link);
            Path target = site.resolve(BuiltSites.withoutVersion(link.substring("/demo/".length())));
            assertTrue(Files.isRegularFile(target), link);
        }
        assertTrue(doc.select("main a").eachAttr("href").contains("/demo/2031/index.html"));
    }

    @Test
    void theSiteMapPageListsEveryPageByGroup() throws IOException {
        Document doc = Fixtures.html(site.resolve("sitemap.html"));
        assertEquals(List.of("首页", "2032年报告", "2031年报告", "指标数据", "其他页面"), doc.select("main h2").eachText());
        Set<String> linked = doc.select("main a").eachAttr("href").stream().collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(htmlPages());
        expected.removeAll(Set.of("404.html", "sitemap.html"));
        assertEquals(expected, linked);
        // Subsections nest under their part, and the part under its year's report.
        assertEquals("2031/beta.html", doc.select("a[href=2031/alpha.html] + ul > li > a").attr("href"));
        assertTrue(doc.select("a[href=2031/index.html] + ul > li > a").eachAttr("href")
                .containsAll(List.of("2031/alpha.html", "2031/gamma.html", "2031/figures.html")));
    }

    @Test
    void everyPageTemplateStartsWithTheHtmlOutputFormat() throws IOException {
        try (Stream<Path> s = Files.list(Fixtures.REPO.resolve("templates"))) {
            for (Path t : s.filter(p -> p.toString().endsWith(".ftl")).toList()) {
                assertTrue(Files.readString(t).startsWith("<#ftl output_format=\"HTML\">"), t.toString());
            }
        }
    }

    @Test
    void aBuildWithoutAUsableBaseUrlFailsWithAProblemNamingTheSetting(@TempDir Path other) throws IOException {
        Path src = Fixtures.sourceTree("two-years", other.resolve("src"));
        Files.writeString(src.resolve("data/site.yaml"), "name: 虚构市年度报告测试站（测试用虚构数据）\n");
        try (Pipeline pipeline = new Pipeline()) {
            ProblemsException missing = assertThrows(ProblemsException.class,
                    () -> pipeline.build(new Pipeline.Options(src, other.resolve("out"), false, null)));
            assertEquals("data/site.yaml", missing.problems().get(0).file());
            assertTrue(missing.problems().get(0).message().contains("base_url is missing"));
            for (String bad : List.of("example.gov.cn/fzzf/", "ftp://example.gov.cn/fzzf/", "https://example.gov.cn/fzzf/?x=1")) {
                ProblemsException e = assertThrows(ProblemsException.class,
                        () -> pipeline.build(new Pipeline.Options(src, other.resolve("out"), false, bad)));
                assertTrue(e.problems().get(0).message().contains("is not an absolute http(s) address"), bad);
            }
        }
        assertTrue(Files.notExists(other.resolve("out")), "nothing was published");
    }
}
