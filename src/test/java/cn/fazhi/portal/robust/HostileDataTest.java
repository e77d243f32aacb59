package cn.fazhi.portal.robust;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.cli.Cli;
import cn.fazhi.portal.load.TextFile;
import cn.fazhi.portal.load.YamlFiles;
import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.ProblemsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input in data, templates and figure references (issue 16): numbers no report states,
 * YAML that multiplies or nests without end, template code that reaches Java, a figure reference
 * split over two lines. Each is refused as {@link Catalogue} checks it: exit 1, the exact message
 * with file and line, a hint, no stack trace, the last good site byte-identical. Bounds are tested
 * with inputs just over them, never with timings. And spreadsheet formulas in the downloads.
 */
class HostileDataTest extends CatalogueTest {

    private static final String NUMBER_HINT = "at most 18 digits before the decimal point and 6 after it";
    private static final String TEMPLATE_HINT = "a template may use only the page's values and the other templates in templates/";

    static Arguments bad(String name, Catalogue.Damage damage, String where, String what, String hint) {
        return Arguments.of(name, damage, where, what, hint);
    }

    static Catalogue.Damage value(String value) {
        return s -> Catalogue.replace(s.resolve("data/2031.yaml"), "value: 1200", "value: " + value);
    }

    static Catalogue.Damage template(String replacement) {
        return s -> Catalogue.replace(s.resolve("templates/section.ftl"), "<h1>${content.frame.title}</h1>", replacement);
    }

    static Catalogue.Damage append(String yaml) {
        return s -> Files.writeString(s.resolve("data/2031.yaml"), Files.readString(s.resolve("data/2031.yaml")) + yaml);
    }

