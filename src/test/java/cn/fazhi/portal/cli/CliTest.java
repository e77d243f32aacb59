package cn.fazhi.portal.cli;

import cn.fazhi.portal.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line contract: commands, help, and exit codes 0/1/2. */
class CliTest {

    static Cli.Run run(String... args) {
        return Cli.run(args);
    }

    @Test
    void checkPassesOnTheRealContent() {
        Cli.Run r = run("check", "--source", Fixtures.REPO.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("No problems found"));
    }

    @Test
    void checkReportsABrokenSectionHeaderWithPathAndLineAndExitsOne(@TempDir Path tmp) throws Exception {
        Path src = Fixtures.realSourceCopy(tmp);
        Path file = src.resolve("content/2023/01-07-disputes.adoc");
        Files.writeString(file, Files.readString(file).replaceFirst("^= ", "== "));
        Cli.Run r = run("check", "--source", src.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("content/2023/01-07-disputes.adoc:1: error: the file has no title"), r.err());
        assertTrue(r.err().contains("1 problem found"), r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace for editors: " + r.err());
    }

    @Test
    void buildWritesTheSiteAndABadBuildLeavesItUntouched(@TempDir Path tmp) throws Exception {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("src"));
        Path out = tmp.resolve("out");
        Cli.Run ok = run("build", "--source", src.toString(), "--output", out.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().matches("(?s)Built \\d+ pages into .*"), ok.out());
        String before = Files.readString(out.resolve("2031/index.html"));

        Files.writeString(src.resolve("content/2031/index.adoc"), "no title here\n");
        Cli.Run bad = run("build", "--source", src.toString(), "--output", out.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("content/2031/index.adoc:1: error:"), bad.err());
        assertEquals(before, Files.readString(out.resolve("2031/index.html")));
    }

    @Test
    void wrongUsageExitsTwo() {
        assertEquals(2, run("build", "--no-such-option").exit());
        assertEquals(2, run("frobnicate").exit());
        assertEquals(2, run().exit());
        assertEquals(2, run("serve", "--port", "eighty").exit());
    }

    /** A cache inside the source folder could be planted by a commit: refused as wrong usage. */
    @Test
    void aCacheInsideTheSourceFolderIsRefused(@TempDir Path tmp) {
        Path src = cn.fazhi.portal.Fixtures.sourceTree("two-years", tmp.resolve("src"));
        Cli.Run r = run("build", "--source", src.toString(), "--output", tmp.resolve("site").toString(),
                "--cache", src.resolve("target/cache").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("the cache must lie outside the source folder"), r.err());
        assertFalse(java.nio.file.Files.exists(tmp.resolve("site")));
        Cli.Run ok = run("build", "--source", src.toString(), "--output", tmp.resolve("site").toString(),
                "--cache", tmp.resolve("cache").toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(java.nio.file.Files.isRegularFile(tmp.resolve("cache/conversions.json")));
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"build", "serve", "check"}) {
            Cli.Run r = run(cmd, "--help");
            assertEquals(0, r.exit());
            assertTrue(r.out().contains("Usage: portal " + cmd), r.out());
        }
    }

    /** The version comes from tool.properties, which Maven fills in from the pom as it builds. */
    @Test
    void versionPrintsTheVersionOfThePom() throws Exception {
        Cli.Run r = run("--version");
        assertEquals(0, r.exit(), r.err());
        assertEquals("portal " + pomVersion(), r.out().strip());
    }

    /** The project's own version in pom.xml (the first version after its artifactId). */
    static String pomVersion() throws java.io.IOException {
        var m = java.util.regex.Pattern.compile("<artifactId>portal</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Fixtures.REPO.resolve("pom.xml")));
        assertTrue(m.find(), "pom.xml names the project's version");
        return m.group(1);
    }
}
