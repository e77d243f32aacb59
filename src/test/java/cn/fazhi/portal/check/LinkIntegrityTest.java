package cn.fazhi.portal.check;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.cli.Cli;
import cn.fazhi.portal.output.OutputCatalog;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.testsupport.Catalogs;
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
        LinkChecker.Report ok = LinkChecker.check(Catalogs.read(out), DEMO);
        assertEquals(List.of(), ok.broken());
        assertEquals(java.util.Set.of(), ok.external(), "canonical, sitemap and feed addresses are internal");

        // Damage the sitemap: a page it lists is gone.
        Files.delete(out.resolve("2031/gamma.html"));
        LinkChecker.Report broken = LinkChecker.check(Catalogs.read(out), DEMO);
        assertTrue(broken.broken().stream().anyMatch(b -> b.page().equals("sitemap.xml")
                && b.link().equals("https://example.invalid/demo/2031/gamma.html")), broken.broken().toString());
    }

    private static final Addresses DEMO = Addresses.of("https://example.invalid/demo/");

    private static String page(String body) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><title>t</title></head><body>" + body + "</body></html>";
    }

    /** The check on pages held in memory: every kind of link it resolves, and each reason it gives. */
    @Test
    void linksAreResolvedAgainstTheCatalogWithAReasonForEachBrokenOne() {
        OutputCatalog site = Catalogs.of(
                "index.html", page("<a href=\"2031/\">年</a><a href=\"2031\">年</a><a href=\"css/site.css\">css</a>"
                        + "<a href=\"https://example.invalid/demo/\">home</a><a href=\"https://b.example.invalid/x\">ext</a>"
                        + "<a href=\"https://a.example.invalid/y\">ext</a><a href=\"data:,x\">data</a>"),
                "css/site.css", "body{}",
                "2031/index.html", page("<p id=\"p1\">一</p><a href=\"#p1\">段</a><a href=\"#p2\">缺</a>"
                        + "<a href=\"../index.html\">首页</a><a href=\"../../etc/passwd\">外</a><a href=\"/2031/index.html\">根</a>"
                        + "<a href=\"a.html#p1\">缺页</a><a href=\"index.html?q=1#p1\">查询</a><a href=\"http://[bad\">坏</a>"),
                "404.html", page("<a href=\"/demo/css/site.css\">css</a><a href=\"/demo/2031/index.html#p1\">年</a>"
                        + "<a href=\"/demo/missing.html\">缺</a><a href=\"css/site.css\">相对，从根目录</a>"),
                "sitemap.xml", "<?xml version=\"1.0\"?><urlset><url><loc>https://example.invalid/demo/2031/index.html</loc></url>"
                        + "<url><loc>https://example.invalid/demo/gone.html</loc></url></urlset>");

        LinkChecker.Report r = LinkChecker.check(site, DEMO);

        assertEquals(List.of(
                "2031/index.html: broken link '#p2' (no element with id 'p2')",
                "2031/index.html: broken link '../../etc/passwd' (points outside the site)",
                "2031/index.html: broken link '/2031/index.html' (root-relative links break when the site is served from a sub-path)",
                "2031/index.html: broken link 'a.html#p1' (no such file)",
                "2031/index.html: broken link 'http://[bad' (not a valid address)",
                "404.html: broken link '/demo/missing.html' (no such file)",
                "sitemap.xml: broken link 'https://example.invalid/demo/gone.html' (no such file)"),
                r.broken().stream().map(LinkChecker.BrokenLink::format).toList());
        assertEquals(List.of("https://a.example.invalid/y", "https://b.example.invalid/x"), List.copyOf(r.external()));
        assertEquals(3, r.pages());
    }
}
