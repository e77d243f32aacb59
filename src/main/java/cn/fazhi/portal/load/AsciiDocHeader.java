package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of an AsciiDoc source file: the document title ({@code = Title}) and the attribute
 * entries ({@code :name: value}) up to the first blank line.
 *
 * <p>We read the header ourselves rather than through Asciidoctor so that header mistakes are
 * reported with exact line numbers and so that listing pages never needs to start JRuby.
 *
 * @param title the document title as written (plain text)
 * @param titleLine the line of the title
 * @param attributes attribute entries with their lines, in order
 */
public record AsciiDocHeader(String title, int titleLine, Map<String, Attribute> attributes) {

    /** An attribute entry and where it stands. */
    public record Attribute(String value, int line) {
    }

    /** Longest first line offered back as a title; the real reports' longest heading has 36 characters. */
    private static final int TITLE_MAX = 60;
    /** A heading numbered as the reports number them, then words, digits and common punctuation only. */
    private static final Pattern HEADING = Pattern.compile(
            "(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章节部分])"
                    + "[\\p{IsHan}\\p{IsLatin}\\p{Nd} 、，,；;：:·—\\-《》“”（）()]{1,59}");
    private static final Pattern ATTRIBUTE = Pattern.compile("^:(!?[A-Za-z0-9_][A-Za-z0-9_-]*!?):(?:[ \\t]+(.*))?$");

    public Optional<Attribute> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /**
     * Parses the header of {@code file}; a missing or empty title is reported to {@code problems}
     * and yields an empty result.
     */
    public static Optional<AsciiDocHeader> parse(TextFile file, List<Problem> problems) {
        String[] lines = file.text().split("\n", -1);
        int i = 0;
        boolean inBlockComment = false;
        // Blank lines and comments may stand before the title.
        for (; i < lines.length; i++) {
            String line = lines[i];
            if (line.equals("////")) {
                inBlockComment = !inBlockComment;
            } else if (!inBlockComment && !line.isBlank() && !isLineComment(line)) {
                break;
            }
        }
        if (i >= lines.length) {
            problems.add(Problem.at(file.name(), 1, "the file is empty (文件为空)",
                    "start the file with a title line such as '= (一)章节标题', then a blank line and the text"));
            return Optional.empty();
        }
        String first = lines[i];
        if (!first.startsWith("= ") || first.substring(2).isBlank()) {
            problems.add(Problem.at(file.name(), i + 1,
                    "the file has no title: its first line must be '= ' followed by the title (缺少标题)",
                    suggestTitle(first).map(t -> "make the first line '= " + t + "'")
                            .orElse("make the first line '= ' followed by the title, e.g. '= （一）章节标题'")));
            return Optional.empty();
        }
        String title = first.substring(2).strip();
        int titleLine = i + 1;
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        for (i++; i < lines.length && !lines[i].isBlank(); i++) {
            String line = lines[i];
            if (isLineComment(line)) {
                continue;
            }
            Matcher m = ATTRIBUTE.matcher(line);
            if (!m.matches()) {
                problems.add(Problem.at(file.name(), i + 1,
                        "this header line is neither an attribute (':name: value') nor a comment",
                        "leave a blank line between the header (title and ':name: value' lines) and the text"));
                continue;
            }
            attributes.put(m.group(1), new Attribute(m.group(2) == null ? "" : m.group(2).strip(), i + 1));
        }
        return Optional.of(new AsciiDocHeader(title, titleLine, attributes));
    }

    private static boolean isLineComment(String line) {
        return line.startsWith("//") && !line.startsWith("///");
    }

    /**
     * The first line as a title, when it looks like one of a report's headings (一、… or （一）…),
     * is short and holds only words and punctuation, never a macro ({@code ind:…[]}, {@code link:…[]}). Anything else is not echoed: the line may be
     * anything at all, up to a secret (a section linked to the build's environment once printed
     * it whole here).
     */
    static Optional<String> suggestTitle(String line) {
        String s = line.replaceFirst("^=+\\s*", "").strip();
        // A heading never cites a figure: a first line with ind: is the text's first paragraph (the
        // title line was deleted), and a title made of it would print the macro.
        return s.length() <= TITLE_MAX && !s.contains("ind:") && HEADING.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }
}
