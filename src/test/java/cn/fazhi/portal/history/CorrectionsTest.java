package cn.fazhi.portal.history;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.Pipeline;
import cn.fazhi.portal.load.SourceHistory;
import cn.fazhi.portal.testsupport.BrowserChecks;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Corrections (更正说明) from git history, on the fictional two-year fixture in a temporary
 * repository with dated commits: the 2031 report is published on 2032-03-15 (its :date:); a
 * change before that is drafting and never shown; a value and a sentence corrected after it are
 * shown on the pages that show them, on 更正记录 and in the feed, with the one-line commit message
 * as the reason. The 2032 report states no :date:, so nothing of it counts as a correction.
 */
class CorrectionsTest {

    static final String VALUE = "2032年6月1日更正：虚构案件数由1200件更正为1234件（更正原因：虚构案件数录入有误，按原件更正）";
    static final String SENTENCE = "2032年7月1日更正：“二、虚构第二部分”中“这是二〇三一年虚构第二部分的正文（起草时修改）。”"
            + "更正为“这是二〇三一年虚构第二部分更正后的正文。”（更正原因：订正第二部分的一句）";

    @TempDir
    Path tmp;

    private static void commit(Git git, String when, String message) throws Exception {
        PersonIdent who = new PersonIdent("虚构编辑", "editor@example.invalid", OffsetDateTime.parse(when).toInstant(),
                ZoneOffset.ofHours(8));
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    private static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to));
    }

    /** The fixture's history: drafting, publication, then two corrections of 2031 and an edit of undated 2032. */
    private Path history(Path repo) throws Exception {
        SourceHistory.readRepositoryOnly();
        Path src = Fixtures.sourceTree("two-years", repo.resolve("portal"));
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            commit(git, "2032-03-01T09:00:00+08:00", "录入2031年报告");
            replace(src.resolve("content/2031/02-gamma.adoc"), "部分的正文。", "部分的正文（起草时修改）。");
            commit(git, "2032-03-10T09:00:00+08:00", "起草中的修改");
            replace(src.resolve("data/2031.yaml"), "value: 1200", "value: 1234");
            commit(git, "2032-06-01T10:00:00+08:00", "虚构案件数录入有误，按原件更正");
            replace(src.resolve("content/2031/02-gamma.adoc"), "部分的正文（起草时修改）。", "部分更正后的正文。");
            replace(src.resolve("content/2032/index.adoc"), "前言。", "前言（修改）。");
            commit(git, "2032-07-01T10:00:00+08:00", "订正第二部分的一句");
        }
        return src;
    }

    private static Pipeline.Result build(Path src, Path out) {
        try (Pipeline pipeline = new Pipeline()) {
            return pipeline.build(new Pipeline.Options(src, out, false, null));
        }
    }

    private static String notices(Path page) throws Exception {
        Document d = Jsoup.parse(Files.readString(page));
        return String.join("\n", d.select("aside.corrections li").stream()
                .map(li -> li.text().replace(" 更正记录", "")).toList());
    }

    @Test
    void aValueAndASentenceChangedAfterPublicationAreShownWhereTheyStandOnTheRecordAndInTheFeed() throws Exception {
        Path repo = tmp.resolve("repo");
        Path src = history(repo);
        Path out = tmp.resolve("out");
        Pipeline.Result result = build(src, out);
        assertEquals(List.of(), result.warnings(), "a full history");

        assertEquals(VALUE, notices(out.resolve("2031/alpha.html")), "the section that states the figure");
        assertEquals(VALUE, notices(out.resolve("indicators/fictional-cases.html")));
        assertEquals(VALUE, notices(out.resolve("2031/figures.html")));
        assertEquals(SENTENCE, notices(out.resolve("2031/gamma.html")), "drafting before 2032-03-15 is not shown");
        assertEquals(SENTENCE + "\n" + VALUE, notices(out.resolve("2031/index.html")), "newest first");
        assertEquals("", notices(out.resolve("2032/index.html")), "a report without :date: has no corrections");
        assertEquals("", notices(out.resolve("2031/beta.html")));

        Document record = Jsoup.parse(Files.readString(out.resolve("corrections.html")));
        assertEquals(List.of(SENTENCE + " 查看所在页面", VALUE + " 查看所在页面"), record.select("ol.correction-list > li").eachText());
        assertEquals("2031/gamma.html", record.select("ol.correction-list > li a").first().attr("href"));
        assertTrue(Files.readString(out.resolve("index.html")).contains("corrections.html\">更正记录</a>"), "linked from every footer");
        assertTrue(Files.readString(out.resolve("sitemap.html")).contains(">更正记录</a>"), "listed in the site map");

        String feed = Files.readString(out.resolve("feed.xml"));
        assertTrue(feed.contains("<title>2031年报告更正：虚构案件数由1200件更正为1234件（更正原因：虚构案件数录入有误，按原件更正）</title>"), feed);
        assertTrue(feed.contains("<updated>2032-07-01T00:00:00+08:00</updated>\n  <author>"), "the feed's time is the newest correction");
        assertEquals(2, feed.split("<title>2031年报告更正：", -1).length - 1);

        assertTrue(Files.readString(out.resolve("2031/gamma.html"))
                .contains("更新日期：<time datetime=\"2032-07-01\">2032年7月1日</time>"), "the page's last change");
        assertTrue(Files.readString(out.resolve("2031/beta.html"))
                .contains("更新日期：<time datetime=\"2032-06-01\">2032年6月1日</time>"), "its file, and the values it states");

        // The notices and 更正记录 are valid HTML (Nu checker); the real site has no correction to show them.
        assertEquals(List.of(), cn.fazhi.portal.testsupport.HtmlValidator.validateDirectory(out));
        if (BrowserChecks.chromiumAvailable()) { // and pass axe, without scrolling sideways at 320 px
            try (BrowserChecks browser = BrowserChecks.start(out)) {
                BrowserChecks.Report report = browser.checkPages(List.of("corrections.html", "2031/index.html", "2031/gamma.html"));
                assertEquals(List.of(), report.violations(), report.describeViolations());
                assertEquals(List.of(), report.overflows(), report.describeOverflows());
            }
        }

        Path again = tmp.resolve("again");
        build(src, again);
        for (String path : List.of("corrections.html", "feed.xml", "2031/index.html", "2031/alpha.html")) {
            assertArrayEquals(Files.readAllBytes(out.resolve(path)), Files.readAllBytes(again.resolve(path)), path);
        }
    }

    @Test
    void aShallowCloneSaysPlainlyThatItCannotShowOlderCorrections() throws Exception {
        Path repo = tmp.resolve("repo");
        history(repo);
        Path clone = tmp.resolve("clone");
        try (Git git = Git.cloneRepository().setURI(repo.toUri().toString()).setDirectory(clone.toFile()).setDepth(1).call()) {
            assertFalse(git.getRepository().getObjectDatabase().getShallowCommits().isEmpty());
        }
        Path out = tmp.resolve("out");
        Pipeline.Result result = build(clone.resolve("portal"), out);
        assertEquals(List.of("git: error: history is shallow: corrections before 2032-07-01 cannot be shown (浅克隆)\n"
                        + "    hint: fetch the whole history: git fetch --unshallow (in a GitHub workflow: fetch-depth: 0 under actions/checkout)"),
                result.warnings().stream().map(cn.fazhi.portal.problems.Problem::format).toList());
        assertEquals("", notices(out.resolve("2031/gamma.html")), "the boundary commit is no correction");
        // check says so too, and check --strict fails on it: CI must not drop corrections unnoticed.
        try (Pipeline pipeline = new Pipeline()) {
            Pipeline.CheckResult checked = pipeline.check(clone.resolve("portal"));
            assertEquals(List.of(), checked.problems());
            assertEquals(result.warnings(), checked.warnings());
        }
    }
}
