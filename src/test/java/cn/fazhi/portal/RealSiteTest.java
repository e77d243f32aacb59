package cn.fazhi.portal;

import cn.fazhi.portal.check.LinkChecker;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.testsupport.Catalogs;
import cn.fazhi.portal.testsupport.BuiltSites;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The real site built from the real content (shared: {@link BuiltSites#real()}): what the public will read. */
class RealSiteTest {

    static Path site;

    @BeforeAll
    static void build() {
        site = BuiltSites.real();
    }

    /** The official text, line by line, exactly as the seed gives it. */
    static List<String> officialLines() throws IOException {
        return Files.readAllLines(Fixtures.REPO.resolve("src/test/resources/reference/panjin-2023.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void yearPageHasEveryParagraphOfTheOfficialTextVerbatimAndInOrder() throws IOException {
        Document year = Fixtures.html(site.resolve("2023/index.html"));
        String text = Fixtures.normalize(Fixtures.shownText(year.selectFirst("main")));
        int from = 0;
        for (String line : officialLines()) {
            int at = text.indexOf(Fixtures.normalize(line), from);
            if (at < 0) {
                fail("the 2023 page lacks, or has out of order, the official line: " + line);
            }
            from = at + Fixtures.normalize(line).length();
        }
    }

    @Test
    void yearPageAddsNoReportTextOfItsOwn() throws IOException {
        // Every paragraph of report text on the year page shows one of the official lines (a figure
        // link's name for screen readers, visually hidden, is no report text: LinkNamesAndStructureTest).
        Document year = Fixtures.html(site.resolve("2023/index.html"));
        List<String> official = officialLines().stream().map(Fixtures::normalize).toList();
        year.select("article.report div.paragraph").forEach(p ->
                assertTrue(official.contains(Fixtures.normalize(Fixtures.shownText(p))), "not in the official text: " + p.text()));
        assertEquals(official.size(), year.select("article.report div.paragraph").size()
                + year.select("article.report h1, article.report section > h2, article.report section > h3").size(),
                "paragraphs plus headings on the year page must equal the lines of the official text");
    }

    @Test
    void everySectionFileHasItsOwnPageWithItsTitleAndText() throws IOException {
        Pattern name = Pattern.compile("\\d{2}(?:-\\d{2})?-([a-z0-9-]+)\\.adoc");
        List<Path> files;
        try (Stream<Path> s = Files.list(Fixtures.REPO.resolve("content/2023"))) {
            files = s.filter(p -> name.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        assertEquals(12, files.size(), "the report has 3 parts and 9 subsections");
        List<String> headings = new java.util.ArrayList<>();
        for (Path file : files) {
            headings.add(Files.readAllLines(file).get(0).substring(2));
        }
        for (Path file : files) {
            Matcher m = name.matcher(file.getFileName().toString());
            assertTrue(m.matches());
            Path page = site.resolve("2023/" + m.group(1) + ".html");
            assertTrue(Files.isRegularFile(page), "missing page " + page);
            Document doc = Fixtures.html(page);
            String title = Files.readAllLines(file).get(0).substring(2);
            assertEquals(title, doc.select("h1").text());
            // The page holds the official lines from its heading up to the next section's heading.
            String pageText = Fixtures.normalize(Fixtures.shownText(doc.selectFirst("main")));
            List<String> official = officialLines();
            int from = official.indexOf(title) + 1;
            int to = from;
            while (to < official.size() && !headings.contains(official.get(to))) {
                to++;
            }
            for (String line : official.subList(from, to)) {
                assertTrue(pageText.contains(Fixtures.normalize(line)), page + " lacks: " + line);
            }
            assertEquals(1, doc.select("nav.breadcrumbs").size(), page + " has breadcrumbs");
        }
    }

    @Test
    void sectionPagesLinkToTheirNeighboursInReadingOrder() {
        Document functions = Fixtures.html(site.resolve("2023/functions.html"));
        assertEquals("../2023/leadership.html", functions.select("a[rel=prev]").attr("href"));
        assertEquals("../2023/rules.html", functions.select("a[rel=next]").attr("href"));
        Document plans = Fixtures.html(site.resolve("2023/plans.html"));
        assertTrue(plans.select("a[rel=next]").isEmpty(), "the last section has no next");
    }

    @Test
    void yearPageHasAContentsListLinkingToStableSectionAnchors() {
        Document year = Fixtures.html(site.resolve("2023/index.html"));
        List<String> targets = year.select("nav.toc a").eachAttr("href");
        assertEquals(12, targets.size());
        for (String href : targets) {
            assertEquals(1, year.select(href).size(), "anchor " + href + " exists once");
        }
        assertEquals("中共盘锦市委、盘锦市人民政府", year.select(".report-meta dd").first().text());
    }

    @Test
    void homePageShowsThePortalTheLatestReportAndTheYearList() {
        Document home = Fixtures.html(site.resolve("index.html"));
        assertEquals("zh-CN", home.select("html").attr("lang"));
        assertEquals("盘锦市法治政府建设年度报告", home.select("h1").text());
        assertEquals("2023/index.html", home.select("section[aria-labelledby=latest-heading] a").attr("href"));
        assertEquals(List.of("2023/index.html"), home.select(".year-list a").eachAttr("href"));
    }

    @Test
    void everyInternalLinkResolves() {
        LinkChecker.Report report = LinkChecker.check(Catalogs.read(site), Addresses.of("https://example.gov.cn/fzzf/"));
        assertTrue(report.pages() > 14, "home, year, sections and the figure pages were crawled");
        assertEquals(List.of(), report.broken());
    }
}
