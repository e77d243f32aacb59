package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a report's headings are numbered in the order its files put them: parts
 * ({@code 一、}, {@code 二、}) among themselves, subsections ({@code (一)}, {@code (二)}) within their part.
 * The file numbers decide the reading order; a heading numbered (二) before (一) is almost always
 * two files named the wrong way round, and was published so without a word. Headings without such
 * a number are left alone, and so is a skipped number (the official text may skip one).
 */
final class HeadingNumbers {

    private static final Pattern PART = Pattern.compile("^([一二三四五六七八九十]+)、");
    private static final Pattern SUBSECTION = Pattern.compile("^[（(]([一二三四五六七八九十]+)[）)]");
    private static final String DIGITS = "一二三四五六七八九";

    /** A numbered heading: its file, its number as written ({@code (二)}) and as a number. */
    private record Heading(String file, String written, int number) {
    }

    private final boolean inGit;
    private final List<Problem> found;
    /** The last numbered heading under each part (by its slug; "" for the parts themselves). */
    private final Map<String, Heading> last = new HashMap<>();

    /**
     * @param inGit whether the source is in a git work tree (the hint then names git mv)
     * @param found where problems are added
     */
    HeadingNumbers(boolean inGit, List<Problem> found) {
        this.inGit = inGit;
        this.found = found;
    }

    /** The next section in reading order, with the line of its title. */
    void next(Section section, int titleLine) {
        Matcher m = (section.level() == 1 ? PART : SUBSECTION).matcher(section.title());
        Optional<Integer> number = m.find() ? value(m.group(1)) : Optional.empty();
        if (number.isEmpty()) {
            return;
        }
        String file = section.source().name();
        Heading here = new Heading(file.substring(file.lastIndexOf('/') + 1), m.group(), number.get());
        Heading before = last.put(section.parentSlug(), here);
        if (before == null || before.number() < here.number()) {
            return;
        }
        if (before.number() == here.number()) {
            found.add(Problem.at(file, titleLine, "the heading '" + here.written() + "' repeats the number of "
                            + before.file() + " (编号重复)",
                    "correct the heading to the official text, or, if this file repeats " + before.file() + ", delete one of them"));
        } else {
            found.add(Problem.at(file, titleLine, "the heading '" + here.written() + "' comes after '" + before.written()
                            + "' of " + before.file() + ": sections are read in the order of their file numbers (编号顺序不符)",
                    "swap the numbers of this file and " + before.file() + (inGit ? " with git mv" : " (rename both files)")
                            + ", keeping the names after the numbers (they are the page addresses);"
                            + " or, if a heading is mistyped, correct it to the official text"));
        }
    }

    /** 一 to 九十九 as written in headings (十, 十一, 二十, 二十一…); empty for anything else. */
    static Optional<Integer> value(String chinese) {
        int ten = chinese.indexOf('十');
        if (ten < 0) {
            return chinese.length() == 1 ? Optional.of(DIGITS.indexOf(chinese.charAt(0)) + 1) : Optional.empty();
        }
        String tens = chinese.substring(0, ten);
        String units = chinese.substring(ten + 1);
        if (tens.length() > 1 || units.length() > 1 || tens.contains("十") || units.contains("十")) {
            return Optional.empty();
        }
        int t = tens.isEmpty() ? 1 : DIGITS.indexOf(tens.charAt(0)) + 1;
        int u = units.isEmpty() ? 0 : DIGITS.indexOf(units.charAt(0)) + 1;
        return Optional.of(t * 10 + u);
    }
}