    static Stream<Arguments> catalogue() {
        return Stream.of(
                // 1e99999999 used to hang in Wording.quantity (setScale), 1e999999999 to crash.
                bad("exponent that hangs", value("1e99999999"), "data/2031.yaml:4:",
                        "the value 1e99999999 is too large to be a figure of a report (数值超出范围)", NUMBER_HINT),
                bad("exponent that crashes", value("1e999999999"), "data/2031.yaml:4:",
                        "the value 1e999999999 is too large to be a figure of a report (数值超出范围)", NUMBER_HINT),
                bad("exponent beyond Java's range", value("1e2147483648"), "data/2031.yaml:4:",
                        "the value 1e2147483648 is too large to be a figure of a report (数值超出范围)", NUMBER_HINT),
                bad("19 integer digits", value("1234567890123456789"), "data/2031.yaml:4:",
                        "the value 1234567890123456789 is too large to be a figure of a report (数值超出范围)", NUMBER_HINT),
                bad("7 decimal places", value("0.1234567"), "data/2031.yaml:4:",
                        "the value 0.1234567 has more than 6 decimal places, more than a figure of a report has (数值超出范围)", NUMBER_HINT),
                bad("negative exponent", value("1e-999999999"), "data/2031.yaml:4:",
                        "the value 1e-999999999 has more than 6 decimal places, more than a figure of a report has (数值超出范围)", NUMBER_HINT),
                bad("infinity", value(".inf"), "data/2031.yaml:4:",
                        "'values[0].value' has the value '.inf', but it must be a number (类型错误)", "write a number"),
                // Three levels (the file, the list of values, an entry) and 18 brackets: 21 levels.
                bad("deep nesting", s -> Catalogue.replace(s.resolve("data/2031.yaml"), "    section: alpha\n",
                                "    section: " + "[".repeat(18) + "]".repeat(18) + "\n"),
                        "data/2031.yaml:6:", "the YAML is nested more than 20 levels deep (YAML 嵌套过深)", "check the indentation and the brackets"),
                // Eleven aliases of lists, each level multiplying the one below.
                bad("alias bomb", append("lol: &a [lol, lol, lol, lol, lol]\nb: &b [*a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b]\nd: [*c]\n"),
                        "data/2031.yaml:18:", "the YAML uses more than 10 aliases (*name) of lists or groups (YAML 别名过多)",
                        "write the entries out in full"),
                bad("unclosed flow sequence", append("broken: [unclosed,\n  - : :\n"),
                        "data/2031.yaml:16:", "the YAML is malformed: expected the node content, but found '-' (YAML 格式错误)",
                        "check the indentation"),
                bad("Execute?new", template("<h1>${\"freemarker.template.utility.Execute\"?new()(\"id\")}</h1>"),
                        "templates/section.ftl:6:", "it makes the Java object freemarker.template.utility.Execute, "
                                + "which a template may not do (模板不允许创建 Java 对象)", TEMPLATE_HINT),
                bad("?api", template("<h1>${content?api.get(\"title\")}</h1>"),
                        "templates/section.ftl:6:", "it uses ?api, which a template may not use (模板不允许使用 ?api)", TEMPLATE_HINT),
                bad("include outside templates", template("<#include \"../data/site.yaml\">"),
                        "templates/section.ftl:6:", "it includes \"../data/site.yaml\", outside templates/, which a template may not read "
                                + "(模板不允许读取 templates/ 以外的文件)", TEMPLATE_HINT),
                bad("include far outside the source", template("<#include \"../../../../../../../etc/passwd\">"),
                        "templates/section.ftl:6:", "outside templates/, which a template may not read", TEMPLATE_HINT),
                // Left as text before, or, with brackets closing on the next line, a fault of the portal.
                bad("ind: macro split over two lines", s -> Catalogue.replace(s.resolve("content/2031/01-alpha.adoc"),
                                "ind:fictional-cases[]", "ind:fictional-\ncases[]"),
                        "content/2031/01-alpha.adoc:3:", "the figure reference 'ind:fictional-' is split over two lines (指标引用被拆行)",
                        "write the whole reference on one line"),
                bad("ind: brackets closing on the next line", s -> Catalogue.replace(s.resolve("content/2032/01-alpha.adoc"),
                                "ind:fictional-cases[]", "ind:fictional-amount[\n]"),
                        "content/2032/01-alpha.adoc:3:", "the figure reference 'ind:fictional-amount[' is split over two lines (指标引用被拆行)",
                        "write the whole reference on one line"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void eachHostileInputIsRefusedWithItsMessageAndLeavesThePreviousSiteUntouched(String name, Catalogue.Damage damage,
                                                                                String where, String what, String hint)
            throws IOException {
        Catalogue.expectRefused(tmp, good, name, damage, where, what, hint);
    }

    /** Just over the length bound; read directly, as a file that long is refused before a build (too slow to build). */
    @Test
    void aDataFileLongerThanTheBoundIsRefusedAtTheLineWhereItGoesPast() {
        String entry = "  - indicator: fictional-cases\n"; // 31 characters
        int entries = 16 * 1024 * 1024 / entry.length() + 1;
        String text = "values:\n" + entry.repeat(entries);
        TextFile file = new TextFile(Path.of("2031.yaml"), "data/2031.yaml", text);
        ProblemsException e = assertThrows(ProblemsException.class, () -> new YamlFiles().read(file, Object.class));
        Problem p = e.problems().get(0);
        assertEquals("data/2031.yaml", p.file());
        assertEquals(2 + (16 * 1024 * 1024 - "values:\n".length()) / entry.length(), p.line());
        assertEquals("the file is longer than 16777216 characters, more than a data file can be (YAML 文件过长)", p.message());
        assertTrue(p.hint().contains("pasted or generated"), p.hint());
    }

    @Test
    void theLargestNumbersAReportCanStateAreAccepted() throws IOException {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("bounds-src"));
        Catalogue.replace(src.resolve("data/2031.yaml"), "value: 1200", "value: 123456789012345678.123456");
        Catalogue.replace(src.resolve("data/2031.yaml"), "value: 95.5", "value: 9.5e1");
        Cli.Run r = Cli.run("build", "--source", src.toString(), "--output", tmp.resolve("bounds-site").toString());
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralisedWhileTheJsonAndTheNumbersStayExact() throws IOException {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("csv-src"));
        Path defs = src.resolve("data/indicators.yaml");
        String formula = "=HYPERLINK(\"http://evil.example\",\"点击\")";
        Catalogue.replace(defs, "name: 虚构案件数", "name: '" + formula + "'");
        Catalogue.replace(defs, "name: 虚构满意率", "name: \"\\t虚构满意率\"");
        Catalogue.replace(defs, "name: 虚构金额", "name: \"\\r虚构金额\"");
        Catalogue.replace(defs, "name: 虚构工作领域", "name: '@虚构工作领域'");
        Catalogue.replace(defs, "unit: 件", "unit: '+件'");
        Catalogue.replace(defs, "unit: 元", "unit: '-元'");
        Catalogue.replace(src.resolve("data/2031.yaml"), "value: 1200", "value: -1200");
        Catalogue.replace(src.resolve("content/2031/01-alpha.adoc"), "= 一、虚构第一部分", "= -一、虚构第一部分");
        Path out = tmp.resolve("csv-site");
        Cli.Run r = Cli.run("build", "--source", src.toString(), "--output", out.toString());
        assertEquals(0, r.exit(), r.err());
        // Screen readers hear the name beside each figure; Asciidoctor must not make a link of it.
        org.jsoup.nodes.Document page = Fixtures.html(out.resolve("2031/alpha.html"));
        assertEquals(List.of(), page.select("a[href*=evil]").eachAttr("href"), "no link made from an indicator's name");
        assertTrue(page.select("a.figure .visually-hidden").eachText().contains("（指标：" + formula + "）"),
                page.select("a.figure").outerHtml());

        Map<String, Map<String, String>> csv = new HashMap<>();
        csvRows(out.resolve("opendata/2031.csv")).forEach(row -> csv.put(row.get("indicator_id"), row));
        Map<String, String> cases = csv.get("fictional-cases");
        assertEquals("'" + formula, cases.get("indicator_name"));
        assertEquals("'@虚构工作领域", cases.get("area"));
        assertEquals("'+件", cases.get("unit"));
        assertEquals("-1200", cases.get("value"), "the number is exact");
        assertEquals("-1200", cases.get("printed"), "a plain number is no formula");
        assertEquals("'-一、虚构第一部分", cases.get("source_section"));
        assertEquals("'\t虚构满意率", csv.get("fictional-rate").get("indicator_name"));
        assertEquals("95.5%", csv.get("fictional-rate").get("printed"), "a plain number is no formula");
        assertEquals("'\r虚构金额", csv.get("fictional-amount").get("indicator_name"));
        assertEquals("'-元", csv.get("fictional-amount").get("unit"));
        assertEquals("30000000", csv.get("fictional-amount").get("value"));
        List<Map<String, String>> all = csvRows(out.resolve("opendata/indicators.csv"));
        assertEquals(5, all.size());
        assertTrue(all.stream().allMatch(row -> row.get("indicator_name").startsWith("'") && row.get("area").startsWith("'@")), all.toString());

        JsonNode json = new ObjectMapper().readTree(out.resolve("opendata/2031.json").toFile());
        Map<String, JsonNode> figures = new HashMap<>();
        json.get("figures").forEach(f -> figures.put(f.get("indicator_id").asText(), f));
        assertEquals(formula, figures.get("fictional-cases").get("indicator_name").asText(), "the JSON keeps the exact text");
        assertEquals("@虚构工作领域", figures.get("fictional-cases").get("area").asText());
        assertEquals("+件", figures.get("fictional-cases").get("unit").asText());
        assertEquals("-一、虚构第一部分", figures.get("fictional-cases").get("source_section").asText());
        assertEquals(-1200, figures.get("fictional-cases").get("value").asInt());
        assertEquals("\t虚构满意率", figures.get("fictional-rate").get("indicator_name").asText());
        assertEquals("\r虚构金额", figures.get("fictional-amount").get("indicator_name").asText());
        JsonNode indicators = new ObjectMapper().readTree(out.resolve("opendata/indicators.json").toFile());
        assertEquals(formula, indicators.get("indicators").get(0).get("name").asText());
    }

    /** The rows of a CSV download, each cell's text as a spreadsheet reads it (quotes undone). */
    private static List<Map<String, String>> csvRows(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"));
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text.substring(1))) {
            return it.readAll();
        }
    }
}
