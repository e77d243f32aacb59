package cn.fazhi.portal.load;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.Pipeline;
import cn.fazhi.portal.problems.ProblemsException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The date the feed gives a report without :date:: the last commit that changed the source folder,
 * else SOURCE_DATE_EPOCH, else none, and then no feed at all (never 1970-01-01).
 */
class SourceDateTest {

    static final Instant FIRST = Instant.parse("2040-01-02T03:04:05Z");
    static final Instant SECOND = Instant.parse("2041-05-06T07:08:09Z");

    @TempDir
    Path tmp;

    /** The fictional fixture with no :date: anywhere, in {@code dir}. */
    private static Path undated(Path dir) throws IOException {
        Path src = Fixtures.sourceTree("two-years", dir);
        Path landing = src.resolve("content/2031/index.adoc");
        Files.writeString(landing, Files.readString(landing).replace(":date: 2032-03-15\n", ""));
        return src;
    }

    private static void commit(Git git, Instant when) throws Exception {
        PersonIdent who = new PersonIdent("虚构编辑", "editor@example.invalid", when, ZoneOffset.ofHours(8));
        git.add().addFilepattern(".").call();
        git.commit().setMessage("虚构提交").setAuthor(who).setCommitter(who).setSign(false).call();
    }

    private static String build(Path src, Path out) throws IOException {
        try (Pipeline pipeline = new Pipeline()) {
            pipeline.build(new Pipeline.Options(src, out, false, null));
        }
        return Files.exists(out.resolve("feed.xml")) ? Files.readString(out.resolve("feed.xml")) : "";
    }

    @Test
    void anUndatedReportTakesTheTimeOfTheLastCommitThatChangedItsContentOrData() throws Exception {
        LastCommit.readRepositoryOnly();
        Path repo = tmp.resolve("repo");
        Path src = undated(repo.resolve("portal"));
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            commit(git, FIRST);
            Files.writeString(repo.resolve("other.txt"), "不属于门户的文件\n");
            commit(git, SECOND); // changes nothing in portal/
            Files.writeString(src.resolve("README.md"), "门户说明（虚构）\n");
            commit(git, SECOND.plusSeconds(60)); // changes portal/, but not its content/ or data/
        }
        assertEquals(Optional.of(FIRST), SourceDate.of(new SourceTree(src), null).instant(),
                "the last commit that changed the report's own files, content/ and data/");
        assertEquals(Optional.of(FIRST), SourceDate.of(new SourceTree(src), "1700000000").instant(), "git first");
        String feed = build(src, tmp.resolve("out"));
        // The day of that commit in China, as the year pages show it (更新日期).
        assertTrue(feed.contains("  <updated>2040-01-02T00:00:00+08:00</updated>\n  <author>"), feed);
        assertEquals(3, feed.split(java.util.regex.Pattern.quote("<updated>2040-01-02T00:00:00+08:00</updated>"), -1).length - 1, "the feed and both entries");
        assertTrue(Files.readString(tmp.resolve("out/2031/alpha.html")).contains("更新日期：<time datetime=\"2040-01-02\">2040年1月2日</time>"));
        assertFalse(feed.contains("<published>"), "a commit is no publication date");
        // A folder git does not track (a copy inside a repository) has no commit date.
        Path untracked = undated(repo.resolve("copy"));
        assertEquals(Optional.empty(), SourceDate.of(new SourceTree(untracked), null).instant());
        ProblemsException e = assertThrows(ProblemsException.class, () -> SourceDate.of(new SourceTree(src), "yesterday"));
        assertEquals("SOURCE_DATE_EPOCH: error: the environment variable SOURCE_DATE_EPOCH='yesterday' is not a number"
                + " of seconds since 1970\n    hint: unset it, or set it to the last commit's time:"
                + " SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)", e.problems().get(0).format());
    }

    @Test
    void withoutAnyDateThereIsNoFeedAndNoPageLinksToOne() throws Exception {
        assumeTrue(System.getenv("SOURCE_DATE_EPOCH") == null, "SOURCE_DATE_EPOCH is set");
        Path src = undated(tmp.resolve("src"));
        Path out = tmp.resolve("out");
        assertEquals("", build(src, out), "no feed.xml");
        assertFalse(Files.readString(out.resolve("index.html")).contains("feed.xml"));
        assertFalse(Files.readString(out.resolve("2031/index.html")).contains("application/atom+xml"));
        assertEquals(Optional.of(Instant.ofEpochSecond(1700000000)), SourceDate.of(new SourceTree(src), "1700000000").instant());
        ProblemsException e = assertThrows(ProblemsException.class, () -> SourceDate.of(new SourceTree(src), "yesterday"));
        assertEquals("unset it, or set it to a number of seconds since 1970, e.g. SOURCE_DATE_EPOCH=1700000000",
                e.problems().get(0).hint(), "no git command outside a git work tree");
    }
}
