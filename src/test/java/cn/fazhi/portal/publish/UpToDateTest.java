package cn.fazhi.portal.publish;

import cn.fazhi.portal.testsupport.SiteTrees;
import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.Pipeline;
import cn.fazhi.portal.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build with nothing changed keeps the output (the build stamp); every kind of change, to the
 * sources, the options or the output itself, makes a full build again, equal to a clean one.
 */
class UpToDateTest {

    private static final String BASE = "https://example.invalid/portal/";

    private static Cli.Run build(Path src, Path out) {
        return build(src, out, BASE);
    }

    private static Cli.Run build(Path src, Path out, String baseUrl) {
        return Cli.run("build", "--source=" + src, "--output=" + out, "--base-url=" + baseUrl);
    }

    private static void assertBuilt(Cli.Run run, String why) {
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Built "), why + ": " + run.out());
    }

    private static void assertKept(Cli.Run run) {
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Up to date: "), run.out());
    }

    /** What a clean build (no cache, no stamp) of the same sources makes. */
    private static Map<String, String> clean(Path src, Path dir) {
        try (Pipeline p = Pipeline.uncached()) {
            p.build(new Pipeline.Options(src, dir, false, BASE));
        }
        return SiteTrees.checksums(dir);
    }

    /** The fictional two-year tree, built once into {@code out}; {@code files} is that first output. */
    private record Built(Path src, Path out, Map<String, String> files) {
        static Built once(Path tmp) {
            Path src = Fixtures.sourceTreeWithOwnTheme("two-years", tmp.resolve("src"));
            Path out = tmp.resolve("site");
            assertBuilt(build(src, out), "first build");
            return new Built(src, out, SiteTrees.checksums(out));
        }
    }

    @Test
    void nothingChangedKeepsTheOutputAndEveryChangeBuildsAgain(@TempDir Path tmp) throws Exception {
        Built built = Built.once(tmp);
        Path src = built.src();
        Path out = built.out();
        Map<String, String> first = built.files();
        assertKept(build(src, out));
        assertEquals(first, SiteTrees.checksums(out));

        Path data = src.resolve("data/2031.yaml");
        Files.writeString(data, Files.readString(data).replace("value: 1200", "value: 1300"));
        assertBuilt(build(src, out), "a changed figure");
        assertEquals(clean(src, tmp.resolve("clean-1")), SiteTrees.checksums(out));
        assertNotEquals(first, SiteTrees.checksums(out));
        assertKept(build(src, out));

        Files.delete(out.resolve("2031/alpha.html"));
        assertBuilt(build(src, out), "a page deleted from the output");
        assertTrue(Files.isRegularFile(out.resolve("2031/alpha.html")));

        Files.writeString(out.resolve("index.html"), "<!-- edited by hand -->", java.nio.file.StandardOpenOption.APPEND);
        assertBuilt(build(src, out), "a page changed in the output");
        assertEquals(clean(src, tmp.resolve("clean-2")), SiteTrees.checksums(out));

        Files.writeString(src.resolve("assets/css/extra.css"), "p { margin: 0 }\n");
        assertBuilt(build(src, out), "a new asset");
        assertTrue(Files.isRegularFile(out.resolve("css/extra.css")));

        Path template = src.resolve("templates/section.ftl");
        Files.writeString(template, Files.readString(template) + "\n");
        assertBuilt(build(src, out), "a changed template");

        assertBuilt(build(src, out, "https://other.invalid/"), "other options");
        assertBuilt(build(src, out), "the options back as before");
        assertKept(build(src, out));
    }

    @Test
    void aFailedBuildForgetsTheStampSoTheNextBuildRuns(@TempDir Path tmp) throws Exception {
        Built built = Built.once(tmp);
        Path section = built.src().resolve("content/2031/02-gamma.adoc");
        Path out = built.out();
        String text = Files.readString(section);
        Files.writeString(section, "no title\n");
        assertEquals(1, build(built.src(), out).exit());
        assertEquals(built.files(), SiteTrees.checksums(out), "the last good output is untouched");
        Files.writeString(section, text);
        assertBuilt(build(built.src(), out), "after a failed build");
        assertEquals(built.files(), SiteTrees.checksums(out));
    }
}
