package cn.fazhi.portal.theme;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.Pipeline;
import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.render.ContentKey;
import cn.fazhi.portal.testsupport.BuiltSites;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The theme built into the portal: a source of content/ and data/ only (the fictional two-year
 * fixture) builds and checks clean with it, names no real place, and a file of its own in
 * templates/ or assets/ wins over the built-in one; a broken override is reported with its file.
 */
class ThemeTest {

    /** Words of the one real portal in this repository, which no other portal may show. */
    private static final Pattern REAL_PLACE = Pattern.compile("盘锦|Panjin|panjin|辽宁");

    private static Pipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = new Pipeline();
    }

    @AfterAll
    static void stop() {
        pipeline.close();
    }

    @Test
    void theBuiltInThemeIsThisRepositorysTemplatesAssetsAndPagesAndNamesNoPlace() throws IOException {
        Theme theme = Theme.builtIn();
        for (String folder : List.of("templates", "assets", "content/pages")) {
            Map<String, String> repo = Fixtures.texts(Fixtures.REPO.resolve(folder));
            assertFalse(repo.isEmpty(), folder);
            List<Theme.ThemeFile> builtIn = theme.in(folder);
            assertEquals(repo.keySet(), builtIn.stream().map(f -> f.name().substring(folder.length() + 1))
                    .collect(java.util.stream.Collectors.toSet()), folder);
            for (Theme.ThemeFile f : builtIn) {
                // Byte for byte: the theme has binary files too (favicon.ico).
                assertArrayEquals(Files.readAllBytes(Fixtures.REPO.resolve(f.name())), f.bytes(), f.name());
                assertFalse(REAL_PLACE.matcher(f.text()).find(), f.name() + " names a real place");
            }
        }
    }

    @Test
    void aSourceOfContentAndDataOnlyChecksCleanAndItsSiteNamesNoRealPlace() throws IOException {
        Path source = BuiltSites.twoYearsSource();
        assertFalse(Files.exists(source.resolve("templates")));
        assertFalse(Files.exists(source.resolve("assets")));
        assertFalse(Files.exists(source.resolve("content/pages")));
        assertEquals(List.of(), pipeline.check(source).problems());

        Path site = BuiltSites.twoYears();
        for (String page : List.of("index.html", "accessibility.html", "search.html", "404.html", "sitemap.html",
                "indicators/index.html", "2031/index.html")) {
            assertTrue(Files.isRegularFile(site.resolve(page)), page);
        }
        assertArrayEquals(Theme.builtIn().file("assets/css/site.css").orElseThrow().bytes(),
                Files.readAllBytes(site.resolve("css/site.css")));
        for (Map.Entry<String, String> f : Fixtures.texts(site).entrySet()) {
            assertFalse(REAL_PLACE.matcher(f.getValue()).find(), f.getKey() + " names a real place");
        }
        // The search page's examples come from data/site.yaml, which gives none here.
        String hint = Files.readString(site.resolve("search.html"));
        assertTrue(hint.contains("输入一个或几个词，用空格分开。"), "no example queries without search_examples");
    }

    @Test
    void aTemplateAndAStyleSheetOfTheSourceOverrideTheBuiltInOnes(@TempDir Path tmp) throws IOException {
        Path source = Fixtures.sourceTree("two-years", tmp.resolve("src"));
        Theme theme = Theme.builtIn();
        String search = theme.file("templates/search.ftl").orElseThrow().text();
        write(source.resolve("templates/search.ftl"), search.replace("搜索", "检索（虚构市自定）"));
        byte[] css = (theme.file("assets/css/site.css").orElseThrow().text() + "\n.fictional-city { color: #000; }\n")
                .getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(source.resolve("assets/css"));
        Files.write(source.resolve("assets/css/site.css"), css);
        write(source.resolve("data/site.yaml"), Files.readString(source.resolve("data/site.yaml"))
                + "search_examples: [虚构案件, 2032 虚构领域, 满意率]\n");

        // check names what replaces the built-in theme (the added settings are no theme file)
        assertEquals(List.of("templates/search.ftl", "assets/css/site.css"), pipeline.check(source).overrides());

        Path out = tmp.resolve("site");
        pipeline.build(new Pipeline.Options(source, out, false, null));
        String page = Files.readString(out.resolve("search.html"));
        assertTrue(page.contains("检索（虚构市自定）"), "the source's search.ftl made search.html");
        assertTrue(page.contains("例如“虚构案件”、“2032 虚构领域”或“满意率”。"), "the examples of site.yaml");
        assertArrayEquals(css, Files.readAllBytes(out.resolve("css/site.css")));
        // Only what the source overrides changes: the other pages and files are the built-in theme's,
        // but for the style sheet's address, which names the new version.
        String sitemap = Files.readString(out.resolve("sitemap.html"));
        String version = "css/site.css?v=" + ContentKey.of(css).substring(0, 10);
        assertTrue(sitemap.contains("href=\"" + version + "\""), version);
        assertEquals(Files.readString(BuiltSites.twoYears().resolve("sitemap.html")).replaceAll("css/site\\.css\\?v=[0-9a-f]{10}", version),
                sitemap);
        assertArrayEquals(Files.readAllBytes(BuiltSites.twoYears().resolve("js/reader.js")), Files.readAllBytes(out.resolve("js/reader.js")));
    }

    @Test
    void aBrokenOverrideIsReportedWithItsFile(@TempDir Path tmp) throws IOException {
        Path source = Fixtures.sourceTree("two-years", tmp);
        String search = Theme.builtIn().file("templates/search.ftl").orElseThrow().text();
        write(source.resolve("templates/search.ftl"), search.replace("${content.frame.title}", "${content.frame.titel}"));

        List<Problem> problems = pipeline.check(source).problems();
        assertEquals(1, problems.size(), problems.toString());
        Problem p = problems.get(0);
        assertEquals("templates/search.ftl", p.file());
        assertTrue(p.line() > 0);
        assertTrue(p.message().contains("content.frame.titel") && p.message().contains("overrides the built-in theme's templates/search.ftl"),
                p.message());
        assertTrue(p.hint().contains("delete it to use the built-in one"), p.hint());
    }

    @Test
    void aLayoutOverrideThatBuiltInTemplatesCannotUseNamesTheBuiltInTemplateAndTheCause(@TempDir Path tmp) throws IOException {
        Path source = Fixtures.sourceTree("two-years", tmp);
        write(source.resolve("templates/layout.ftl"), "<#macro page frame>\n<main><#nested></main>\n</#macro>\n");

        List<Problem> problems = pipeline.check(source).problems();
        assertFalse(problems.isEmpty());
        Problem p = problems.get(0);
        assertTrue(p.file().startsWith("templates/") && p.file().endsWith("(built-in theme, 内置主题)"), p.file());
        assertTrue(p.hint().contains("templates/") && p.hint().contains("delete it to use the built-in one"), p.hint());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
