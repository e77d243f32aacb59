package cn.fazhi.portal.cli;

import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.ProblemsException;

import java.io.PrintWriter;
import java.util.List;

/** Prints problems the way editors read them: sorted, one per entry, then a one-line summary. */
final class Reporting {

    private Reporting() {
    }

    /** Prints the problems (warnings among them too) and the count of errors; returns exit 1. */
    static int problems(PrintWriter err, List<Problem> problems) {
        problems.stream().sorted(Problem.BY_FILE_AND_LINE).distinct().forEach(p -> err.println(p.format()));
        long errors = problems.stream().filter(p -> !p.warning()).distinct().count();
        err.println(errors + (errors == 1 ? " problem" : " problems")
                + " found; nothing was published (发现问题，未发布).");
        err.flush();
        return Main.PROBLEMS;
    }

    /** Prints warnings, sorted, one per entry; no summary (the caller says what they mean). */
    static void warnings(PrintWriter err, List<Problem> warnings) {
        warnings.stream().sorted(Problem.BY_FILE_AND_LINE).distinct().forEach(p -> err.println(p.format()));
        err.flush();
    }

    /** Prints an unexpected failure briefly, or with its stack trace when asked to be verbose. */
    static int failure(PrintWriter err, Throwable e, boolean verbose) {
        if (e instanceof ProblemsException p) {
            return problems(err, p.problems());
        }
        err.println("error: " + Problem.escape(String.valueOf(e)));
        if (verbose) {
            e.printStackTrace(err);
        } else {
            err.println("This is a fault in the portal itself, not in your files; run again with --verbose and report it.");
        }
        err.flush();
        return Main.PROBLEMS;
    }

    /** The wall time of each stage of a build, slowest first (--verbose). */
    static void stages(java.io.PrintWriter out, cn.fazhi.portal.Pipeline.Result r) {
        r.stages().entrySet().stream().sorted(java.util.Map.Entry.comparingByValue(java.util.Comparator.reverseOrder()))
                .forEach(e -> out.printf(java.util.Locale.ROOT, "  %-10s %6d ms%n", e.getKey(), e.getValue()));
    }
}
