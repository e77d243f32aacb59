package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * What report text may not contain before it reaches Asciidoctor, checked line by line so each
 * refusal names its line, in time linear in the text (no regular expression that can backtrack:
 * an editor's line can be a megabyte long).
 *
 * <p>{@code include::} is refused here because Asciidoctor resolves it before there is a
 * document to look at. Raw HTML (every passthrough form) is refused on the parsed document, by
 * {@code render.RawHtmlRule}; the converted HTML is additionally cleaned with jsoup.
 *
 * <p>Lists nested more than {@value #MAX_LIST_DEPTH} levels are refused: Asciidoctor parses nested
 * lists recursively, and a few dozen levels exhaust its stack; a report never needs more than three.
 */
final class SourceRules {

    static final int MAX_LIST_DEPTH = 8;

    private SourceRules() {
    }

    static List<Problem> check(TextFile file) {
        List<Problem> problems = new ArrayList<>();
        String[] lines = file.text().split("\n", -1);
        boolean comment = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.equals("////")) {
                comment = !comment;
                continue;
            }
            if (comment || line.startsWith("//")) {
                continue;
            }
            int n = i + 1;
            if (isInclude(line)) {
                problems.add(Problem.at(file.name(), n, "include:: is not allowed in report files (不允许引用其他文件)",
                        "put the text itself into this section file"));
            } else if (listDepth(line) > MAX_LIST_DEPTH) {
                problems.add(Problem.at(file.name(), n, "a list nested " + listDepth(line) + " levels deep; at most "
                        + MAX_LIST_DEPTH + " levels are allowed (列表嵌套层次过深)", "use fewer * or . before the item"));
            }
        }
        return problems;
    }

    /** {@code include::target[…]} as Asciidoctor recognises it: at the start of a line, ending in ]. */
    private static boolean isInclude(String line) {
        String stripped = line.stripTrailing();
        return line.startsWith("include::") && stripped.endsWith("]") && stripped.indexOf('[') > 0;
    }

    /** The depth of a list item's marker ({@code *** item}: 3), or 0 when the line is no list item. */
    private static int listDepth(String line) {
        String trimmed = line.stripLeading();
        if (trimmed.isEmpty() || (trimmed.charAt(0) != '*' && trimmed.charAt(0) != '.' && trimmed.charAt(0) != '-')) {
            return 0;
        }
        char marker = trimmed.charAt(0);
        int depth = 0;
        while (depth < trimmed.length() && trimmed.charAt(depth) == marker) {
            depth++;
        }
        boolean item = depth < trimmed.length() && (trimmed.charAt(depth) == ' ' || trimmed.charAt(depth) == '\t');
        return item ? depth : 0;
    }
}
