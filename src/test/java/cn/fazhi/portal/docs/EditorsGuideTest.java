package cn.fazhi.portal.docs;

import cn.fazhi.portal.cli.Main;
import cn.fazhi.portal.load.SiteConfig;
import cn.fazhi.portal.load.SourceLimits;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editors' guide (docs/编辑指南.md) is kept in step with the tool in the ways a machine can
 * check: README links to it near the top; it names every command, every option and every setting
 * of data/site.yaml; every message its 消息一览 quotes can still be printed; and every message term
 * the code prints in Chinese (the "(文件为空)" of a message) is in it.
 *
 * <p>How 消息一览 is read: each row of a table there whose first cell quotes messages in backticks
 * ({@code `the file is empty (文件为空)`}, hints too). {@code …} stands for a variable part, and
 * numbers are not compared (many are constants the code joins into the text). What is left must be
 * made of the string literals of src/main/java (and the lines of src/main/resources, which hold the
 * starter workflow's messages): one text, or the end of one followed by whole ones and the start of
 * another, as the code joins them with {@code +} (pieces of a join are punctuation or at least four
 * characters long). A part at the start of a message starts where a literal starts, one at its end
 * ends where a literal ends. This is a heuristic: it catches a reworded or removed message, not every
 * change of one word at its edges. A subsection whose heading contains 其他程序 lists
 * messages of Java, picocli and sha256sum, and is not checked.
 */
class EditorsGuideTest {

    static final Path GUIDE = Path.of("docs", "编辑指南.md");
    static final Path README = Path.of("README.md");
    static final String MESSAGES = "## 消息一览";
    static final String NOT_OURS = "其他程序";

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readmeLinksToTheGuideBeforeTheCommandReference() {
        String readme = read(README);
        int link = readme.indexOf("](docs/编辑指南.md)");
        int commands = readme.indexOf("\n## Command line");
        assertTrue(link > 0, "README links to docs/编辑指南.md");
        assertTrue(commands > 0 && link < commands, "the link stands near the top, before 'Command line'");
        assertTrue(Files.isRegularFile(GUIDE));
    }

    @Test
    void theGuideNamesEveryCommandAndOption() {
        String guide = read(GUIDE);
        CommandLine cli = new CommandLine(new Main());
        List<String> missing = new ArrayList<>();
        cli.getCommandSpec().options().forEach(o -> {
            if (!guide.contains(o.longestName())) {
                missing.add(o.longestName());
            }
        });
        cli.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            if (!guide.contains("portal.jar " + name)) {
                missing.add("java -jar portal.jar " + name);
            }
            sub.getCommandSpec().options().forEach(o -> {
                if (!guide.contains(o.longestName())) {
                    missing.add(name + " " + o.longestName());
                }
            });
        });
        assertEquals(List.of(), missing, "commands and options the guide does not name");
    }

    @Test
    void theGuideExplainsEverySetting() {
        String guide = read(GUIDE);
        List<String> missing = new ArrayList<>();
        for (Class<?> settings : List.of(SiteConfig.class, SourceLimits.class)) {
            for (RecordComponent c : settings.getRecordComponents()) {
                String yaml = snakeCase(c.getName());
                if (!guide.contains("`" + yaml + "`")) {
                    missing.add(yaml);
                }
            }
        }
        assertEquals(List.of(), missing, "settings of data/site.yaml the guide does not name in backticks");
    }

    @Test
    void everyMessageTheGuideQuotesCanStillBePrinted() {
        List<String> literals = literals();
        List<String> quoted = quotedMessages(read(GUIDE));
        assertTrue(quoted.size() > 100, "the catalogue holds the messages: " + quoted.size());
        List<String> stale = quoted.stream().filter(m -> !printable(m, literals)).toList();
        assertEquals(List.of(), stale, "messages in 消息一览 that the code no longer prints as written");
    }

    @Test
    void everyChineseTermOfAMessageIsInTheGuide() {
        String guide = read(GUIDE);
        Pattern term = Pattern.compile("(?<= )\\([^()]*\\p{IsHan}[^()]*\\)");
        Set<String> missing = new TreeSet<>();
        for (String literal : javaLiterals()) {
            Matcher m = term.matcher(literal);
            while (m.find()) {
                if (!guide.contains(m.group())) {
                    missing.add(m.group());
                }
            }
        }
        assertEquals(Set.of(), missing, "message terms printed by the code and absent from the guide (add the message to 消息一览)");
    }

    @Test
    void theCheckerFindsStaleMessages() {
        List<String> literals = List.of("the file is empty (文件为空)", "the value ", " is too large (数值超出范围)",
                "' (did you mean '", "'?)");
        assertTrue(printable("the file is empty (文件为空)", literals));
        assertTrue(printable("the value … is too large (数值超出范围)", literals));
        assertTrue(printable("the value 1e9 is too large (数值超出范围)", literals));
        assertTrue(printable("' (did you mean '…'?)", literals));
        assertFalse(printable("the file is blank (文件为空)", literals));
        assertFalse(printable("the value … is much too large (数值超出范围)", literals));
        assertFalse(printable("he file is empty (文件为空)", literals), "a message starts where a literal starts");
        assertFalse(printable("the file is empty (文件为空).", literals), "a message ends where a literal ends");
        assertTrue(printable("… is too large (数值超出范围)", literals));
        assertEquals(List.of("a|b", "c `d` e"), codeSpans("x `a\\|b` y ``c `d` e`` z"));
    }

    /** The messages and hints quoted in the first cells of 消息一览's tables, but for those of other programs. */
    static List<String> quotedMessages(String guide) {
        int start = guide.indexOf("\n" + MESSAGES);
        assertTrue(start >= 0, "the guide has " + MESSAGES);
        int end = guide.indexOf("\n## ", start + 1);
        String section = guide.substring(start, end < 0 ? guide.length() : end);
        List<String> quoted = new ArrayList<>();
        boolean checked = true;
        for (String line : section.split("\n")) {
            if (line.startsWith("### ")) {
                checked = !line.contains(NOT_OURS);
            } else if (checked && line.startsWith("|") && !line.startsWith("|---")) {
                String first = cells(line).get(0);
                if (!first.equals("消息")) {
                    quoted.addAll(codeSpans(first));
                }
            }
        }
        return quoted;
    }

    /** The cells of a table row, split at '|' that is not escaped. */
    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\' && i + 1 < row.length() && row.charAt(i + 1) == '|') {
                cell.append("\\|");
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return cells;
    }

    /** The code spans of a cell: a run of backticks up to the next run of the same length; {@code \|} is '|'. */
    static List<String> codeSpans(String text) {
        List<String> spans = new ArrayList<>();
        int i = 0;
        while ((i = text.indexOf('`', i)) >= 0) {
            int n = 0;
            while (i + n < text.length() && text.charAt(i + n) == '`') {
                n++;
            }
            String fence = "`".repeat(n);
            int close = i + n;
            while (true) {
                close = text.indexOf(fence, close);
                if (close < 0 || close + n >= text.length() || text.charAt(close + n) != '`') {
                    break;
                }
                close += n + 1;
            }
            if (close < 0) {
                break;
            }
            String span = text.substring(i + n, close);
            if (span.length() > 1 && span.startsWith(" ") && span.endsWith(" ")) {
                span = span.substring(1, span.length() - 1);
            }
            spans.add(span.replace("\\|", "|"));
            i = close + n;
        }
        return spans;
    }

    /**
     * Whether the code can print {@code message}: each part between '…' and numbers is made of
     * literals, the first starting where a literal starts and the last ending where one ends.
     */
    static boolean printable(String message, List<String> literals) {
        Matcher variable = VARIABLE.matcher(message);
        int from = 0;
        while (true) {
            boolean found = variable.find();
            int to = found ? variable.start() : message.length();
            String part = message.substring(from, to);
            if (!part.isEmpty() && !madeOf(part, literals, from == 0, !found)) {
                return false;
            }
            if (!found) {
                return true;
            }
            from = variable.end();
        }
    }

    /** What a message quoted in the guide leaves to the code: '…', and numbers. */
    static final Pattern VARIABLE = Pattern.compile("…|\\d+");

    /**
     * Whether {@code part} is inside one literal, or is the end of one literal, then whole literals,
     * then the start of another (as {@code "a" + b + "c"} joins them, with the variable {@code b}
     * empty or given as a literal elsewhere). At the start of a message it must start where a literal
     * starts ({@code atStart}), at its end end where one ends ({@code atEnd}).
     */
    static boolean madeOf(String part, List<String> literals, boolean atStart, boolean atEnd) {
        boolean[] reach = new boolean[part.length() + 1];
        for (String l : literals) {
            for (int at = l.indexOf(part); at >= 0; at = l.indexOf(part, at + 1)) {
                if ((!atStart || at == 0) && (!atEnd || at + part.length() == l.length())) {
                    return true;
                }
            }
            for (int k = l.indexOf(part.charAt(0)); k >= 0 && (!atStart || k == 0); k = l.indexOf(part.charAt(0), k + 1)) {
                int len = l.length() - k;
                if (len < part.length() && part.regionMatches(0, l, k, len) && joinable(part.substring(0, len))) {
                    reach[len] = true;
                }
            }
        }
        for (int i = 1; i < part.length(); i++) {
            if (!reach[i]) {
                continue;
            }
            String rest = part.substring(i);
            for (String l : literals) {
                if (l.isEmpty() || !joinable(l)) {
                    continue;
                }
                if (rest.startsWith(l)) {
                    reach[i + l.length()] = true;
                } else if (!atEnd && l.startsWith(rest) && joinable(rest)) {
                    return true;
                }
            }
        }
        return reach[part.length()];
    }

    /**
     * Whether a piece may be joined to others: punctuation ({@code "'"}, {@code ": "}), or at least
     * four characters. A short word ({@code "no "}) would let almost any reworded text pass.
     */
    static boolean joinable(String piece) {
        return piece.length() >= 4 || piece.codePoints().noneMatch(Character::isLetter);
    }

    /** The string literals of src/main/java and the lines of src/main/resources. */
    static List<String> literals() {
        List<String> all = new ArrayList<>(javaLiterals());
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "resources"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                // A workflow's line: echo "::error::text $VARIABLE text" gives the texts.
                read(f).lines().forEach(line -> all.addAll(List.of(line.strip().split("\"|::error::|\\$\\{?\\w+}?"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    static List<String> javaLiterals() {
        Set<String> all = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                for (String literal : stringLiterals(read(f))) {
                    all.add(literal);
                    if (literal.strip().startsWith("hint: ")) {
                        all.add(literal.strip().substring("hint: ".length())); // a hint line printed by hand
                    }
                    if (literal.contains("%")) {
                        all.addAll(List.of(PLACEHOLDER.split(literal, -1))); // printf's %d, %s, %.1f, %n
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(all);
    }

    static final Pattern PLACEHOLDER = Pattern.compile("%(?:\\d+\\$)?[-#+ 0,(]*\\d*(?:\\.\\d+)?[a-zA-Z]");

    /** The string literals of a Java source, unescaped; comments and character literals skipped. */
    static List<String> stringLiterals(String java) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < java.length()) {
            char c = java.charAt(i);
            if (java.startsWith("//", i)) {
                int nl = java.indexOf('\n', i);
                i = nl < 0 ? java.length() : nl + 1;
            } else if (java.startsWith("/*", i)) {
                int close = java.indexOf("*/", i + 2);
                i = close < 0 ? java.length() : close + 2;
            } else if (java.startsWith("\"\"\"", i)) {
                int close = java.indexOf("\"\"\"", i + 3);
                literals.add(unescape(java.substring(java.indexOf('\n', i) + 1, close)));
                i = close + 3;
            } else if (c == '"' || c == '\'') {
                StringBuilder s = new StringBuilder();
                int j = i + 1;
                while (j < java.length() && java.charAt(j) != c) {
                    if (java.charAt(j) == '\\') {
                        s.append(java, j, j + 2);
                        j += 2;
                    } else {
                        s.append(java.charAt(j++));
                    }
                }
                if (c == '"') {
                    literals.add(unescape(s.toString()));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    while (s.charAt(i) == 'u') {
                        i++;
                    }
                    out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 3;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    /** {@code baseUrl} as data/site.yaml spells it: {@code base_url}. */
    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
