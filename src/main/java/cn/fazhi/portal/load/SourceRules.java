package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What report text may not contain, checked line by line so each refusal names its line.
 *
 * <p>Policy (documented in README): raw HTML is refused, not sanitised, because an editor who
 * pastes HTML should learn at once that it will not appear, rather than find part of it silently
 * dropped. So passthrough blocks ({@code ++++}), inline passthroughs ({@code pass:[…]},
 * {@code +++…+++}), {@code javascript:} links and {@code include::} are errors. The converted
 * HTML is additionally cleaned with jsoup as a second line of defence.
 */
final class SourceRules {

    private static final Pattern INCLUDE = Pattern.compile("^include::.*\\[.*]\\s*$");
    private static final Pattern PASS_BLOCK = Pattern.compile("^\\+{4,}\\s*$");
    private static final Pattern PASS_INLINE = Pattern.compile("pass:[a-z,]*\\[|\\+\\+\\+.*\\+\\+\\+");
    /** A script address used as a link target: {@code link:javascript:…[]}, {@code javascript:…[text]}. */
    private static final Pattern SCRIPT_LINK = Pattern.compile("(?i)(javascript|vbscript|data)\\s*:[^\\s\\[]*\\[");

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
            if (INCLUDE.matcher(line).matches()) {
                problems.add(Problem.at(file.name(), n, "include:: is not allowed in report files (不允许引用其他文件)",
                        "put the text itself into this section file"));
            } else if (PASS_BLOCK.matcher(line).matches()) {
                problems.add(Problem.at(file.name(), n, "raw HTML blocks (++++) are not allowed (不允许直接写 HTML)",
                        "write the content in AsciiDoc: paragraphs, lists and |=== tables"));
            } else if (PASS_INLINE.matcher(line).find()) {
                problems.add(Problem.at(file.name(), n, "inline raw HTML (pass:[…] or +++…+++) is not allowed (不允许直接写 HTML)",
                        "write the text without pass:[] or +++"));
            } else if (SCRIPT_LINK.matcher(line).find()) {
                problems.add(Problem.at(file.name(), n, "links to javascript:, vbscript: or data: addresses are not allowed",
                        "link only to web pages (https://…) or to pages of this site"));
            }
        }
        return problems;
    }

}
