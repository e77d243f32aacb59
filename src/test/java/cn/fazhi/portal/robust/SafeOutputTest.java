package cn.fazhi.portal.robust;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.Pipeline;
import cn.fazhi.portal.testsupport.BuiltSites;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Markup typed into YAML fields or headers is shown as text on every page, never run. */
class SafeOutputTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "<img src=x onerror=alert(2)>";
    private static final String JS_URL = "javascript:alert(3)";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void markupInDataAndHeadersIsShownAsTextOnEveryPage(@TempDir Path tmp) throws IOException {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("src"));
        BadInputCatalogueTest.replace(src.resolve("data/indicators.yaml"), "name: 虚构案件数", "name: 虚构案件数" + SCRIPT);
        BadInputCatalogueTest.replace(src.resolve("data/indicators.yaml"), "definition: 虚构的金额（测试用）。",
                "definition: '虚构的金额" + IMG + JS_URL + "'");
        BadInputCatalogueTest.replace(src.resolve("data/indicators.yaml"), "name: 虚构工作领域", "name: 虚构工作领域" + IMG);
        BadInputCatalogueTest.replace(src.resolve("data/indicators.yaml"), "unit: 件", "unit: '件\"><b onclick=alert(4)>'");
        BadInputCatalogueTest.replace(src.resolve("data/site.yaml"), "name: ", "name: " + SCRIPT);
        BadInputCatalogueTest.replace(src.resolve("content/2031/index.adoc"), "= 虚构市2031年", "= " + SCRIPT + "虚构市2031年");
        BadInputCatalogueTest.replace(src.resolve("content/2031/index.adoc"), ":issuer: 虚构市测试机关甲", ":issuer: " + IMG + "虚构市测试机关甲");
        BadInputCatalogueTest.replace(src.resolve("content/2031/01-alpha.adoc"), "这是二〇三一年", SCRIPT + IMG + "这是二〇三一年");
        Path site = tmp.resolve("site");
        try (Pipeline pipeline = new Pipeline()) {
            pipeline.build(new Pipeline.Options(src, site, false, null));
        }
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).toList();
        }
        for (Path page : pages) {
            Document doc = Fixtures.html(page);
            // 404.html links from the base path (/demo/), every other page relatively.
            String prefix = page.getFileName().toString().equals("404.html") ? "/demo/" : "../".repeat(depth(site, page));
            String name = page.getFileName().toString();
            List<String> ours = new ArrayList<>(List.of(prefix + "js/reader.js", prefix + "js/read-aloud.js"));
            if (name.equals("search.html")) {
                ours.add(prefix + "js/search.js");
            } else if (name.equals("404.html")) {
                ours.add(prefix + "js/not-found.js");
            } else if (!doc.select("table").isEmpty()) {
                ours.add(prefix + "js/tables.js");
            }
            assertEquals(ours, doc.select("script").eachAttr("src").stream().map(BuiltSites::withoutVersion).toList(),
                    "only our own scripts: " + page);
            // The JSON-LD holds the same names as data: escaped, so nothing in it can end its element.
            String linkedData = doc.selectFirst("script[type=application/ld+json]").data();
            assertFalse(linkedData.contains("<"), "no '<' in the JSON-LD: " + page);
            assertTrue(JSON.readTree(linkedData).path("@graph").isArray(), page.toString());
            assertTrue(doc.select("img").isEmpty(), "no injected image: " + page);
            assertTrue(doc.select("b[onclick]").isEmpty(), page.toString());
            for (Element el : doc.getAllElements()) {
                for (Attribute a : el.attributes()) {
                    assertFalse(a.getKey().toLowerCase().startsWith("on"), "no event attribute " + a + " on " + page);
                    assertFalse(a.getValue().strip().toLowerCase().startsWith("javascript:"), "no script URL on " + page);
                }
            }
            assertTrue(doc.selectFirst("title").text().contains(SCRIPT), "the site name is shown as text: " + page);
        }
        Document amount = Fixtures.html(site.resolve("indicators/fictional-amount.html"));
        assertTrue(amount.select("dl.indicator-meta").text().contains(IMG + JS_URL));
        assertTrue(Fixtures.html(site.resolve("indicators/fictional-cases.html")).selectFirst("h1").text().endsWith(SCRIPT));
        Document alpha = Fixtures.html(site.resolve("2031/alpha.html"));
        assertTrue(alpha.select("main").text().contains(SCRIPT + IMG + "这是二〇三一年"), "AsciiDoc escapes typed markup");
        assertTrue(Fixtures.html(site.resolve("2031/index.html")).selectFirst("h1").text().startsWith(SCRIPT));
        JsonNode report = JSON.readTree(Fixtures.html(site.resolve("2031/index.html"))
                .selectFirst("script[type=application/ld+json]").data()).path("@graph").get(0);
        assertTrue(report.path("name").asText().startsWith(SCRIPT), "the same text, read back: " + report);
        assertEquals(IMG + "虚构市测试机关甲", report.path("publisher").get(0).path("name").asText());
    }

    private static int depth(Path site, Path page) {
        return site.relativize(page).getNameCount() - 1;
    }
}
