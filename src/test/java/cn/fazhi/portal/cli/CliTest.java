package cn.fazhi.portal.cli;

import cn.fazhi.portal.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line contract: commands, help, and exit codes 0/1/2. */
class CliTest {

    /** What one in-process run of the CLI printed and returned. */
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void checkPassesOnTheRealContent() {
        Run r = run("check", "--source", Fixtures.REPO.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("No problems found"));
    }

    @Test
    void checkReportsABrokenSectionHeaderWithPathAndLineAndExitsOne(@TempDir Path tmp) throws Exception {
        Path src = Fixtures.realSourceCopy(tmp);
        Path file = src.resolve("content/2023/01-07-disputes.adoc");
        Files.writeString(file, Files.readString(file).replaceFirst("^= ", "== "));
        Run r = run("check", "--source", src.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("content/2023/01-07-disputes.adoc:1: error: the file has no title"), r.err());
        assertTrue(r.err().contains("1 problem found"), r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace for editors: " + r.err());
    }

    @Test
    void buildWritesTheSiteAndABadBuildLeavesItUntouched(@TempDir Path tmp) throws Exception {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("src"));
        Path out = tmp.resolve("out");
        Run ok = run("build", "--source", src.toString(), "--output", out.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().startsWith("Built 15 pages"), ok.out());
        String before = Files.readString(out.resolve("2031/index.html"));

        Files.writeString(src.resolve("content/2031/index.adoc"), "no title here\n");
        Run bad = run("build", "--source", src.toString(), "--output", out.toString());
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

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"build", "serve", "check"}) {
            Run r = run(cmd, "--help");
            assertEquals(0, r.exit());
            assertTrue(r.out().contains("Usage: portal " + cmd), r.out());
        }
    }
}
