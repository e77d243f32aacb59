package cn.fazhi.portal.check;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.cli.Cli;
import cn.fazhi.portal.render.Hyperlinks;
import cn.fazhi.portal.testsupport.BuiltSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code check} fails on an internal link or #fragment that does not resolve, naming the page and
 * the link, and on success lists the external links, sorted and once each, without fetching them.
 */
class LinkIntegrityTest {

    static Cli.Run run(String... args) {
        return Cli.run(args);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file) + "\n" + text + "\n");
    }

    /** Runs {@code check} on the fictional two-year tree with {@code text} added to files: (file, text) pairs. */
    private static Cli.Run checkWithAdded(Path tmp, String... fileThenText) throws IOException {
        Path src = Fixtures.sourceTree("two-years", tmp);
        for (int i = 0; i < fileThenText.length; i += 2) {
            append(src.resolve(fileThenText[i]), fileThenText[i + 1]);
        }
        return run("check", "--source", src.toString());
    }

    @Test
    void aLinkToAMissingPageAndAMissingAnchorFailCheckNamingThePageAndTheLink(@TempDir Path tmp) throws IOException {
        Cli.Run r = checkWithAdded(tmp, "content/2031/02-gamma.adoc", "详见link:no-such-page.html[另一页面]。",
                "content/2031/01-01-beta.adoc", "参见<<no-such-anchor,某段>>和link:gamma.html#gamma-p9[第九段]。");

        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("site/2031/gamma.html: error: broken link 'no-such-page.html': no such file"), r.err());
        assertTrue(r.err().contains("site/2031/beta.html: error: broken link '#no-such-anchor': no element with id 'no-such-anchor'"),
                r.err());
        assertTrue(r.err().contains("site/2031/beta.html: error: broken link 'gamma.html#gamma-p9': no element with id 'gamma-p9'"),
                r.err());
        // The same section text is on the year page too, so the broken links are named there as well.
        assertTrue(r.err().contains("site/2031/index.html: error: broken link 'no-such-page.html'"), r.err());
        assertTrue(r.err().contains("nothing was published"), r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace for editors: " + r.err());
    }

    @Test
    void aRootRelativeLinkFailsCheckBecauseItBreaksUnderASubPath(@TempDir Path tmp) throws IOException {
        Cli.Run r = checkWithAdded(tmp, "content/2032/01-alpha.adoc", "link:/2031/index.html[上一年]");

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("site/2032/alpha.html: error: broken link '/2031/index.html': "
                + "root-relative links break when the site is served from a sub-path"), r.err());
    }

    @Test
    void checkListsExternalLinksSortedAndOnceEachWithoutFetchingThem(@TempDir Path tmp) throws IOException {
        // .invalid is reserved (RFC 2606): fetching these would fail, so listing them proves they are not fetched.
        Cli.Run r = checkWithAdded(tmp,
                "content/2031/02-gamma.adoc", "见link:https://zzz.example.invalid/b[乙]与link:https://aaa.example.invalid/a[甲]。",
                "content/2032/01-alpha.adoc", "又见link:https://zzz.example.invalid/b[乙]。");

        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        int at = lines.indexOf("2 external links (外部链接，未访问):");
        assertTrue(at >= 0, r.out());
        assertEquals(List.of("  https://aaa.example.invalid/a", "  https://zzz.example.invalid/b"), lines.subList(at + 1, at + 3));
        assertEquals(at + 3, lines.size(), "nothing else is listed: " + r.out());
    }

    @Test
    void theBuiltSiteHasNoBrokenLinkAndItsCanonicalSitemapAndFeedAddressesAreChecked(@TempDir Path tmp) throws IOException {
        // The fixture as `build --source <fixture> --output <dir>` made it, copied: this test damages it.
        Path out = BuiltSites.copy(BuiltSites.twoYears(), tmp.resolve("out"));
        LinkChecker.Report ok = new LinkChecker("https://example.invalid/demo/").check(out);
        assertEquals(List.of(), ok.broken());
        assertEquals(java.util.Set.of(), ok.external(), "canonical, sitemap and feed addresses are internal");

        // Damage the sitemap: a page it lists is gone.
        Files.delete(out.resolve("2031/gamma.html"));
        LinkChecker.Report broken = new LinkChecker("https://example.invalid/demo/").check(out);
        assertTrue(broken.broken().stream().anyMatch(b -> b.page().equals("sitemap.xml")
                && b.link().equals("https://example.invalid/demo/2031/gamma.html")), broken.broken().toString());
    }

    /**
     * A page's converted parts are checked with the links and ids found when they were prepared, not
     * parsed again: the recorded links here differ from the part's text on purpose, to show which
     * are used. A part the page does not hold exactly is parsed with the rest of the page.
     */
    @Test
    void aPagesConvertedPartsAreCheckedWithTheirRecordedLinksAndParsedWhenNotHeldExactly(@TempDir Path site) throws IOException {
        String part = "<div class=\"paragraph\" id=\"s-p1\"><p><a href=\"missing.html\">某页</a></p></div>";
        Files.writeString(site.resolve("a.html"), "<!DOCTYPE html><html lang=\"zh-CN\"><head><title>a</title></head><body>"
                + "<nav><a href=\"b.html\">b</a></nav><article>" + part + "</article></body></html>");
        Files.writeString(site.resolve("b.html"), "<!DOCTYPE html><html lang=\"zh-CN\"><head><title>b</title></head><body>"
                + "<a href=\"a.html#s-p1\">段落</a> <a href=\"a.html#s-p2\">另一段</a></body></html>");
        Hyperlinks recorded = new Hyperlinks(List.of("recorded.html"), List.of("s-p2"));

        LinkChecker.Scans held = new LinkChecker.Scans();
        held.scan(site.resolve("a.html"), List.of(new LinkChecker.Embedded(part, recorded)));
        List<String> found = new LinkChecker().check(site, held).broken().stream().map(LinkChecker.BrokenLink::format).toList();
        assertEquals(List.of("a.html: broken link 'recorded.html' (no such file)",
                "b.html: broken link 'a.html#s-p1' (no element with id 's-p1')"), found);

        LinkChecker.Scans notHeld = new LinkChecker.Scans();
        notHeld.scan(site.resolve("a.html"), List.of(new LinkChecker.Embedded(part.replace("某页", "别页"), recorded)));
        found = new LinkChecker().check(site, notHeld).broken().stream().map(LinkChecker.BrokenLink::format).toList();
        assertEquals(List.of("a.html: broken link 'missing.html' (no such file)",
                "b.html: broken link 'a.html#s-p2' (no element with id 's-p2')"), found);
    }
}
