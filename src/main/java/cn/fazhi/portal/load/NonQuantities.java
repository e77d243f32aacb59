package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.Problems;
import cn.fazhi.portal.problems.ProblemsException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The portal's list of non-quantities, {@code data/non-quantities.yaml}: the numbers in the report
 * text that are no figure of the report (years, names of laws and documents, hotline numbers), each
 * given with the text around it and a word saying what it is:
 *
 * <pre>
 * allowed:
 *   - text: “12348”法律服务专线
 *     what: 公共法律服务热线的号码，不是数量
 * </pre>
 *
 * An entry allows a number only where the whole of its {@code text} stands in one line around it,
 * never every occurrence of the digits: {@code 2023年} allows the year, not {@code 2023件}, and not
 * the {@code 12023} of {@code 12023年}. The file is optional; without it every unbound number is
 * reported.
 */
public final class NonQuantities {

    static final String FILE = "data/non-quantities.yaml";

    /** The shape of the file. */
    record ListFile(List<Entry> allowed) {
    }

    /** One entry as written. */
    record Entry(String text, String what) {
    }

    /** One valid entry and its line in the file. */
    public record Allowed(String text, String what, int line) {
    }

    public static final NonQuantities NONE = new NonQuantities(List.of());

    private final List<Allowed> entries;

    private NonQuantities(List<Allowed> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Allowed> entries() {
        return entries;
    }

    /** Reads {@code data/non-quantities.yaml}, if there is one; its mistakes are added to {@code problems}. */
    public static NonQuantities load(SourceTree tree, Problems problems) {
        Path path = tree.data().resolve("non-quantities.yaml");
        if (!Files.isRegularFile(path)) {
            return NONE;
        }
        try {
            TextFile file = TextFile.read(tree, path);
            ListFile parsed = new YamlFiles().read(file, ListFile.class);
            YamlLines lines = new YamlLines(file);
            List<Allowed> kept = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            List<Entry> list = parsed.allowed() == null ? List.of() : parsed.allowed();
            for (int i = 0; i < list.size(); i++) {
                Entry e = list.get(i);
                String at = "allowed[" + i + "]";
                if (e == null || IndicatorLoader.blank(e.text())) {
                    problems.add(FILE, lines.line(at), "an entry of the list of non-quantities has no 'text' (缺少原文)",
                            "write the number with the words around it as the report prints them, e.g. 'text: 2023年'");
                    continue;
                }
                if (e.text().chars().noneMatch(NumberInventory::isDigit)) {
                    problems.add(FILE, lines.line(at + ".text"), "the entry '" + Problem.quote(e.text())
                                    + "' holds no digit, so it allows nothing (条目中没有数字)",
                            "write the number with the words around it, e.g. 'text: 2023年'; or delete the entry");
                    continue;
                }
                if (IndicatorLoader.blank(e.what())) {
                    problems.add(FILE, lines.line(at), "the entry '" + Problem.quote(e.text())
                                    + "' does not say what the number is (缺少说明)",
                            "add 'what: …', e.g. 'what: 年份' or 'what: 热线号码，不是数量'");
                    continue;
                }
                Integer before = seen.putIfAbsent(e.text(), lines.line(at + ".text"));
                if (before != null) {
                    problems.add(FILE, lines.line(at + ".text"), "the entry '" + Problem.quote(e.text())
                            + "' is already listed at line " + before + " (条目重复)", "delete one of them");
                    continue;
                }
                kept.add(new Allowed(e.text(), e.what(), lines.line(at + ".text")));
            }
            return new NonQuantities(kept);
        } catch (ProblemsException e) {
            problems.addAll(e.problems());
            return NONE;
        }
    }
}
