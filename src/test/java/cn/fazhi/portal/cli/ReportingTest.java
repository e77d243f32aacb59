package cn.fazhi.portal.cli;

import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.ProblemsException;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Editors never see a stack trace; developers get one with --verbose, and only then. */
class ReportingTest {

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
}
