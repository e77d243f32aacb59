package cn.fazhi.portal.render;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.Pipeline;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conversion cache never serves stale output: after each kind of edit, a build that reuses the
 * on-disk cache is byte-identical to a build that converts everything afresh.
 */
class ConversionCacheTest {

    @TempDir
    static Path tmp;
    static Path source;
    static Path cache;
    static Pipeline reference;
    static Pipeline cached;

    @BeforeAll
    static void setUp() {
        source = Fixtures.realSourceCopy(tmp.resolve("src"));
        cache = tmp.resolve("cache");
        reference = Pipeline.uncached();
        cached = new Pipeline(cache);
    }

    @AfterAll
    static void tearDown() {
        reference.close();
        cached.close();
    }

    /**
     * Builds with the caching pipeline (or, when {@code newProcess}, a new one that only has the disk
     * cache, as a new CLI run would) and with the reference that converts everything.
     */
    private static Map<String, String>[] buildBoth(String step, boolean newProcess) throws IOException {
        Path withCache = tmp.resolve("cached-" + step);
        Path fresh = tmp.resolve("fresh-" + step);
        if (newProcess) {
            try (Pipeline p = new Pipeline(cache)) {
                p.build(new Pipeline.Options(source, withCache, false, null));
            }
        } else {
            cached.build(new Pipeline.Options(source, withCache, false, null));
        }
        reference.build(new Pipeline.Options(source, fresh, false, null));
        @SuppressWarnings("unchecked")
        Map<String, String>[] both = new Map[] {Fixtures.texts(withCache), Fixtures.texts(fresh)};
        return both;
    }

