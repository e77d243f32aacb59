package cn.fazhi.portal.problems;

import java.util.Comparator;

/**
 * One thing wrong with the editors' sources (content, data or templates), reported in the
 * compiler-style form {@code path:line: error: message} that editors' tools and CI logs understand.
 *
 * @param file source-relative path with forward slashes, e.g. {@code content/2023/01-x.adoc}
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param message what is wrong, in plain words
 * @param hint how to fix it; may be empty
 */
public record Problem(String file, int line, String message, String hint) {

    public static final Comparator<Problem> BY_FILE_AND_LINE =
            Comparator.comparing(Problem::file).thenComparingInt(Problem::line).thenComparing(Problem::message);

    public Problem {
        hint = hint == null ? "" : hint;
    }

    public static Problem at(String file, int line, String message, String hint) {
        return new Problem(file, line, message, hint);
    }

    /** The editor-facing line: {@code path:line: error: message (hint)}. */
    public String format() {
        String where = line > 0 ? file + ":" + line : file;
        return where + ": error: " + message + (hint.isEmpty() ? "" : "\n    hint: " + hint);
    }
}
