package cn.fazhi.portal.compose;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.pages.Frame;
import cn.fazhi.portal.pages.Meta;
import cn.fazhi.portal.pages.SiteIdentity;
import cn.fazhi.portal.testsupport.BuiltSites;
import cn.fazhi.portal.testsupport.HtmlValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the real site (the shared build, {@link BuiltSites#real()}) says to machines: JSON-LD on
 * every page, a meta description from each page's own text, and the favicon.
 */
class MachineReadableFactsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static Path site;
    static List<Path> pages;

    @BeforeAll
    static void build() {
        site = BuiltSites.real();
        pages = HtmlValidator.htmlFiles(site);
    }

    /** The JSON-LD of a page: its one {@code application/ld+json} script, parsed by Jackson. */
    static JsonNode linkedData(Document page, Object where) throws IOException {
        Elements scripts = page.select("script[type=application/ld+json]");
        assertEquals(1, scripts.size(), "one JSON-LD block: " + where);
        assertFalse(scripts.first().data().contains("<"), "no '<' that could end the script element: " + where);
        JsonNode doc = JSON.readTree(scripts.first().data());
        assertEquals("https://schema.org", doc.path("@context").asText(), where.toString());
        assertTrue(doc.path("@graph").isArray() && doc.path("@graph").size() > 0, where.toString());
        return doc.path("@graph");
    }

    private static JsonNode ofType(JsonNode graph, String type) {
        for (JsonNode node : graph) {
            if (node.path("@type").asText().equals(type)) {
                return node;
            }
        }
        return JSON.missingNode();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void theYearPageIsAReportPublishedByItsIssuersAndDatedOnlyWhenTheSourceGivesADate() throws IOException {
        Document page = Fixtures.html(site.resolve("2023/index.html"));
        JsonNode report = linkedData(page, "2023/index.html").get(0);
        assertEquals("Report", report.path("@type").asText());
        assertEquals(page.selectFirst("h1").text(), report.path("name").asText());
        assertEquals("https://example.gov.cn/fzzf/2023/index.html", report.path("url").asText());
        assertEquals(List.of("中共盘锦市委", "盘锦市人民政府"), texts(report.path("publisher"), "name"));
        assertEquals(List.of("GovernmentOrganization", "GovernmentOrganization"), texts(report.path("publisher"), "@type"));
        assertEquals(page.select("meta[name=description]").attr("content"), report.path("description").asText());
        // datePublished is the report's own :date:, never invented: 2023's index.adoc states none.
        Matcher date = Pattern.compile("(?m)^:date:\\s*(\\S+)").matcher(Fixtures.read(Fixtures.REPO.resolve("content/2023/index.adoc")));
        if (date.find()) {
            assertEquals(date.group(1), report.path("datePublished").asText());
        } else {
            assertFalse(report.has("datePublished"), report.toString());
        }
        // A section is a Report too, part of the year's.
        JsonNode section = linkedData(Fixtures.html(site.resolve("2023/disputes.html")), "2023/disputes.html").get(0);
        assertEquals("Report", section.path("@type").asText());
        assertEquals(report.path("url"), section.path("isPartOf").path("url"));
        assertEquals(report.path("publisher"), section.path("publisher"));
    }

    @Test
    void everyPagesBreadcrumbListIsItsBreadcrumbs() throws IOException {
        for (Path file : pages) {
            Document page = Fixtures.html(file);
            JsonNode list = ofType(linkedData(page, file), "BreadcrumbList");
            Elements crumbs = page.select("nav.breadcrumbs li");
            if (crumbs.isEmpty()) {
                assertTrue(list.isMissingNode(), "no breadcrumbs, no BreadcrumbList: " + file);
                continue;
            }
            JsonNode items = list.path("itemListElement");
            assertEquals(crumbs.eachText(), texts(items, "name"), file.toString());
            URI canonical = URI.create(page.select("link[rel=canonical]").attr("href"));
            for (int i = 0; i < crumbs.size(); i++) {
                JsonNode item = items.get(i);
                assertEquals("ListItem", item.path("@type").asText());
                assertEquals(i + 1, item.path("position").asInt());
                Element a = crumbs.get(i).selectFirst("a");
                String expected = a == null ? canonical.toString() : canonical.resolve(a.attr("href")).toString();
                // The home page's address is the base URL itself, its link ../index.html.
                assertEquals(folder(expected), folder(item.path("item").asText()), "the breadcrumb's address: " + file);
            }
        }
    }

    private static String folder(String url) {
        return url.replaceFirst("/index\\.html$", "/");
    }

    @Test
    void theFiguresPageAndTheIndicatorIndexAreDatasetsWithTheirCsvAndJson() throws IOException {
        for (String[] page : List.of(new String[] {"2023/figures.html", "2023"}, new String[] {"indicators/index.html", "indicators"})) {
            JsonNode set = ofType(linkedData(Fixtures.html(site.resolve(page[0])), page[0]), "Dataset");
            assertFalse(set.isMissingNode(), page[0]);
            assertFalse(set.path("name").asText().isBlank());
            assertFalse(set.path("description").asText().isBlank());
            JsonNode files = set.path("distribution");
            assertEquals(2, files.size(), page[0]);
            assertEquals(List.of("DataDownload", "DataDownload"), texts(files, "@type"));
            assertEquals(List.of("text/csv", "application/json"), texts(files, "encodingFormat"));
            assertEquals(List.of("https://example.gov.cn/fzzf/opendata/" + page[1] + ".csv",
                    "https://example.gov.cn/fzzf/opendata/" + page[1] + ".json"), texts(files, "contentUrl"));
            for (String kind : List.of(".csv", ".json")) {
                assertTrue(Files.isRegularFile(site.resolve("opendata/" + page[1] + kind)), page[1] + kind);
            }
        }
        JsonNode figures = linkedData(Fixtures.html(site.resolve("2023/figures.html")), "figures").get(0);
        assertEquals(List.of("中共盘锦市委", "盘锦市人民政府"), texts(figures.path("publisher"), "name"));
    }

    @Test
    void everyPageHasAMetaDescriptionMadeOfItsOwnText() {
        String name = Fixtures.html(site.resolve("index.html")).selectFirst("h1").text();
        for (Path file : pages) {
            Document page = Fixtures.html(file);
            Elements meta = page.select("head meta[name=description]");
            assertEquals(1, meta.size(), file.toString());
            String description = meta.attr("content");
            assertFalse(description.isBlank(), file.toString());
            assertTrue(description.codePointCount(0, description.length()) <= Descriptions.LIMIT + 1, description);
            String relative = site.relativize(file).toString().replace('\\', '/');
            if (relative.equals("index.html") || relative.equals("search.html")) {
                // The site's own pages have a fixed sentence that names the site.
                assertTrue(description.startsWith(name + "："), description);
                continue;
            }
            String text = Fixtures.normalize(Fixtures.shownText(page.body()));
            // Pieces joined by the composer (a part's title and the sections it lists) are each on the page.
            for (String piece : description.replaceFirst("…$", "").split("[：；]")) {
                assertTrue(text.contains(Fixtures.normalize(piece)), "'" + piece + "' is text of " + file);
            }
        }
        // A report page's description is the start of its first paragraph.
        for (String path : List.of("2023/index.html", "2023/disputes.html", "2023/problems.html")) {
            Document page = Fixtures.html(site.resolve(path));
            String first = Fixtures.shownText(page.selectFirst("main div.paragraph"));
            String description = page.select("meta[name=description]").attr("content").replaceFirst("…$", "");
            assertTrue(first.startsWith(description) && description.length() >= 50, path + ": " + description);
        }
    }

    @Test
    void theFaviconIsPublishedAndLinkedFromEveryPage() throws IOException {
        for (String name : List.of("favicon.svg", "favicon.ico")) {
            assertArrayEquals(Files.readAllBytes(Fixtures.REPO.resolve("assets/" + name)), Files.readAllBytes(site.resolve(name)), name);
        }
        byte[] ico = Files.readAllBytes(site.resolve("favicon.ico"));
        assertArrayEquals(new byte[] {0, 0, 1, 0, 1, 0, 32, 32}, java.util.Arrays.copyOf(ico, 8), "an ICO of one 32x32 image");
        assertTrue(Fixtures.read(site.resolve("favicon.svg")).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        for (Path file : pages) {
            Document page = Fixtures.html(file);
            String relative = site.relativize(file).toString().replace('\\', '/');
            // Every link is relative, but the 404 page's, which start from the base path (/fzzf/).
            URI base = relative.equals("404.html") ? URI.create("https://example.gov.cn/fzzf/404.html")
                    : URI.create("https://example.gov.cn/fzzf/" + relative);
            Element svg = page.selectFirst("head link[rel=icon][type=image/svg+xml]");
            Element fallback = page.selectFirst("head link[rel=icon][sizes=32x32]");
            assertTrue(svg != null && fallback != null, "both icons linked: " + file);
            assertEquals("https://example.gov.cn/fzzf/favicon.svg", BuiltSites.withoutVersion(base.resolve(svg.attr("href")).toString()), file.toString());
            assertEquals("https://example.gov.cn/fzzf/favicon.ico", BuiltSites.withoutVersion(base.resolve(fallback.attr("href")).toString()), file.toString());
        }
    }

    @Test
    void textThatWouldEndTheScriptElementIsEscapedAndReadsBackTheSame() throws IOException {
        String hostile = "</script><script>alert(1)</script><!-- & -->";
        Frame frame = new Frame(hostile, hostile, "", "https://example.invalid/x.html", false, List.of(),
                new Meta("年度报告", "2031-01-02", "2031年1月2日", "甲", "https://example.invalid/source?a=1&b=2", "", "", ""),
                new SiteIdentity("虚构", "", "", "", "", "", false), hostile, "2031-03-04", "2031年3月4日", List.of(), "");
        String json = LinkedData.of(frame, LinkedData.report(hostile), List.of(hostile), List.of());
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
        JsonNode node = JSON.readTree(json).path("@graph").get(0);
        assertEquals(hostile, node.path("name").asText());
        assertEquals(hostile, node.path("publisher").get(0).path("name").asText());
        assertEquals("2031-01-02", node.path("datePublished").asText());
        assertEquals("2031-03-04", node.path("dateModified").asText(), "the model's update date, when there is one");
        assertEquals("https://example.invalid/source?a=1&b=2", node.path("isBasedOn").asText(), "the official source, when given");
    }

    @Test
    void aLongTextIsCutAtASentenceEndOrMarkedAsCut() {
        String sentence = "一".repeat(59) + "。";
        assertEquals(sentence + sentence, Descriptions.of(sentence + sentence + sentence, ""));
        String run = "二".repeat(200);
        assertEquals("二".repeat(Descriptions.CUT) + "…", Descriptions.of(run, ""));
        assertEquals("短句 两个 空格。", Descriptions.of("  短句\n两个   空格。 ", "x"));
        assertEquals("标题", Descriptions.of(" ", "标题"));
    }
}
