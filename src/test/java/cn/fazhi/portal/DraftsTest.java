package cn.fazhi.portal;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A draft year and a draft section, with a figure stated only in each, are in the preview
 * (labelled) and nowhere in the built site: not in a page, sitemap.xml, the feed, 网站地图 or
 * the open data; nor is an indicator whose only figure a draft states (no empty page for it).
 */
class DraftsTest {

    /** Strings only the drafts contain. */
    static final List<String> DRAFT_ONLY = List.of("草稿年份专用标记", "2033年", "2033/", "draft-part", "尚未发布的虚构部分",
            "98761", "87653", "fictional-draft-only", "虚构草稿专用指标", "76543");

    @TempDir
    static Path tmp;
    static Path site;
    static Path preview;

    @BeforeAll
    static void build() throws IOException {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("src"));
        // A whole draft year with its own figure.
        Files.createDirectories(src.resolve("content/2033"));
        Files.writeString(src.resolve("content/2033/index.adoc"), """
                = 虚构市2033年草稿报告（虚构内容，仅供测试）
                :issuer: 虚构市测试机关甲
                :date: 2034-03-01
                :status: draft

                草稿年份专用标记甲。
                """);
        Files.writeString(src.resolve("content/2033/01-only.adoc"), """
                = 一、草稿年份的虚构部分

                草稿年份专用标记乙。全年受理虚构案件ind:fictional-cases[]件。
                """);
        Files.writeString(src.resolve("data/2033.yaml"), """
                year: 2033
                values:
                  - indicator: fictional-cases
                    value: 98761
                    wording: N
                    section: only
                """);
        // A figure that only the draft section of a published year states.
        Path draftPart = src.resolve("content/2032/02-draft-part.adoc");
        Files.writeString(draftPart, Files.readString(draftPart) + "\n草稿部分涉及虚构金额ind:fictional-amount[]元。\n"
                + "\n草稿部分另有虚构指标ind:fictional-draft-only[]项。\n");
        // An indicator that only the draft section states: the published site has no page for it.
        Path definitions = src.resolve("data/indicators.yaml");
        Files.writeString(definitions, Files.readString(definitions) + """
                  - id: fictional-draft-only
                    name: 虚构草稿专用指标
                    unit: 项
                    area: alpha-area
                    definition: 只在草稿中出现的虚构指标（测试用）。
                """);
        Path data2032 = src.resolve("data/2032.yaml");
        Files.writeString(data2032, Files.readString(data2032) + """
                  - indicator: fictional-amount
                    value: 87653
                    wording: N
                    section: draft-part
                  - indicator: fictional-draft-only
                    value: 76543
                    wording: N
                    section: draft-part
                """);
        site = tmp.resolve("site");
        preview = tmp.resolve("preview");
        try (Pipeline pipeline = new Pipeline()) {
            pipeline.build(new Pipeline.Options(src, site, false, null));
            pipeline.build(new Pipeline.Options(src, preview, true, null));
        }
    }

    @Test
    void thePreviewHasTheDraftsLabelled() {
        assertTrue(Fixtures.read(preview.resolve("2033/index.html")).contains("草稿年份专用标记甲"));
        assertTrue(Fixtures.read(preview.resolve("opendata/2032.csv")).contains("87653"));
        assertTrue(Fixtures.read(preview.resolve("opendata/2033.csv")).contains("98761"));
        assertTrue(Fixtures.read(preview.resolve("indicators/fictional-draft-only.html")).contains("76543"));
        assertTrue(Fixtures.read(preview.resolve("indicators/index.html")).contains("虚构草稿专用指标"));
        Document map = Fixtures.html(preview.resolve("sitemap.html"));
        String text = map.select("main").text();
        assertTrue(text.contains("虚构市2033年草稿报告（虚构内容，仅供测试）（草稿）"), text);
        assertTrue(text.contains("二、尚未发布的虚构部分（草稿）"), text);
    }

    @Test
    void noFileOfTheBuiltSiteContainsAnythingOnlyTheDraftsSay() throws IOException {
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                for (String marker : DRAFT_ONLY) {
                    if (text.contains(marker)) {
                        leaks.add(site.relativize(file) + " contains '" + marker + "'");
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
        assertFalse(Files.exists(site.resolve("2033")));
        assertFalse(Files.exists(site.resolve("2032/draft-part.html")));
        assertFalse(Files.exists(site.resolve("indicators/fictional-draft-only.html")));
    }

    @Test
    void sitemapFeedSiteMapPageAndOpenDataListOnlyPublishedPages() {
        String base = "https://example.invalid/demo/";
        List<String> locs = org.jsoup.Jsoup.parse(Fixtures.read(site.resolve("sitemap.xml")), "", org.jsoup.parser.Parser.xmlParser())
                .select("loc").eachText();
        assertEquals(List.of(base, base + "2031/index.html", base + "2031/alpha.html", base + "2031/beta.html",
                base + "2031/gamma.html", base + "2032/index.html", base + "2032/alpha.html", base + "accessibility.html", base + "2031/figures.html",
                base + "2032/figures.html", base + "indicators/index.html", base + "indicators/fictional-cases.html",
                base + "indicators/fictional-rate.html", base + "indicators/fictional-amount.html", base + "corrections.html", base + "search.html", base + "sitemap.html"), locs);

        List<String> entries = org.jsoup.Jsoup.parse(Fixtures.read(site.resolve("feed.xml")), "", org.jsoup.parser.Parser.xmlParser())
                .select("entry > id").eachText();
        assertEquals(List.of(base + "2032/index.html", base + "2031/index.html"), entries);

        List<String> mapped = Fixtures.html(site.resolve("sitemap.html")).select("main a").eachAttr("href");
        assertEquals(locs.size() - 1, mapped.size(), "网站地图 lists every page but itself: " + mapped);
        assertFalse(Fixtures.read(site.resolve("sitemap.html")).contains("（草稿）"));

        assertFalse(Files.exists(site.resolve("opendata/2033.csv")));
        assertFalse(Files.exists(site.resolve("opendata/2033.json")));
        assertEquals(List.of("2031", "2031", "2031", "2032", "2032"),
                Fixtures.read(site.resolve("opendata/indicators.csv")).lines().skip(1)
                        .map(l -> l.split(",")[4]).sorted().toList(), "rows of indicators.csv by year");
    }
}
