package cn.fazhi.portal.robust;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.cli.Cli;
import cn.fazhi.portal.testsupport.SiteTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue of mistakes an editor can make, each run as {@link Catalogue} runs it: exit 1, a
 * message naming file, line, what is wrong and a hint, no stack trace, the previous output untouched.
 */
class BadInputCatalogueTest extends CatalogueTest {

    static void replace(Path file, String from, String to) throws IOException {
        Catalogue.replace(file, from, to);
    }

    static Arguments bad(String name, Catalogue.Damage damage, String where, String what, String hint) {
        return Arguments.of(name, damage, where, what, hint);
    }

    /**
     * The fixture with a count of settled cases (1146 of the 1200 cases of 2031, or {@code settled})
     * and the arithmetic rules given; the first rule stands at data/indicators.yaml:27.
     */
    static void withRules(Path s, String settled, String rules) throws IOException {
        Path defs = s.resolve("data/indicators.yaml");
        Files.writeString(defs, Files.readString(defs) + """
                  - id: fictional-settled
                    name: 虚构结案数
                    unit: 件
                    area: alpha-area
                    definition: 虚构市办结的虚构案件数量（测试用）。
                rules:
                """ + rules);
        Path values = s.resolve("data/2031.yaml");
        Files.writeString(values, Files.readString(values) + "  - indicator: fictional-settled\n    value: " + settled
                + "\n    wording: N\n    section: alpha\n");
    }

