package cn.fazhi.portal.bake;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.Pipeline;
import cn.fazhi.portal.render.ContentKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build after an edit, with the caches of the build before, makes again only the pages whose
 * inputs changed, and publishes a site byte-identical to a clean build that converts and lays out
 * everything afresh. Every build here is a new {@link Pipeline} over the cache folder, as a new
 * process would be: nothing but the files on disk carries over. The fixture is the fictional
 * two-year site; the edits run in order, each on the site the one before left.
 *
 * <p>"Made again" is what the bake reports ({@link Pipeline.Result#remade}). Where one edit changes
 * some pages, the pages made again must be exactly those whose bytes changed: a page made again
 * with the same bytes would be work the key should have saved, a changed page not made again would
 * be stale (and the comparison with the clean build would fail).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalBuildTest {

    @TempDir
    static Path tmp;
    static Path source;
    static Path cache;
    static Path site;
    static int step;
    /** The published site after the last build: path to SHA-256. */
    static Map<String, String> before;

    @BeforeAll
    static void firstBuild() {
        source = Fixtures.sourceTree("two-years", tmp.resolve("src"));
        cache = tmp.resolve("cache");
        site = tmp.resolve("site");
        Pipeline.Result first = build();
        assertEquals(pages(site), new TreeSet<>(first.remade()), "a first build lays out every page");
        before = digests(site);
    }

    /** A build in a new pipeline with the cache folder, compared with a clean build of the same source. */
    private static Pipeline.Result build() {
        Pipeline.Result r;
        try (Pipeline p = new Pipeline(cache)) {
            r = p.build(new Pipeline.Options(source, site, false, null));
        }
        Path clean = tmp.resolve("clean-" + step++);
        try (Pipeline p = Pipeline.uncached()) {
            p.build(new Pipeline.Options(source, clean, false, null));
        }
        assertEquals(Set.of(), differing(digests(clean), digests(site)), "byte-identical to a clean build, but for these files");
        return r;
    }

    /** Builds after an edit and returns the pages made again, after checking they are the pages that changed. */
    private static Set<String> buildAfterEdit(boolean exactlyTheChanged) {
        Pipeline.Result r = build();
        assertFalse(r.upToDate());
        Map<String, String> after = digests(site);
        Set<String> changed = after.keySet().stream().filter(p -> p.endsWith(".html"))
                .filter(p -> !after.get(p).equals(before.get(p))).collect(Collectors.toCollection(TreeSet::new));
        Set<String> remade = new TreeSet<>(r.remade());
        assertTrue(remade.containsAll(changed), "every changed page was made again: " + changed + " ⊄ " + remade);
        if (exactlyTheChanged) {
            assertEquals(changed, remade, "only the changed pages were made again");
        }
        before = after;
        return remade;
    }

    @Test
    @Order(1)
    void nothingChangedKeepsTheOutput() {
        try (Pipeline p = new Pipeline(cache)) {
            assertTrue(p.build(new Pipeline.Options(source, site, false, null)).upToDate());
        }
    }

    @Test
    @Order(2)
    void anEditedSectionRemakesItsOwnPageAndThoseShowingIt() throws IOException {
        edit("content/2031/01-01-beta.adoc", "这是二〇三一年虚构第一小节的正文。", "这是二〇三一年虚构第一小节修改后的正文。");
        Set<String> remade = buildAfterEdit(true);
        assertTrue(remade.contains("2031/beta.html"), remade.toString());
        assertTrue(remade.size() < pages(site).size() / 2, "most pages were kept: " + remade);
        assertFalse(remade.contains("2032/alpha.html"), "the other year's pages were kept: " + remade);
        assertTrue(Files.readString(site.resolve("2031/beta.html")).contains("修改后的正文"));
    }

    @Test
    @Order(3)
    void aChangedValueRemakesThePagesShowingIt() throws IOException {
        edit("data/2031.yaml", "value: 3000", "value: 3100");
        Set<String> remade = buildAfterEdit(true);
        assertTrue(remade.contains("indicators/fictional-amount.html"), remade.toString());
        assertFalse(remade.contains("indicators/fictional-cases.html"), "an indicator not changed was kept: " + remade);
    }

    @Test
    @Order(4)
    void aChangedAssetRemakesEveryPageWithItsNewAddress() throws IOException {
        Path css = source.resolve("assets/css/site.css");
        Files.createDirectories(css.getParent());
        Files.writeString(css, Fixtures.read(Fixtures.REPO.resolve("assets/css/site.css")) + "\n/* 虚构的改动 */\n");
        // Every page links the style sheet at an address naming its version, so every page changes.
        assertEquals(pages(site), buildAfterEdit(true));
        byte[] published = Files.readAllBytes(site.resolve("css/site.css"));
        assertTrue(new String(published, java.nio.charset.StandardCharsets.UTF_8).contains("虚构的改动"));
        String version = "css/site.css?v=" + ContentKey.of(published).substring(0, 10);
        assertTrue(Files.readString(site.resolve("2031/beta.html")).contains("href=\"../" + version + "\""), version);
        assertTrue(Files.readString(site.resolve("index.html")).contains("href=\"" + version + "\""), version);
    }

    @Test
    @Order(5)
    void aTemplateOverrideRemakesEveryPage() throws IOException {
        Path section = source.resolve("templates/section.ftl");
        Files.createDirectories(section.getParent());
        String theme = Fixtures.read(Fixtures.REPO.resolve("templates/section.ftl"));
        String marked = "<article class=\"report-section-page\">";
        assertTrue(theme.contains(marked));
        Files.writeString(section, theme.replace(marked, "<article class=\"report-section-page edited\">"));
        // Any template can be included by any other: a template change lays out every page again.
        assertEquals(pages(site), buildAfterEdit(false));
        assertTrue(Files.readString(site.resolve("2031/beta.html")).contains("report-section-page edited"));
    }

    @Test
    @Order(6)
    void aChangedSiteConfigRemakesThePagesShowingIt() throws IOException {
        edit("data/site.yaml", "name: 虚构市年度报告测试站（测试用虚构数据）", "name: 虚构市年度报告测试站甲（测试用虚构数据）");
        Set<String> remade = buildAfterEdit(true);
        assertEquals(pages(site), remade, "the site's name is on every page");
    }

    @Test
    @Order(7)
    void aDeletedSectionRemakesItsNeighboursAndLeavesNoPage() throws IOException {
        Files.delete(source.resolve("content/2031/02-gamma.adoc"));
        Set<String> remade = buildAfterEdit(true);
        assertFalse(Files.exists(site.resolve("2031/gamma.html")));
        assertFalse(remade.contains("2032/alpha.html"), remade.toString());
    }

    @Test
    @Order(8)
    void aNewSectionIsMadeWithThePagesLinkingIt() throws IOException {
        Files.writeString(source.resolve("content/2031/02-delta.adoc"), "= 二、虚构新增部分\n\n这是二〇三一年虚构新增部分的正文。\n");
        Set<String> remade = buildAfterEdit(true);
        assertTrue(remade.contains("2031/delta.html"), remade.toString());
        assertFalse(remade.contains("2032/alpha.html"), remade.toString());
    }

    @Test
    @Order(9)
    void aSectionMadeADraftLeavesThePublishedSite() throws IOException {
        edit("content/2031/02-delta.adoc", "= 二、虚构新增部分\n", "= 二、虚构新增部分\n:status: draft\n");
        Set<String> remade = buildAfterEdit(true);
        assertFalse(Files.exists(site.resolve("2031/delta.html")));
        assertFalse(remade.contains("2032/alpha.html"), remade.toString());
    }

    /**
     * A page changed in the output by hand is laid out again, though the cache says its key is
     * unchanged: a page is reused only with the bytes the portal published.
     */
    @Test
    @Order(10)
    void aPageChangedByHandIsMadeAgain() throws IOException {
        Path page = site.resolve("2031/beta.html");
        Files.writeString(page, Files.readString(page).replace("修改后的正文", "手工改动的正文"));
        before = digests(site);
        Pipeline.Result r = build();
        assertEquals(java.util.List.of("2031/beta.html"), r.remade());
        before = digests(site);
    }

    /** A cache file that cannot be read counts as empty: every page is laid out, the output still equal to a clean build. */
    @Test
    @Order(11)
    void aDamagedCacheFileLaysOutEveryPage() throws IOException {
        Files.writeString(cache.resolve(PageCache.FILE), "{\"format\":\"" + PageCache.FORMAT + "\",\"pages\":{\"20");
        edit("content/2032/01-alpha.adoc", "这是二〇三二年", "这是虚构的二〇三二年");
        assertEquals(pages(site), buildAfterEdit(false));
    }

    /**
     * A build in a JVM started otherwise (another command line, other system properties) lays out
     * no page anew: what templates see does not depend on how the JVM was started.
     */
    @Test
    @Order(12)
    void aBuildInAJvmStartedOtherwiseLaysOutNoPageAnew() throws IOException {
        Files.delete(cache.resolve("last-build")); // so the build runs although nothing changed
        String property = "portal.incremental-test.started-otherwise";
        System.setProperty(property, "1");
        try {
            Pipeline.Result r = build();
            assertFalse(r.upToDate());
            assertEquals(java.util.List.of(), r.remade());
        } finally {
            System.clearProperty(property);
        }
    }

    private static void edit(String file, String from, String to) throws IOException {
        Path path = source.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), file + " contains " + from);
        Files.writeString(path, text.replace(from, to));
    }

    /** The paths that one tree has and the other lacks or has with other bytes. */
    private static Set<String> differing(Map<String, String> a, Map<String, String> b) {
        Set<String> all = new TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        all.removeIf(p -> java.util.Objects.equals(a.get(p), b.get(p)));
        return all;
    }

    /** Every HTML page of a published site. */
    private static Set<String> pages(Path root) {
        return digests(root).keySet().stream().filter(p -> p.endsWith(".html")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every file of a tree by path, with the SHA-256 of its bytes. */
    static Map<String, String> digests(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            Map<String, String> all = new TreeMap<>();
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                all.put(root.relativize(f).toString().replace('\\', '/'), ContentKey.of(Files.readAllBytes(f)));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
