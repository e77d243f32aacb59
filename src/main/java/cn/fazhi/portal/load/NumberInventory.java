package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every number accounted for: each run of digits in the published text of a report (the year's
 * title and preamble, every published section) is either a figure bound to an indicator
 * ({@code ind:…[]}) or on the list of non-quantities ({@link NonQuantities}); any other is
 * reported as a warning, at its file and line, with the words around it.
 *
 * <p>What is read as text: the lines that are published as words. Not read: comments ({@code //}
 * lines, {@code ////} blocks), attribute entries ({@code :date: 2024-03-08}), block attribute and
 * anchor lines ({@code [#p3]}, {@code [[x]]}), the numbering at the start of a heading
 * ({@code == 1.2 …}), figure references, link and image targets ({@code https://…},
 * {@code link:…[}, {@code xref:…[}, {@code image::…[}), cross-reference anchors
 * ({@code <<id,text>>}), inline anchors and attribute references ({@code {name}}).
 *
 * <p>A number is a run of digits (ASCII or full-width), with its decimal points: {@code 97.26} is
 * one number. A draft is not published, so its numbers are not reported; an entry that only a draft
 * uses still counts as used, so the list does not lose it while the draft is being written.
 */
public final class NumberInventory {

    private NumberInventory() {
    }

    /** One number as found: where, the line as written, and its span in the line. */
    private record Found(TextFile file, int line, String text, int start, int end) {
    }

    /**
     * The warnings for {@code site} (drafts included: they are told apart here): one per unbound
     * number of the published text, and one per entry of the list that no report uses.
     */
    public static List<Problem> check(Site site, NonQuantities allowed) {
        List<Problem> warnings = new ArrayList<>();
        Set<Integer> used = new TreeSet<>();
        for (Report report : site.reports()) {
            Set<String> draftParts = new java.util.HashSet<>();
            report.sections().stream().filter(Section::draft).forEach(s -> draftParts.add(s.slug()));
            List<TextFile> texts = new ArrayList<>();
            List<Boolean> published = new ArrayList<>();
            texts.add(report.landing());
            published.add(!report.draft());
            for (Section s : report.sections()) {
                texts.add(s.source());
                published.add(!report.draft() && !s.draft() && !draftParts.contains(s.parentSlug()));
            }
            for (int i = 0; i < texts.size(); i++) {
                for (Found f : unbound(texts.get(i), allowed, used)) {
                    if (published.get(i)) {
                        warnings.add(warning(f, report.year()));
                    }
                }
            }
        }
        List<NonQuantities.Allowed> entries = allowed.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (!used.contains(i)) {
                NonQuantities.Allowed e = entries.get(i);
                warnings.add(Problem.warningAt(NonQuantities.FILE, e.line(), "the entry '" + Problem.quote(e.text())
                                + "' allows no number of any report (未用到的条目)",
                        "the text must stand in a report exactly as written here, the number with the words around it;"
                                + " correct it, or delete the entry if the report no longer has the number"));
            }
        }
        return warnings;
    }

    private static Problem warning(Found f, int year) {
        String number = f.text().substring(f.start(), f.end());
        String around = around(f.text(), f.start(), f.end(), 6);
        // The number with the word after it (2023年, 12348”) is the shortest context that is still precise.
        String example = f.end() < f.text().length() && !Character.isWhitespace(f.text().codePointAt(f.end()))
                ? f.text().substring(f.start(), f.text().offsetByCodePoints(f.end(), 1))
                : around(f.text(), f.start(), f.end(), 1).strip();
        return Problem.warningAt(f.file().name(), f.line(), "the number " + Problem.quote(number) + " in '"
                        + Problem.quote(around) + "' is neither bound to an indicator nor on the list of non-quantities (未绑定的数字)",
                "if it is a figure of the report, write ind:<indicator-id>[] in its place and its value in data/"
                        + year + ".yaml; if it is not (a year, a name, a hotline number), add it with the words around it to "
                        + NonQuantities.FILE + ", e.g. 'text: " + Problem.quote(example)
                        + "' and 'what: …' (see the editors' guide 编辑指南, 不是数量的数字)");
    }

    /** The text from {@code before} characters before the span to as many after it, within the line. */
    private static String around(String line, int start, int end, int before) {
        int from = start;
        for (int k = 0; k < before && from > 0; k++) {
            from = line.offsetByCodePoints(from, -1);
        }
        int to = end;
        for (int k = 0; k < before && to < line.length(); k++) {
            to = line.offsetByCodePoints(to, 1);
        }
        return line.substring(from, to);
    }

    /** The numbers of {@code file} that no entry allows; the entries that allow one are added to {@code used}. */
    private static List<Found> unbound(TextFile file, NonQuantities allowed, Set<Integer> used) {
        List<Found> found = new ArrayList<>();
        String[] lines = file.text().split("\n", -1);
        boolean comment = false;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.equals("////")) {
                comment = !comment;
                continue;
            }
            if (comment || line.startsWith("//") || isAttributeEntry(line) || isBlockLine(line)) {
                continue;
            }
            String text = readable(line);
            List<int[]> runs = runs(text);
            if (runs.isEmpty()) {
                continue;
            }
            boolean[] ok = new boolean[runs.size()];
            List<NonQuantities.Allowed> entries = allowed.entries();
            for (int e = 0; e < entries.size(); e++) {
                String entry = entries.get(e).text();
                int r = 0; // occurrences are found left to right, so the runs are walked once per entry
                for (int at = line.indexOf(entry); at >= 0; at = line.indexOf(entry, at + 1)) {
                    while (r < runs.size() && runs.get(r)[0] < at) {
                        r++;
                    }
                    for (int k = r; k < runs.size() && runs.get(k)[1] <= at + entry.length(); k++) {
                        ok[k] = true;
                        used.add(e);
                    }
                }
            }
            for (int r = 0; r < runs.size(); r++) {
                if (!ok[r]) {
                    found.add(new Found(file, n + 1, line, runs.get(r)[0], runs.get(r)[1]));
                }
            }
        }
        return found;
    }

    /** {@code :name: value}: an attribute entry, in the header or the body. */
    private static boolean isAttributeEntry(String line) {
        if (!line.startsWith(":")) {
            return false;
        }
        int close = line.indexOf(':', 1);
        return close > 1 && line.substring(1, close).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '!');
    }

    /** A block attribute or anchor line, {@code [#p3]}, {@code [[x]]}, {@code [cols="1,2"]}. */
    private static boolean isBlockLine(String line) {
        String s = line.strip();
        return s.startsWith("[") && s.endsWith("]");
    }

    /**
     * The line with what is not published as words blanked out (same length, so positions stay):
     * the heading's numbering, figure references, link and image targets, anchors and attribute references.
     */
    static String readable(String line) {
        char[] c = line.toCharArray();
        int heading = 0;
        while (heading < c.length && c[heading] == '=') {
            heading++;
        }
        if (heading > 0 && heading < c.length && c[heading] == ' ') {
            int i = heading + 1;
            while (i < c.length && (isDigit(c[i]) || c[i] == '.' || c[i] == '．')) {
                c[i++] = ' ';
            }
        }
        blankFrom(line, c, "ind:", "]");
        blankFrom(line, c, "https://", "[ ");
        blankFrom(line, c, "http://", "[ ");
        blankFrom(line, c, "link:", "[");
        blankFrom(line, c, "xref:", "[");
        blankFrom(line, c, "image:", "[");
        blankFrom(line, c, "mailto:", "[");
        blankFrom(line, c, "<<", ",>");
        blankFrom(line, c, "[[", "]");
        blankFrom(line, c, "[#", "]");
        blankFrom(line, c, "{", "}");
        return new String(c);
    }

    /**
     * Blanks each {@code start} and what follows it up to the first of {@code ends} (a closing
     * {@code ]} or {@code }} blanked too), or to the end of the line.
     */
    private static void blankFrom(String line, char[] c, String start, String ends) {
        for (int at = line.indexOf(start); at >= 0; at = line.indexOf(start, at + 1)) {
            int i = at;
            while (i < c.length && ends.indexOf(line.charAt(i)) < 0 || i < at + start.length()) {
                c[i++] = ' ';
            }
            if (i < c.length && (line.charAt(i) == ']' || line.charAt(i) == '}')) {
                c[i] = ' ';
            }
            if (i > at + start.length()) {
                at = i - 1;
            }
        }
    }

    /** The spans of the numbers in {@code text}: digits, with decimal points between digits. */
    private static List<int[]> runs(String text) {
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && (isDigit(text.charAt(i))
                    || (text.charAt(i) == '.' || text.charAt(i) == '．') && i + 1 < text.length() && isDigit(text.charAt(i + 1)))) {
                i++;
            }
            runs.add(new int[] {start, i});
        }
        return runs;
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9' || c >= '０' && c <= '９';
    }
}