    static Stream<Arguments> catalogue() {
        return Stream.of(
                bad("YAML syntax error", s -> replace(s.resolve("data/2031.yaml"), "values:\n", "values: [\n"),
                        "data/2031.yaml:", "the YAML is malformed", "indentation"),
                bad("tab indentation", s -> replace(s.resolve("data/2031.yaml"), "    value: 1200", "\tvalue: 1200"),
                        "data/2031.yaml:4:", "the YAML is malformed", "never tabs"),
                bad("text where a number belongs", s -> replace(s.resolve("data/2031.yaml"), "value: 1200", "value: 一千二百"),
                        "data/2031.yaml:4:", "must be a number", "without quotes or units"),
                bad("duplicate key", s -> replace(s.resolve("data/2031.yaml"), "    value: 1200\n", "    value: 1200\n    value: 1300\n"),
                        "data/2031.yaml:5:", "duplicate field 'value'", "each field may appear once"),
                bad("duplicate indicator id", s -> replace(s.resolve("data/indicators.yaml"), "id: fictional-amount", "id: fictional-cases"),
                        "data/indicators.yaml:16:", "defined twice", "defined once"),
                bad("unknown field", s -> replace(s.resolve("data/indicators.yaml"), "    unit: 件\n", "    unit: 件\n    colour: red\n"),
                        "data/indicators.yaml:9:", "unknown field 'colour'", "allowed fields here"),
                bad("value for an undefined indicator", s -> replace(s.resolve("data/2032.yaml"), "indicator: fictional-rate", "indicator: fictional-rat"),
                        "data/2032.yaml:7:", "undefined indicator 'fictional-rat' (did you mean 'fictional-rate'?)", "define it"),
                bad("percentage whose wording drops the %", s -> replace(s.resolve("data/2031.yaml"), "    wording: N%", "    wording: N"),
                        "data/2031.yaml:9:", "the unit of 'fictional-rate' is '%', but the wording 'N' prints the number without % (百分号缺失)",
                        "write 'wording: N%': the page then prints 95.5% and the open data 0.955; delete a % typed after ind:fictional-rate[] in the text"),
                bad("percentage without a wording", s -> replace(s.resolve("data/2032.yaml"), "    value: 97.25\n    wording: N%\n", "    value: 97.25\n"),
                        "data/2032.yaml:7:", "the unit of 'fictional-rate' is '%', but there is no wording, and the default 'N' prints the number without % (百分号缺失)",
                        "write 'wording: N%': the page then prints 97.25% and the open data 0.9725; delete a % typed after ind:fictional-rate[] in the text"),
                bad("% wording under another unit", s -> replace(s.resolve("data/2031.yaml"), "    value: 1200\n    wording: N\n", "    value: 1200\n    wording: N%\n"),
                        "data/2031.yaml:5:", "the wording 'N%' prints a %, but the unit of 'fictional-cases' is '件' (单位不符)",
                        "write the wording without %, e.g. 'wording: N'; or, if the figure is a percentage, give 'fictional-cases' the unit '%' in data/indicators.yaml"),
                bad("missing unit", s -> replace(s.resolve("data/indicators.yaml"), "    unit: 元\n", ""),
                        "data/indicators.yaml:16:", "has no 'unit'", "add 'unit: …'"),
                bad("section without title", s -> replace(s.resolve("content/2031/02-gamma.adoc"), "= 二、虚构第二部分", "二、虚构第二部分"),
                        "content/2031/02-gamma.adoc:1:", "has no title", "make the first line '= 二、虚构第二部分'"),
                bad("headings numbered out of order", s -> {
                            replace(s.resolve("content/2031/01-alpha.adoc"), "= 一、虚构第一部分", "= 二、虚构第一部分");
                            replace(s.resolve("content/2031/02-gamma.adoc"), "= 二、虚构第二部分", "= 一、虚构第二部分");
                        },
                        "content/2031/02-gamma.adoc:1:", "the heading '一、' comes after '二、' of 01-alpha.adoc: sections are read in the order of their file numbers (编号顺序不符)",
                        "swap the numbers of this file and 01-alpha.adoc (rename both files), keeping the names after the numbers (they are the page addresses); or, if a heading is mistyped, correct it to the official text"),
                bad("headings out of order in a git work tree", s -> {
                            Files.createDirectories(s.resolve(".git"));
                            Files.writeString(s.resolve("content/2031/01-00-first.adoc"), "= (二)虚构小节\n\n正文。\n");
                        },
                        "content/2031/01-01-beta.adoc:1:", "the heading '(一)' comes after '(二)' of 01-00-first.adoc: sections are read in the order of their file numbers (编号顺序不符)",
                        "swap the numbers of this file and 01-00-first.adoc with git mv, keeping the names after the numbers (they are the page addresses); or, if a heading is mistyped, correct it to the official text"),
                bad("heading number repeated", s -> Files.writeString(s.resolve("content/2031/01-02-delta.adoc"), "= (一)虚构重复小节\n\n正文。\n"),
                        "content/2031/01-02-delta.adoc:1:", "the heading '(一)' repeats the number of 01-01-beta.adoc (编号重复)",
                        "correct the heading to the official text, or, if this file repeats 01-01-beta.adoc, delete one of them"),
                bad("impossible date", s -> replace(s.resolve("content/2031/index.adoc"), ":date: 2032-03-15", ":date: 2023-02-30"),
                        "content/2031/index.adoc:3:", "'2023-02-30' is not a valid date", "YYYY-MM-DD"),
                bad("unknown header attribute", s -> replace(s.resolve("content/2031/index.adoc"), ":date: 2032-03-15\n", ":date: 2032-03-15\n:doc-number: 虚政发〔2032〕1号\n"),
                        "content/2031/index.adoc:4:", "unknown header attribute ':doc-number:' (did you mean ':index-number:'?) (未知的文件头属性)",
                        "a report's index.adoc takes :issuer:, :date:, :status:, :source-url:, :index-number:, :document-number: and :written-date: (see the editors' guide 编辑指南, 添加一个年度), and the portal shows no other: write the fact in the text, or delete the line"),
                bad("source address that is no web address", s -> replace(s.resolve("content/2031/index.adoc"), ":date: 2032-03-15\n", ":date: 2032-03-15\n:source-url: javascript:alert(1)\n"),
                        "content/2031/index.adoc:4:", "the source address 'javascript:alert(1)' is not an http(s) web address: it must start with https:// or http:// (原文链接无效)",
                        "write the address of the official publication as the browser shows it, starting with http:// or https://, e.g. :source-url: http://www.example.gov.cn/zfxxgk/content-1.html"),
                bad("impossible written date", s -> replace(s.resolve("content/2031/index.adoc"), ":date: 2032-03-15\n", ":date: 2032-03-15\n:written-date: 2032-3-1\n"),
                        "content/2031/index.adoc:4:", "'2032-3-1' is not a valid date (日期无效)", "e.g. :written-date: 2024-03-29"),
                bad("misspelt header attribute of a section", s -> replace(s.resolve("content/2032/02-draft-part.adoc"), ":status: draft", ":stauts: draft"),
                        "content/2032/02-draft-part.adoc:2:", "unknown header attribute ':stauts:' (did you mean ':status:'?) (未知的文件头属性)",
                        "a section takes only :status: (:issuer: and :date: belong in the year's index.adoc), and the portal shows no other: write the fact in the text, or delete the line"),
                bad("header attribute of a page about the site", s -> Files.writeString(s.resolve("content/pages/about.adoc"), "= 关于本站\n:author: 虚构作者\n\n正文。\n"),
                        "content/pages/about.adoc:2:", "unknown header attribute ':author:' (未知的文件头属性)",
                        "a page about the site takes no attributes, and the portal shows none: write the fact in the text, or delete the line"),
                bad("unknown indicator reference", s -> replace(s.resolve("content/2031/01-alpha.adoc"), "ind:fictional-cases[]", "ind:fictional-cses[]"),
                        "content/2031/01-alpha.adoc:3:", "unknown indicator 'fictional-cses' (did you mean 'fictional-cases'?)", "data/indicators.yaml"),
                bad("include outside the source tree", s -> replace(s.resolve("content/2031/02-gamma.adoc"), "\n这是", "\ninclude::../../../../etc/passwd[]\n\n这是"),
                        "content/2031/02-gamma.adoc:3:", "include:: is not allowed", "put the text itself"),
                bad("empty file", s -> Files.writeString(s.resolve("content/2031/02-gamma.adoc"), ""),
                        "content/2031/02-gamma.adoc:1:", "the file is empty", "start the file with a title line"),
                bad("year folder that is not a year", s -> Files.createDirectories(s.resolve("content/2031年")),
                        "content/2031年:", "is not a year", "four-digit year"),
                bad("same slug twice", s -> Files.writeString(s.resolve("content/2031/03-alpha.adoc"), "= 三、重复\n\n正文。\n"),
                        "content/2031/03-alpha.adoc:", "already used by content/2031/01-alpha.adoc", "another name"),
                bad("non-ASCII file name", s -> Files.writeString(s.resolve("content/2031/03-第三部分.adoc"), "= 三、第三部分\n\n正文。\n"),
                        "content/2031/03-第三部分.adoc:", "not plain ASCII", "lowercase ASCII letters"),
                bad("missing content folder", s -> Fixtures.deleteTree(s.resolve("content")),
                        "content:", "there is no content/ folder", "--source"),
                bad("file that is not UTF-8", s -> Files.write(s.resolve("content/2031/02-gamma.adoc"),
                                "= 二、虚构第二部分\n\n这是正文。\n".getBytes(Charset.forName("GB18030"))),
                        "content/2031/02-gamma.adoc:1:", "is not UTF-8", "UTF-8"),
                bad("raw HTML block", s -> replace(s.resolve("content/2031/02-gamma.adoc"), "\n这是", "\n++++\n<script>alert(1)</script>\n++++\n\n这是"),
                        "content/2031/02-gamma.adoc:3:", "raw HTML blocks (++++ or [pass]) are not allowed", "write the content in AsciiDoc"),
                bad("inline raw HTML", s -> replace(s.resolve("content/2031/02-gamma.adoc"), "正文。", "正文pass:[<img src=x onerror=alert(1)>]。"),
                        "content/2031/02-gamma.adoc:3:", "inline raw HTML", "without pass:[]"),
                bad("javascript link", s -> replace(s.resolve("content/2031/02-gamma.adoc"), "正文。", "正文link:javascript:alert(1)[点击]。"),
                        "content/2031/02-gamma.adoc:3:", "the link '点击' goes to a script or data address", "link only to web pages"),
                bad("template mistake", s -> replace(s.resolve("templates/section.ftl"), "<h1>${content.frame.title}</h1>", "<h1>${content.frame.titel}</h1>"),
                        "templates/section.ftl:6:", "uses a value this page does not have: content.frame.titel (模板引用了不存在的值)",
                        "undo the last change to this template"),
                bad("template syntax error", s -> replace(s.resolve("templates/section.ftl"), "<h1>${content.frame.title}</h1>", "<h1>${content.frame.title</h1>"),
                        "templates/section.ftl:6:", "not well formed at column 27: Encountered \"/\" (模板语法错误)",
                        "undo the last change to this template"),
                bad("malformed site settings", s -> replace(s.resolve("data/site.yaml"), "name:", "nmae:"),
                        "data/site.yaml:1:", "unknown field 'nmae'", "name"),
                bad("non-quantity without text", s -> replace(s.resolve("data/non-quantities.yaml"), "  - text: 虚构市2031年\n    what:", "  - what:"),
                        "data/non-quantities.yaml:3:", "an entry of the list of non-quantities has no 'text' (缺少原文)",
                        "write the number with the words around it as the report prints them, e.g. 'text: 2023年'"),
                bad("non-quantity without a digit", s -> replace(s.resolve("data/non-quantities.yaml"), "text: 虚构市2031年", "text: 虚构市年"),
                        "data/non-quantities.yaml:3:", "the entry '虚构市年' holds no digit, so it allows nothing (条目中没有数字)",
                        "write the number with the words around it, e.g. 'text: 2023年'; or delete the entry"),
                bad("non-quantity that does not say what it is", s -> replace(s.resolve("data/non-quantities.yaml"),
                                "    what: 年份：报告标题中的报告年度\n  - text: 虚构市2032年", "  - text: 虚构市2032年"),
                        "data/non-quantities.yaml:3:", "the entry '虚构市2031年' does not say what the number is (缺少说明)",
                        "add 'what: …', e.g. 'what: 年份' or 'what: 热线号码，不是数量'"),
                bad("non-quantity listed twice", s -> replace(s.resolve("data/non-quantities.yaml"), "text: 虚构市2032年", "text: 虚构市2031年"),
                        "data/non-quantities.yaml:5:", "the entry '虚构市2031年' is already listed at line 3 (条目重复)", "delete one of them"),
                bad("malformed arithmetic rule", s -> withRules(s, "1146", "  - sum: [fictional-settled]\n"),
                        "data/indicators.yaml:27:", "a rule is either 'sum:' with 'equals:', 'rate:' with 'numerator:' and 'denominator:', or 'cumulative:' (规则无效)",
                        "see the editors' guide 编辑指南, 核对规则"),
                bad("arithmetic rule naming an undefined indicator", s -> withRules(s, "1146", "  - cumulative: fictional-cses\n"),
                        "data/indicators.yaml:27:", "the rule names an undefined indicator 'fictional-cses' (did you mean 'fictional-cases'?) (未定义的指标)",
                        "use the id of an indicator defined under 'indicators:'"),
                bad("sum that does not add up", s -> withRules(s, "1146", "  - sum: [fictional-settled]\n    equals: fictional-cases\n"),
                        "data/2031.yaml:4:", "2031: the sum of fictional-settled 1146 is 1146, but fictional-cases is 1200 (合计不符)",
                        "the rule at data/indicators.yaml:27 says they add up; correct the values to the official text, or delete the rule if the official text does not add up"),
                bad("rate that is not the ratio", s -> withRules(s, "1150", "  - rate: fictional-rate\n    numerator: fictional-settled\n    denominator: fictional-cases\n"),
                        "data/2031.yaml:8:", "2031: fictional-rate is 95.5%, but fictional-settled 1150 / fictional-cases 1200 is 95.83% (比率不符)",
                        "the rule at data/indicators.yaml:27 says the rate is their ratio; correct the values to the official text, or delete the rule if the official rate is computed otherwise"),
                bad("cumulative figure that decreases", s -> {
                            withRules(s, "1146", "  - cumulative: fictional-cases\n");
                            replace(s.resolve("data/2032.yaml"), "value: 1500", "value: 1100");
                        },
                        "data/2032.yaml:4:", "fictional-cases is 1100 in 2032, less than 1200 in 2031, but a cumulative (累计) figure never decreases (累计数减少)",
                        "the rule at data/indicators.yaml:27 says it is cumulative; correct the value to the official text, or delete the rule if the figure counts one year only"));
    }

