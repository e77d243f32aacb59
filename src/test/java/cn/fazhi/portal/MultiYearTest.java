package cn.fazhi.portal;

import cn.fazhi.portal.testsupport.BuiltSites;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A year is only files: a fictional two-year tree gets both years with no code or template change
 * (the shared builds {@link BuiltSites#twoYears()} and, with drafts, {@link BuiltSites#twoYearsPreview()}).
 */
class MultiYearTest {

    static Path site;
    static Path preview;

    @BeforeAll
    static void build() {
        site = BuiltSites.twoYears();
        preview = BuiltSites.twoYearsPreview();
    }

    @Test
    void homeListsEveryYearNewestFirstAndFeaturesTheLatest() {
        Document home = Fixtures.html(site.resolve("index.html"));
        assertEquals(List.of("2032/index.html", "2031/index.html"), home.select(".year-list a").eachAttr("href"));
        assertEquals("2032/index.html", home.select("section[aria-labelledby=latest-heading] a").attr("href"));
    }

    @Test
    void eachYearHasItsOwnPagesAndNavigation() {
        Document y2031 = Fixtures.html(site.resolve("2031/index.html"));
        assertEquals(List.of("#alpha", "#beta", "#gamma"), y2031.select("nav.toc a").eachAttr("href"));
        assertEquals("2032年3月15日", y2031.select(".report-meta div:contains(发布日期) dd").text());
        Document beta = Fixtures.html(site.resolve("2031/beta.html"));
        assertEquals(List.of("../index.html", "../2031/index.html", "../2031/alpha.html"),
                beta.select("nav.breadcrumbs a").eachAttr("href"));
        assertTrue(Files.isRegularFile(site.resolve("2032/alpha.html")));
    }

    @Test
    void draftsAreLeftOutOfTheBuildButShownAndLabelledInThePreview() {
        assertFalse(Files.exists(site.resolve("2032/draft-part.html")));
        assertFalse(Fixtures.read(site.resolve("2032/index.html")).contains("尚未发布的虚构部分"));
        Document draft = Fixtures.html(preview.resolve("2032/draft-part.html"));
        assertEquals(1, draft.select(".draft-banner").size());
        assertTrue(Fixtures.html(preview.resolve("2032/index.html")).select("nav.toc").text().contains("（草稿）"));
    }
}
