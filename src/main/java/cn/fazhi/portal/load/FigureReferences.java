package cn.fazhi.portal.load;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The figure references in a text, {@code ind:<indicator-id>[…]}, each on its own line as it must
 * be, outside comments, and what is left of one split over two lines ({@code ind:fictional-} at the end of a line,
 * or {@code ind:fictional-cases[} with no {@code ]} after it).
 *
 * <p>Found by scanning, in time linear in the text: the regular expression this replaces
 * ({@code ind:([^\s\[]*)\[([^\]]*)]}) tried every {@code ind:} anew to the end of its run, and a
 * 100 KB line of {@code ind:} kept a build busy for minutes.
 */
public final class FigureReferences {

    private static final String MARK = "ind:";

    /** A whole reference, at its 1-based line. */
    public record Reference(String id, int line) {
    }

    /** The start of a reference that does not end on its line, as written, at its 1-based line. */
    public record Split(String written, int line) {
    }

    private final List<Reference> references = new ArrayList<>();
    private final List<Split> splits = new ArrayList<>();

    private FigureReferences(String text) {
        String[] lines = text.split("\n", -1);
        boolean comment = false;
        for (int n = 0; n < lines.length; n++) {
            // Comments (// lines, //// blocks) are never published, as SourceRules reads them: a
            // reference shown there as an example is no citation and must not fail the build.
            if (lines[n].equals("////")) {
                comment = !comment;
            } else if (!comment && !lines[n].startsWith("//")) {
                scan(lines[n], n + 1);
            }
        }
    }

    public static FigureReferences in(String text) {
        return new FigureReferences(text);
    }

    public List<Reference> references() {
        return references;
    }

    public List<Split> splits() {
        return splits;
    }

    /** The ids referenced, in order of first reference. */
    public Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        references.forEach(r -> ids.add(r.id()));
        return ids;
    }

    /** White space as the regular expression's {@code \\s} and Asciidoctor's macro syntax count it. */
    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private void scan(String line, int number) {
        int from = 0;
        for (int at = line.indexOf(MARK, from); at >= 0; at = line.indexOf(MARK, from)) {
            int idEnd = at + MARK.length();
            while (idEnd < line.length() && !blank(line.charAt(idEnd)) && line.charAt(idEnd) != '[') {
                idEnd++;
            }
            String id = line.substring(at + MARK.length(), idEnd);
            if (idEnd < line.length() && line.charAt(idEnd) == '[') {
                int close = line.indexOf(']', idEnd + 1);
                if (close < 0) {
                    if (!id.isEmpty()) {
                        splits.add(new Split(line.substring(at), number)); // the rest of the line is inside the bracket
                    }
                    return;
                }
                references.add(new Reference(id, number));
                from = close + 1;
            } else {
                if (idEnd == line.length() && !id.isEmpty()) {
                    splits.add(new Split(line.substring(at), number));
                }
                // Any "ind:" inside this run ends where it ends, at white space or the line's end.
                from = Math.max(idEnd, at + 1);
            }
        }
    }
}