    /** A warning: build and check pass and print it; check --strict fails on it. */
    static Arguments warning(String name, Catalogue.Damage damage, String where, String what, String hint) {
        return Arguments.of(name, damage, where, what, hint);
    }

    static Stream<Arguments> warnings() {
        return Stream.of(
                warning("number neither bound nor allowed", s -> replace(s.resolve("content/2031/02-gamma.adoc"), "正文。", "正文,共开展检查37次。"),
                        "content/2031/02-gamma.adoc:3:", "the number 37 in ',共开展检查37次。' is neither bound to an indicator nor on the list of non-quantities (未绑定的数字)",
                        "if it is a figure of the report, write ind:<indicator-id>[] in its place and its value in data/2031.yaml;"
                                + " if it is not (a year, a name, a hotline number), add it with the words around it to data/non-quantities.yaml,"
                                + " e.g. 'text: 37次' and 'what: …' (see the editors' guide 编辑指南, 不是数量的数字)"),
                warning("non-quantity no report uses", s -> Files.writeString(s.resolve("data/non-quantities.yaml"),
                                Files.readString(s.resolve("data/non-quantities.yaml")) + "  - text: 2099年\n    what: 虚构年份\n"),
                        "data/non-quantities.yaml:7:", "the entry '2099年' allows no number of any report (未用到的条目)",
                        "the text must stand in a report exactly as written here, the number with the words around it;"
                                + " correct it, or delete the entry if the report no longer has the number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warnings")
    void eachWarningIsPrintedBuildAndCheckPassAndCheckStrictFails(String name, Catalogue.Damage damage, String where,
                                                                  String what, String hint) throws IOException {
        Path src = Fixtures.sourceTreeWithOwnTheme("two-years", tmp.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + "-src"));
        damage.apply(src);
        Cli.Run build = Cli.run("build", "--source", src.toString(), "--output", tmp.resolve("warned-site").toString());
        assertEquals(0, build.exit(), build.err());
        String message = build.err().lines().filter(l -> l.startsWith(where)).findFirst().orElse("");
        assertTrue(message.contains(": warning: ") && message.contains(what), build.err());
        assertTrue(build.err().contains("hint: " + hint), build.err());
        assertTrue(build.err().contains("1 warning; the site is built all the same (有警告，已构建)."), build.err());
        Cli.Run check = Cli.run("check", "--source", src.toString());
        assertEquals(0, check.exit(), check.err());
        assertTrue(check.err().contains(message) && check.err().contains("1 warning found; check --strict would fail on them (有警告)."),
                check.err());
        Cli.Run strict = Cli.run("check", "--strict", "--source", src.toString());
        assertEquals(1, strict.exit(), strict.err());
        assertTrue(strict.err().contains(message)
                && strict.err().contains("1 warning found, and --strict counts warnings as problems (严格检查未通过)."), strict.err());
    }

    @Test
    void checkRemindsOfLastYearsMissingReportButStrictDoesNotFailOnIt() {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("calendar-src"));
        java.time.Clock april = java.time.Clock.fixed(java.time.Instant.parse("2034-04-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        try (cn.fazhi.portal.Pipeline pipeline = new cn.fazhi.portal.Pipeline()) {
            cn.fazhi.portal.Pipeline.CheckResult r = pipeline.check(src, april);
            assertEquals(java.util.List.of(), r.problems());
            assertEquals(java.util.List.of(), r.warnings(), "the reminder is no warning about the sources: --strict passes");
            assertEquals(java.util.List.of("content/2033: warning: today, 2034-04-01, there is no published report for 2033:"
                    + " it was due before 2034-04-01 (年度报告逾期未公开)\n    hint: 《法治政府建设与责任落实督察工作规定》 asks for"
                    + " each year's report before 1 April of the next year; add content/2033/ once the report is made public"
                    + " (see the editors' guide 编辑指南, 添加一个年度). This reminder depends on today's date, so check --strict"
                    + " does not fail on it"), r.calendar().stream().map(cn.fazhi.portal.problems.Problem::format).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void eachMistakeGetsAClearMessageAndLeavesThePreviousSiteUntouched(String name, Catalogue.Damage damage, String where,
                                                                       String what, String hint) throws IOException {
        Catalogue.expectRefused(tmp, good, name, damage, where, what, hint);
    }

    /** A warning, not a refusal: the site is built without the corrections the shallow history cannot hold. */
    @Test
    void aShallowHistoryIsAWarningThatSaysWhatCannotBeShown() {
        cn.fazhi.portal.load.SourceHistory shallow = new cn.fazhi.portal.load.SourceHistory(Map.of(), java.util.Optional.empty(),
                java.util.Optional.of(java.time.Instant.parse("2032-06-30T20:00:00Z")), java.util.List.of());
        assertEquals("git: error: history is shallow: corrections before 2032-07-01 cannot be shown (浅克隆)\n"
                        + "    hint: fetch the whole history: git fetch --unshallow (in a GitHub workflow: fetch-depth: 0 under actions/checkout)",
                cn.fazhi.portal.history.Shallow.warning(shallow).orElseThrow().format(), "build prints it with 'warning:' for 'error:'");
    }

    @Test
    void aTitleHintNeverHoldsAFigureReference() throws IOException {
        // The title line deleted: the first line is now the text's first paragraph, which cites a figure.
        String err = Catalogue.expectRefused(tmp, good, "title deleted above a figure reference",
                s -> Files.writeString(s.resolve("content/2031/01-01-beta.adoc"), "(一)虚构金额ind:fictional-amount[]元\n\n正文。\n"),
                "content/2031/01-01-beta.adoc:1:", "the file has no title: its first line must be '= ' followed by the title (缺少标题)",
                "make the first line '= ' followed by the title, e.g. '= （一）章节标题'");
        assertFalse(err.lines().filter(l -> l.contains("hint:")).anyMatch(l -> l.contains("ind:")), err);
    }

    @Test
    void checkReportsEveryProblemAtOnceSortedByFileAndLineThenASummary() throws IOException {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("many-src"));
        replace(src.resolve("data/2031.yaml"), "value: 1200", "value: abc");
        replace(src.resolve("content/2032/index.adoc"), "= 虚构市", "虚构市");
        Files.writeString(src.resolve("content/2031/02-gamma.adoc"), "");
        Files.createDirectories(src.resolve("content/draft"));
        Cli.Run check = Cli.run("check", "--source", src.toString());
        assertEquals(1, check.exit());
        java.util.List<String> errors = check.err().lines().filter(l -> l.contains(": error: ")).toList();
        assertEquals(4, errors.size(), check.err());
        assertEquals(errors.stream().sorted().toList(), errors, "sorted by file and line");
        assertTrue(check.err().strip().endsWith("4 problems found; nothing was published (发现问题，未发布)."), check.err());
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndingsGiveTheSameSite() throws IOException {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("crlf-src"));
        try (Stream<Path> walk = Files.walk(src.resolve("content"))) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".adoc")).toList()) {
                Files.write(p, ("\uFEFF" + Files.readString(p).replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
            }
        }
        Path yaml = src.resolve("data/2031.yaml");
        Files.write(yaml, ("\uFEFF" + Files.readString(yaml).replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        Path out = tmp.resolve("crlf-site");
        Cli.Run r = Cli.run("build", "--source", src.toString(), "--output", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(good.checksums(), SiteTrees.checksums(out));
    }
}
