package cn.fazhi.portal.cli;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.ProblemsException;
import cn.fazhi.portal.testsupport.SiteTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Editors never see a stack trace; developers get one with --verbose, and only then. */
class ReportingTest {

    /**
     * The JVM options {@code java -jar portal.jar build} gives the JVM the build runs in
     * (cli.FirstTierJit): the JIT's first tier, and no further relaunch, so that what the build
     * prints reaches this test's pipe from the very process that printed it.
     */
    private static final List<String> AS_THE_BUILDS_OWN_JVM = List.of("-XX:TieredStopAtLevel=1", "-Dportal.relaunch=false");

    private static String print(Throwable e, boolean verbose) {
        StringWriter text = new StringWriter();
        assertEquals(Main.PROBLEMS, Reporting.failure(new PrintWriter(text), e, verbose));
        return text.toString();
    }

    @Test
    void anUnexpectedFaultIsOneLineUnlessVerbose() {
        IllegalStateException fault = new IllegalStateException("disk on fire");
        String quiet = print(fault, false);
        assertTrue(quiet.startsWith("error: java.lang.IllegalStateException: disk on fire"));
        assertTrue(quiet.contains("run again with --verbose"));
        assertFalse(quiet.contains("\tat "), quiet);
        String verbose = print(fault, true);
        assertTrue(verbose.contains("\tat cn.fazhi.portal.cli.ReportingTest"), verbose);
    }

    @Test
    void problemsAreSortedAndSummarisedWithoutTraceEvenWhenVerbose() {
        ProblemsException e = new ProblemsException(List.of(
                Problem.at("data/b.yaml", 3, "second", "fix b"),
                Problem.at("content/2023/a.adoc", 9, "first", "fix a")));
        String out = print(e, true);
        assertEquals("""
                content/2023/a.adoc:9: error: first
                    hint: fix a
                data/b.yaml:3: error: second
                    hint: fix b
                2 problems found; nothing was published (发现问题，未发布).
                """, out);
    }

    @Test
    void controlCharactersInAFileNameArePrintedEscapedSoNoLineCanBeForged() {
        ProblemsException e = new ProblemsException(List.of(
                Problem.at("content/2031/a\n::error::pwned\u001b[31m.adoc", 2, "bad\rname", "hint\u0085x")));
        String out = print(e, false);
        assertEquals("""
                content/2031/a\\n::error::pwned\\u001b[31m.adoc:2: error: bad\\rname
                    hint: hint\\u0085x
                1 problem found; nothing was published (发现问题，未发布).
                """, out);
        String fault = print(new IllegalStateException("cannot open x\n::error::y"), false);
        assertTrue(fault.startsWith("error: java.lang.IllegalStateException: cannot open x\\n::error::y\n"), fault);
    }

    /**
     * What an editor's terminal shows for a template mistake, in a real process: libraries that log
     * to the process's own standard error (Freemarker logs template errors through java.util.logging)
     * bypass the in-process tests' captured streams.
     */
    @Test
    void aTemplateMistakeShowsOnlyTheMessageInTheTerminal(@TempDir Path tmp) throws IOException, InterruptedException {
        Path src = Fixtures.sourceTreeWithOwnTheme("two-years", tmp.resolve("src"));
        Path template = src.resolve("templates/section.ftl");
        Files.writeString(template, Files.readString(template).replace("<h1>${content.frame.title}</h1>", "<h1>${content.frame.titel}</h1>"));
        Process build = SiteTrees.portal(AS_THE_BUILDS_OWN_JVM, "build", "--source", src.toString(),
                "--output", tmp.resolve("site").toString()).start();
        String printed = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, build.waitFor(), printed);
        assertEquals("""
                templates/section.ftl:6: error: template error while making 2031/alpha.html: it uses a value this page does not have: content.frame.titel (模板引用了不存在的值) (this file overrides the built-in theme's templates/section.ftl)
                    hint: undo the last change to this template, delete it to use the built-in one, or see the Freemarker manual
                1 problem found; nothing was published (发现问题，未发布).
                """, printed);
    }

    /** The same for an AsciiDoc warning: AsciidoctorJ also hands it to java.util.logging. */
    @Test
    void anAsciiDocWarningShowsOnlyTheMessageInTheTerminal(@TempDir Path tmp) throws IOException, InterruptedException {
        Path src = Fixtures.sourceTreeWithOwnTheme("two-years", tmp.resolve("src"));
        Files.writeString(src.resolve("content/2031/02-gamma.adoc"), "\n|===\n| a\n", java.nio.file.StandardOpenOption.APPEND);
        Process build = SiteTrees.portal(AS_THE_BUILDS_OWN_JVM, "build", "--source", src.toString(),
                "--output", tmp.resolve("site").toString()).start();
        String printed = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, build.waitFor(), printed);
        assertTrue(printed.startsWith("content/2031/02-gamma.adoc:"), printed);
        assertTrue(printed.contains(": error: AsciiDoc: unterminated table block\n    hint: "), printed);
        assertEquals(3, printed.lines().count(), printed);
    }
}
