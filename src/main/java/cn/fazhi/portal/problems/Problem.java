package cn.fazhi.portal.problems;

import java.util.Comparator;

/**
 * One thing wrong with the editors' sources (content, data or templates), reported in the
 * compiler-style form {@code path:line: error: message} that editors' tools and CI logs understand.
 * A warning ({@code path:line: warning: message}) is something to look at that does not stop a
 * build: {@code build} prints it and publishes, {@code check} prints it and passes unless
 * {@code --strict}.
 *
 * @param file source-relative path with forward slashes, e.g. {@code content/2023/01-x.adoc}
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param message what is wrong, in plain words
 * @param hint how to fix it; may be empty
 * @param warning true for a warning, false for an error
 */
public record Problem(String file, int line, String message, String hint, boolean warning) {

    public static final Comparator<Problem> BY_FILE_AND_LINE =
            Comparator.comparing(Problem::file).thenComparingInt(Problem::line).thenComparing(Problem::message);

    public Problem {
        hint = hint == null ? "" : hint;
    }

    /** An error. */
    public Problem(String file, int line, String message, String hint) {
        this(file, line, message, hint, false);
    }

    public static Problem at(String file, int line, String message, String hint) {
        return new Problem(file, line, message, hint);
    }

    /** A warning: printed, never a reason to refuse a build. */
    public static Problem warningAt(String file, int line, String message, String hint) {
        return new Problem(file, line, message, hint, true);
    }

    /**
     * The editor-facing line: {@code path:line: error: message (hint)}, or {@code warning:}. Every part is escaped, so a
     * file name or an echoed value can never start a line of its own in a terminal or CI log
     * (a forged {@code ::error} line, a colour change).
     */
    public String format() {
        String where = line > 0 ? escape(file) + ":" + line : escape(file);
        return where + (warning ? ": warning: " : ": error: ") + escape(message) + (hint.isEmpty() ? "" : "\n    hint: " + escape(hint));
    }

    /**
     * An editor's text as a message quotes it: whole when short, else its start and an ellipsis,
     * so that one pasted megabyte does not fill the terminal.
     */
    public static String quote(String text) {
        if (text.codePointCount(0, text.length()) <= QUOTED) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, QUOTED - 1)) + "…";
    }

    private static final int QUOTED = 60;

    /**
     * {@code text} with every control character written as an escape: {@code \n}, {@code \r},
     * {@code \t}, and {@code \}{@code uXXXX} for the other C0 and C1 controls, DEL, the line and
     * paragraph separators and the bidirectional overrides (which can make a terminal show a name
     * other than the file's). Printable text, Chinese included, is left as it is.
     */
    public static String escape(String text) {
        if (text.chars().noneMatch(Problem::isControl)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (isControl(c)) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
                    } else {
                        sb.append((char) c);
                    }
                }
            }
        });
        return sb.toString();
    }

    /**
     * A control character, a line or paragraph separator, or a bidirectional override: what a
     * message must not print raw, and what a file name may not hold.
     */
    public static boolean isControl(int c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x2028 || c == 0x2029
                || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }
}
