package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The bounds every YAML file is read within, by Jackson ({@link YamlFiles}) and by SnakeYAML
 * ({@link YamlLines}) alike, and the problem an editor gets when a file goes past one of them or
 * is not YAML at all. A data file is a list of entries with fields, four levels deep and a few
 * kilobytes a year; the bounds are far above that and far below what hangs or crashes a build
 * (an alias bomb, thousands of nested brackets, a file of gigabytes).
 */
final class YamlLimits {

    /** Levels of lists and groups; a data file uses four. */
    static final int MAX_DEPTH = 20;
    /** Aliases ({@code *name}) of lists or groups: each repeats a whole subtree, so a few can make billions. */
    static final int MAX_ALIASES = 10;
    /** Characters per file: a decade of figures is some tens of kilobytes. */
    static final int MAX_CODE_POINTS = 16 * 1024 * 1024;

    private static final String DEPTH = "Nesting Depth exceeded";
    private static final String ALIASES = "Number of aliases for non-scalar nodes exceeds";
    private static final String LENGTH = "The incoming YAML document exceeds the limit";

    private YamlLimits() {
    }

    /** SnakeYAML's options with the bounds (Jackson's YAMLFactory is given the same). */
    static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        // SnakeYAML refuses only a level past one more than its limit: 19 refuses the 21st level.
        options.setNestingDepthLimit(MAX_DEPTH - 1);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    /** The problem behind a SnakeYAML failure anywhere in {@code e}'s causes, if there is one. */
    static Optional<Problem> describe(TextFile file, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m) {
                return Optional.of(syntax(file, m));
            }
            if (t instanceof YAMLException y && y.getMessage() != null) {
                String message = y.getMessage();
                if (message.startsWith(DEPTH)) {
                    return Optional.of(tooDeep(file));
                }
                if (message.startsWith(ALIASES)) {
                    return Optional.of(tooManyAliases(file));
                }
                if (message.startsWith(LENGTH)) {
                    return Optional.of(tooLong(file));
                }
                return Optional.of(Problem.at(file.name(), 1, "the YAML cannot be read: " + firstLine(message) + " (YAML 格式错误)",
                        "check the file against the editors' guide 编辑指南, 添加一个指标"));
            }
        }
        return Optional.empty();
    }

    /** A syntax error, at SnakeYAML's line: the file is not YAML there. */
    static Problem syntax(TextFile file, MarkedYAMLException yaml) {
        String problem = yaml.getProblem() == null ? firstLine(String.valueOf(yaml.getMessage())) : yaml.getProblem();
        int at = yaml.getProblemMark() != null ? yaml.getProblemMark().getLine() + 1
                : yaml.getContextMark() != null ? yaml.getContextMark().getLine() + 1 : 1;
        String hint = problem.contains("\t") || problem.toLowerCase().contains("tab")
                ? "indent with spaces, never tabs (不要用 Tab 缩进)"
                : "check the indentation and the ':' after each field name; text with ':' or '#' needs quotes";
        return Problem.at(file.name(), at, "the YAML is malformed: " + problem + " (YAML 格式错误)", hint);
    }

    static Problem tooDeep(TextFile file) {
        return Problem.at(file.name(), lineOf(file, true), "the YAML is nested more than " + MAX_DEPTH
                        + " levels deep (YAML 嵌套过深)",
                "a data file needs four levels (a list of entries with fields); check the indentation and the brackets");
    }

    static Problem tooManyAliases(TextFile file) {
        return Problem.at(file.name(), lineOf(file, false), "the YAML uses more than " + MAX_ALIASES
                        + " aliases (*name) of lists or groups (YAML 别名过多)",
                "write the entries out in full instead of repeating them with anchors (&name) and aliases (*name)");
    }

    static Problem tooLong(TextFile file) {
        String text = file.text();
        int cut = text.codePointCount(0, text.length()) > MAX_CODE_POINTS ? text.offsetByCodePoints(0, MAX_CODE_POINTS) : text.length();
        int line = 1 + (int) text.substring(0, cut).chars().filter(c -> c == '\n').count();
        return Problem.at(file.name(), line, "the file is longer than " + MAX_CODE_POINTS
                        + " characters, more than a data file can be (YAML 文件过长)",
                "a data file holds some kilobytes of figures; check that nothing was pasted or generated into it by mistake");
    }

    /**
     * The line where the file first goes past the depth bound ({@code depth}) or the alias bound:
     * SnakeYAML's composer says only that it did. Its event parser keeps no stack of its own, so it
     * can walk any depth; it stops at the bound.
     */
    private static int lineOf(TextFile file, boolean depth) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        int level = 0;
        int aliases = 0;
        Set<String> collections = new HashSet<>();
        try {
            for (Event event : new Yaml(options).parse(new StringReader(file.text()))) {
                if (event instanceof CollectionStartEvent start) {
                    if (start.getAnchor() != null) {
                        collections.add(start.getAnchor());
                    }
                    if (depth && ++level > MAX_DEPTH) {
                        return event.getStartMark().getLine() + 1;
                    }
                } else if (event instanceof CollectionEndEvent) {
                    level--;
                } else if (!depth && event instanceof AliasEvent alias && collections.contains(alias.getAnchor())
                        && ++aliases > MAX_ALIASES) {
                    return event.getStartMark().getLine() + 1;
                }
            }
        } catch (YAMLException e) {
            // the composer got further than the parser: the bound was met before this, at line 1 at worst
        }
        return 1;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