    private static void edit(String file, String from, String to) throws IOException {
        Path path = source.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), file + " contains " + from);
        Files.writeString(path, text.replace(from, to));
    }

    @Test
    void everyKindOfEditGivesTheSameOutputAsACleanBuild() throws IOException {
        Map<String, String>[] first = buildBoth("0", false);
        assertEquals(first[1], first[0], "a cold cached build equals the reference");
        int entries = stored();
        assertTrue(entries >= 14, "every converted file was stored: " + entries);

        edit("content/2023/01-07-disputes.adoc", "四是法治宣传教育有效深化。", "四是法治宣传教育切实深化。");
        Map<String, String>[] section = buildBoth("section", false);
        assertEquals(section[1], section[0]);
        assertTrue(section[0].get("2023/disputes.html").contains("切实深化"));

        edit("data/2023.yaml", "indicator: legal-aid-cases\n    value: 1233\n", "indicator: legal-aid-cases\n    value: 1244\n");
        Map<String, String>[] value = buildBoth("value", false);
        assertEquals(value[1], value[0], "a changed figure re-converts the sections citing it");
        assertTrue(value[0].get("2023/disputes.html").contains(">1244<"));
        assertFalse(value[0].get("2023/index.html").contains(">1233<"));

        // The figure link names its indicator (for screen readers): a new name converts the sections citing it again.
        edit("data/indicators.yaml", "name: 受理法律援助案件数\n", "name: 法律援助案件受理数\n");
        Map<String, String>[] renamed = buildBoth("renamed", false);
        assertEquals(renamed[1], renamed[0], "a renamed indicator re-converts the sections citing it");
        assertTrue(renamed[0].get("2023/disputes.html").contains("（指标：法律援助案件受理数）"));
        assertFalse(renamed[0].get("2023/index.html").contains("（指标：受理法律援助案件数）"));

        edit("templates/section.ftl", "<article class=\"report-section-page\">", "<article class=\"report-section-page edited\">");
        // A new process with only the disk cache: nothing to convert, so Asciidoctor is never started.
        Map<String, String>[] template = buildBoth("template", true);
        assertEquals(template[1], template[0]);
        assertTrue(template[0].get("2023/plans.html").contains("report-section-page edited"));

        Files.delete(source.resolve("content/2023/03-plans.adoc"));
        Map<String, String>[] deleted = buildBoth("deleted", false);
        assertEquals(deleted[1], deleted[0]);
        assertFalse(deleted[0].containsKey("2023/plans.html"), "a deleted section leaves no page behind");
        assertNotEquals(first[0].get("2023/index.html"), deleted[0].get("2023/index.html"));
        assertEquals(entries - 1, stored(), "the cache keeps what the last build used: no entries for old text pile up");
    }

    @Test
    void aDamagedCacheFileIsConvertedAfresh(@TempDir Path dir) throws IOException {
        Path damagedCache = dir.resolve("cache");
        Files.createDirectories(damagedCache);
        Files.writeString(damagedCache.resolve(ConversionCache.PACK), "{\"format\":\"" + ConversionCache.FORMAT + "\",\"entries\":{\"ab");
        Path original = Fixtures.realSourceCopy(dir.resolve("src")); // the other test edits the shared copy
        Path site = dir.resolve("site");
        Path fresh = dir.resolve("fresh");
        try (Pipeline p = new Pipeline(damagedCache); Pipeline r = Pipeline.uncached()) {
            p.build(new Pipeline.Options(original, site, false, null));
            r.build(new Pipeline.Options(original, fresh, false, null));
        }
        assertEquals(Fixtures.texts(fresh), Fixtures.texts(site));
        assertTrue(new ObjectMapper().readTree(damagedCache.resolve(ConversionCache.PACK).toFile()).path("entries").size() >= 14,
                "the damaged file was replaced by a whole one");
    }

    /**
     * A cache file planted or changed by someone else (its digests recomputed, as anyone can) is
     * never published as it is: what is read back is cleaned like a fresh conversion.
     */
    @Test
    void aPlantedCacheEntryIsCleanedBeforeItIsPublished(@TempDir Path dir) throws IOException {
        Path src = Fixtures.realSourceCopy(dir.resolve("src"));
        Path planted = dir.resolve("cache");
        try (Pipeline p = new Pipeline(planted)) {
            p.build(new Pipeline.Options(src, dir.resolve("first"), false, null));
        }
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode pack =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(planted.resolve(ConversionCache.PACK).toFile());
        String poison = "<div class=\"paragraph\"><p>种下的文字<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">"
                + "<script src=\"https://evil.example/x.js\"></script><a href=\"javascript:alert(1)\">点击</a></p></div>";
        pack.with("entries").fields().forEachRemaining(e -> {
            com.fasterxml.jackson.databind.node.ObjectNode entry = (com.fasterxml.jackson.databind.node.ObjectNode) e.getValue();
            entry.put("html", poison);
            entry.put("digest", ConversionCache.key(e.getKey(), poison));
        });
        json.writeValue(planted.resolve(ConversionCache.PACK).toFile(), pack);

        Path site = dir.resolve("site");
        try (Pipeline p = new Pipeline(planted)) {
            p.build(new Pipeline.Options(src, site, false, null));
        }
        String all = String.join("\n", Fixtures.texts(site).values());
        assertTrue(all.contains("种下的文字"), "the planted entries were used");
        assertFalse(all.contains("evil.example"), "no planted address is published");
        assertFalse(all.contains("http-equiv=\"refresh\"") || all.contains("javascript:alert"));
    }

    /** An entry whose digest does not match its key and HTML is dropped, and the file converted again. */
    @Test
    void aCacheEntryThatDoesNotMatchItsDigestIsConvertedAfresh(@TempDir Path dir) throws IOException {
        Path src = Fixtures.realSourceCopy(dir.resolve("src"));
        Path changed = dir.resolve("cache");
        Path first = dir.resolve("first");
        try (Pipeline p = new Pipeline(changed)) {
            p.build(new Pipeline.Options(src, first, false, null));
        }
        Path file = changed.resolve(ConversionCache.PACK);
        String text = Files.readString(file);
        assertTrue(text.contains("法律援助"));
        Files.writeString(file, text.replace("法律援助", "法律不援助"));
        Path site = dir.resolve("site");
        try (Pipeline p = new Pipeline(changed)) {
            p.build(new Pipeline.Options(src, site, false, null));
        }
        assertEquals(Fixtures.texts(first), Fixtures.texts(site));
    }

    /** Another AsciidoctorJ or Asciidoctor makes every cached conversion stale: the key must name both versions. */
    @Test
    void theCacheKeyNamesTheAsciidoctorJAndAsciidoctorVersions() {
        assertTrue(AsciidoctorEngine.asciidoctorjVersion().matches("\\d+\\.\\d+\\.\\d+/\\d+\\.\\d+\\.\\d+"),
                AsciidoctorEngine.asciidoctorjVersion());
    }

    private static int stored() throws IOException {
        return new ObjectMapper().readTree(cache.resolve(ConversionCache.PACK).toFile()).path("entries").size();
    }
}
