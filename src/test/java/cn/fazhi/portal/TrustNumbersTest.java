package cn.fazhi.portal;

import cn.fazhi.portal.cli.Cli;
import cn.fazhi.portal.problems.Problem;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every number accounted for, arithmetic rules and the statutory calendar: the real report
 * accounts for every number; the fictional fixture (虚构市, 2031/2032) proves the rest.
 */
class TrustNumbersTest {

    @TempDir
    Path tmp;

    /** A clock fixed at {@code instant} (UTC), as a check passes it: never the machine's. */
    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    static Pipeline.CheckResult check(Path source, Clock clock) {
        try (Pipeline pipeline = new Pipeline()) {
            return pipeline.check(source, clock);
        }
    }

    static Path fixture(Path tmp) {
        return Fixtures.sourceTree("two-years", tmp.resolve("src"));
    }

    static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file) + text);
    }

    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " contains " + from);
        Files.writeString(file, text.replace(from, to));
    }

    static List<String> formatted(List<Problem> problems) {
        return problems.stream().sorted(Problem.BY_FILE_AND_LINE).map(Problem::format).toList();
    }

    // ---- every number accounted for

    @Test
    void theRealReportAccountsForEveryNumberAndTheCalendarIsQuiet() {
        Pipeline.CheckResult r = check(Fixtures.REPO, at("2026-12-07T00:00:00Z"));
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(), formatted(r.warnings()));
        assertEquals(List.of(), r.calendar(), "an archive of one report is not reminded every day");
    }

    @Test
    void theFixtureAccountsForEveryNumber() {
        Pipeline.CheckResult r = check(fixture(tmp), at("2033-01-10T00:00:00Z"));
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(), formatted(r.warnings()));
    }

    @Test
    void anUnboundNumberIsAWarningWithFileLineTheNumberAndAHint() throws IOException {
        Path src = fixture(tmp);
        replace(src.resolve("content/2031/02-gamma.adoc"), "正文。", "正文,共开展检查37次。");
        List<String> w = formatted(check(src, at("2033-01-10T00:00:00Z")).warnings());
        assertEquals(1, w.size(), w.toString());
        assertEquals("content/2031/02-gamma.adoc:3: warning: the number 37 in ',共开展检查37次。' is neither bound to an"
                + " indicator nor on the list of non-quantities (未绑定的数字)\n"
                + "    hint: if it is a figure of the report, write ind:<indicator-id>[] in its place and its value in"
                + " data/2031.yaml; if it is not (a year, a name, a hotline number), add it with the words around it to"
                + " data/non-quantities.yaml, e.g. 'text: 37次' and 'what: …' (see the editors' guide 编辑指南, 不是数量的数字)", w.get(0));
    }

    @Test
    void whatIsNotPublishedAsWordsIsNotCounted() throws IOException {
        Path src = fixture(tmp);
        Files.writeString(src.resolve("content/2031/02-gamma.adoc"), String.join("\n",
                "= 二、虚构第二部分",
                ":status: published",
                "",
                "// 注释中的数字 1234 不算",
                "////",
                "块注释中的 5678 也不算",
                "////",
                "[#p-2]",
                "== 1.2 小标题的编号不算",
                "",
                "这是正文,链接 https://example.gov.cn/2031/a.html[网站] 与 link:https://example.gov.cn/files/2031.pdf[文件]、<<p-2,上文>>的目标不算,"
                        + "{empty}引用ind:fictional-cases[]件也不算。",
                ""));
        replace(src.resolve("content/2032/02-draft-part.adoc"), "这是草稿", "这是草稿,草稿中的99件不算");
        Pipeline.CheckResult r = check(src, at("2033-01-10T00:00:00Z"));
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(), formatted(r.warnings()));
    }

    @Test
    void anEntryAllowsANumberOnlyInItsContext() throws IOException {
        Path src = fixture(tmp);
        append(src.resolve("data/non-quantities.yaml"), "  - text: “12348”热线\n    what: 虚构热线号码\n");
        replace(src.resolve("content/2031/02-gamma.adoc"), "正文。", "正文,“12348”热线受理12348件,112348”热线。");
        List<String> w = formatted(check(src, at("2033-01-10T00:00:00Z")).warnings());
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.stream().anyMatch(l -> l.contains("the number 12348 in '8”热线受理12348件,1123'")), w.toString());
        assertTrue(w.stream().anyMatch(l -> l.contains("the number 112348 in ")), w.toString());
    }

    @Test
    void anEntryNoReportUsesIsAWarning() throws IOException {
        Path src = fixture(tmp);
        append(src.resolve("data/non-quantities.yaml"), "  - text: 2099年\n    what: 虚构年份\n");
        List<String> w = formatted(check(src, at("2033-01-10T00:00:00Z")).warnings());
        assertEquals(List.of("data/non-quantities.yaml:7: warning: the entry '2099年' allows no number of any report (未用到的条目)\n"
                + "    hint: the text must stand in a report exactly as written here, the number with the words around it;"
                + " correct it, or delete the entry if the report no longer has the number"), w);
    }

    @Test
    void warningsLetBuildAndCheckPassButCheckStrictFails() throws IOException {
        Path src = fixture(tmp);
        replace(src.resolve("content/2031/02-gamma.adoc"), "正文。", "正文,共开展检查37次。");
        String line = "content/2031/02-gamma.adoc:3: warning: the number 37 in";

        Cli.Run build = Cli.run("build", "--source", src.toString(), "--output", tmp.resolve("site").toString());
        assertEquals(0, build.exit(), build.err());
        assertTrue(build.err().contains(line), build.err());
        assertTrue(build.err().contains("1 warning; the site is built all the same (有警告，已构建)."), build.err());
        assertTrue(Files.isRegularFile(tmp.resolve("site/index.html")));

        Cli.Run check = Cli.run("check", "--source", src.toString());
        assertEquals(0, check.exit(), check.err());
        assertTrue(check.err().contains(line), check.err());
        assertTrue(check.err().contains("1 warning found; check --strict would fail on them (有警告)."), check.err());
        assertTrue(check.out().contains("No problems found (检查通过)."), check.out());

        Cli.Run strict = Cli.run("check", "--strict", "--source", src.toString());
        assertEquals(1, strict.exit(), strict.err());
        assertTrue(strict.err().contains(line), strict.err());
        assertTrue(strict.err().contains("1 warning found, and --strict counts warnings as problems (严格检查未通过)."), strict.err());

        Cli.Run clean = Cli.run("check", "--strict", "--source", fixture(tmp.resolve("clean")).toString());
        assertEquals(0, clean.exit(), clean.err());
    }

    // ---- arithmetic rules

    /** The fixture with a count of settled cases (1146 of 1200 in 2031: 95.5%) and the rules given. */
    static Path withRules(Path tmp, String rules) throws IOException {
        Path src = fixture(tmp);
        append(src.resolve("data/indicators.yaml"), """
                  - id: fictional-settled
                    name: 虚构结案数
                    unit: 件
                    area: alpha-area
                    definition: 虚构市办结的虚构案件数量（测试用）。
                  - id: fictional-pending
                    name: 虚构未结案数
                    unit: 件
                    area: alpha-area
                    definition: 虚构市未办结的虚构案件数量（测试用）。
                """ + rules);
        append(src.resolve("data/2031.yaml"), """
                  - indicator: fictional-settled
                    value: 1146
                    wording: N
                    section: alpha
                  - indicator: fictional-pending
                    value: 54
                    wording: N
                    section: alpha
                """);
        return src;
    }

    static final String RULES = """
            rules:
              - sum: [fictional-settled, fictional-pending]
                equals: fictional-cases
              - rate: fictional-rate
                numerator: fictional-settled
                denominator: fictional-cases
              - cumulative: fictional-cases
            """;

    @Test
    void rulesThatHoldPass() throws IOException {
        Pipeline.CheckResult r = check(withRules(tmp, RULES), at("2033-01-10T00:00:00Z"));
        assertEquals(List.of(), formatted(r.problems()));
    }

    @Test
    void aSumThatDoesNotAddUpIsAnErrorAtTheTotal() throws IOException {
        Path src = withRules(tmp, RULES);
        replace(src.resolve("data/2031.yaml"), "value: 54", "value: 64");
        List<String> p = formatted(check(src, at("2033-01-10T00:00:00Z")).problems());
        assertTrue(p.contains("data/2031.yaml:4: error: 2031: the sum of fictional-settled 1146 + fictional-pending 64 is 1210,"
                + " but fictional-cases is 1200 (合计不符)\n    hint: the rule at data/indicators.yaml:32 says they add up;"
                + " correct the values to the official text, or delete the rule if the official text does not add up"), p.toString());
        // The rate rule still holds (1146 / 1200), so the sum is the only problem.
        assertEquals(1, p.size(), p.toString());
    }

    @Test
    void aRateOutsideItsPrintedPrecisionIsAnError() throws IOException {
        Path src = withRules(tmp, RULES);
        replace(src.resolve("data/2031.yaml"), "value: 1146", "value: 1150");
        replace(src.resolve("data/2031.yaml"), "value: 54", "value: 50");
        assertEquals(List.of("data/2031.yaml:8: error: 2031: fictional-rate is 95.5%, but fictional-settled 1150 /"
                + " fictional-cases 1200 is 95.83% (比率不符)\n    hint: the rule at data/indicators.yaml:34 says the rate is"
                + " their ratio; correct the values to the official text, or delete the rule if the official rate is computed otherwise"),
                formatted(check(src, at("2033-01-10T00:00:00Z")).problems()));
        // 1146.2 / 1200 is 0.95517: still 95.5% as printed.
        replace(src.resolve("data/2031.yaml"), "value: 1150", "value: 1146.2");
        replace(src.resolve("data/2031.yaml"), "value: 50", "value: 53.8");
        assertEquals(List.of(), formatted(check(src, at("2033-01-10T00:00:00Z")).problems()));
    }

    @Test
    void aCumulativeFigureThatDecreasesIsAnError() throws IOException {
        Path src = withRules(tmp, RULES);
        replace(src.resolve("data/2032.yaml"), "value: 1500", "value: 1100");
        assertEquals(List.of("data/2032.yaml:4: error: fictional-cases is 1100 in 2032, less than 1200 in 2031, but a cumulative"
                + " (累计) figure never decreases (累计数减少)\n    hint: the rule at data/indicators.yaml:37 says it is cumulative;"
                + " correct the value to the official text, or delete the rule if the figure counts one year only"),
                formatted(check(src, at("2033-01-10T00:00:00Z")).problems()));
    }

    @Test
    void aMalformedRuleOrAnUnknownIndicatorIsAnErrorAtTheRule() throws IOException {
        Path src = withRules(tmp, "rules:\n  - sum: [fictional-settled]\n  - cumulative: fictional-cses\n");
        assertEquals(List.of("data/indicators.yaml:32: error: a rule is either 'sum:' with 'equals:', 'rate:' with 'numerator:'"
                        + " and 'denominator:', or 'cumulative:' (规则无效)\n    hint: see the editors' guide 编辑指南, 核对规则",
                "data/indicators.yaml:33: error: the rule names an undefined indicator 'fictional-cses' (did you mean"
                        + " 'fictional-cases'?) (未定义的指标)\n    hint: use the id of an indicator defined under 'indicators:'"),
                formatted(check(src, at("2033-01-10T00:00:00Z")).problems()));
    }

    // ---- statutory calendar

    @Test
    void aReportMadePublicAfter31MarchSaysSoOnItsYearPage() throws IOException {
        Path src = fixture(tmp);
        try (Pipeline pipeline = new Pipeline()) {
            pipeline.build(new Pipeline.Options(src, tmp.resolve("in-time"), false, null));
        }
        Document inTime = Fixtures.html(tmp.resolve("in-time/2031/index.html"));
        assertFalse(inTime.text().contains("逾期公开"), "2031 was made public on 2032-03-15");

        replace(src.resolve("content/2031/index.adoc"), ":date: 2032-03-15", ":date: 2032-04-01");
        try (Pipeline pipeline = new Pipeline()) {
            pipeline.build(new Pipeline.Options(src, tmp.resolve("late"), false, null));
        }
        Document late = Fixtures.html(tmp.resolve("late/2031/index.html"));
        assertEquals("逾期公开：本报告于2032年4月1日公开，晚于规定的2032年3月31日。",
                late.selectFirst("dl.report-meta div:contains(公开期限) dd").text());
    }

    @Test
    void checkRemindsOfLastYearsMissingReportFrom1AprilInShanghai() {
        Path src = fixture(tmp);
        // The fixture holds 2031 and 2032; 2033's report is due before 1 April 2034.
        assertEquals(List.of(), check(src, at("2034-03-31T15:59:59Z")).calendar(), "31 March, 23:59:59 in Shanghai");
        List<String> due = formatted(check(src, at("2034-03-31T16:00:00Z")).calendar());
        assertEquals(List.of("content/2033: warning: today, 2034-04-01, there is no published report for 2033: it was due"
                + " before 2034-04-01 (年度报告逾期未公开)\n    hint: 《法治政府建设与责任落实督察工作规定》 asks for each year's"
                + " report before 1 April of the next year; add content/2033/ once the report is made public (see the editors'"
                + " guide 编辑指南, 添加一个年度). This reminder depends on today's date, so check --strict does not fail on it"), due);
        assertEquals(List.of(), check(src, at("2033-06-01T00:00:00Z")).calendar(), "2032's report is there");
        assertEquals(List.of(), check(src, at("2035-06-01T00:00:00Z")).calendar(), "2033 is missing too: not kept year by year");
    }
}
