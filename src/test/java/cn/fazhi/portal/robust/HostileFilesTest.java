package cn.fazhi.portal.robust;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.cli.Cli;
import cn.fazhi.portal.testsupport.SiteTrees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a hostile commit (a careless editor, a stolen editor account) can put next to the content,
 * each refused as {@link Catalogue} checks it: exit 1, the exact message with its hint, no stack
 * trace, the last good site byte-identical. Links are real symbolic links; limits are tested with
 * inputs just over a small limit set in the fixture's data/site.yaml.
 */
class HostileFilesTest extends CatalogueTest {

    private static final String SECRET = "CI_DEPLOY_TOKEN=hunter2-do-not-publish";

    /** A file outside every source tree, as /proc/self/environ is. */
    static Path outside;

    @BeforeAll
    static void makeFilesOutsideTheSource() throws IOException {
        outside = tmp.resolve("outside");
        Files.createDirectories(outside.resolve("2033"));
        Files.writeString(outside.resolve("secret.txt"), "= 三、泄露\n\n" + SECRET + "\n");
        Files.writeString(outside.resolve("2033/index.adoc"), "= 虚构市2033年报告\n:issuer: 虚构机关\n\n" + SECRET + "\n");
    }

    static Arguments bad(String name, Catalogue.Damage damage, String where, String what, String hint) {
        return Arguments.of(name, damage, where, what, hint);
    }

    static Stream<Arguments> catalogue() {
        String link = "this is a symbolic link; links are not published (不允许使用符号链接)";
        String svgHint = "the portal refuses rather than silently cleaning the file";
        return Stream.of(
                // 2. names with control characters, escaped when printed
                bad("newline in a file name", s -> Files.writeString(s.resolve("content/2031/03-a\n::error::pwned.adoc"), "= 三、x\n"),
                        "content/2031/03-a\\n::error::pwned.adoc: ",
                        "the name contains the control character U+000A; printed, such a name can forge lines in a terminal"
                                + " or CI log (文件名含控制字符)", "rename it using letters, digits and '-' only"),
                bad("ESC in a file name", s -> Files.writeString(s.resolve("assets/x\u001b[31m.css"), "a{}"),
                        "assets/x\\u001b[31m.css: ", "the name contains the control character U+001B", "rename it"),
                bad("C1 control in a folder name", s -> Files.createDirectories(s.resolve("templates/a\u009bb")),
                        "templates/a\\u009bb: ", "the name contains the control character U+009B", "rename it"),
                // 3. size limits, just over a small limit
                bad("text file over the limit", s -> {
                    limits(s, "text_file_mib: 1");
                    Files.write(s.resolve("content/2031/03-big.adoc"), filled("= 三、大\n\n", 1024 * 1024 + 1));
                }, "content/2031/03-big.adoc: ", "the file is 1.0 MiB (1048577 bytes), over the limit of 1 MiB for a text file"
                        + " in content/ (文件过大)", "split it into smaller files, or raise the limit in data/site.yaml:"
                        + " 'limits:' then '  text_file_mib: <number>' (default 2)"),
                bad("asset over the limit", s -> {
                    limits(s, "asset_file_mib: 1");
                    Files.write(s.resolve("assets/big.png"), new byte[1024 * 1024 + 1]);
                }, "assets/big.png: ", "the file is 1.0 MiB (1048577 bytes), over the limit of 1 MiB for a file in assets/ (文件过大)",
                        "raise the limit in data/site.yaml: 'limits:' then '  asset_file_mib: <number>' (default 10)"),
                bad("build over its size limit", s -> {
                    limits(s, "build_mib: 1");
                    Files.write(s.resolve("assets/a.png"), new byte[700 * 1024]);
                    Files.write(s.resolve("assets/b.png"), new byte[400 * 1024]);
                }, "assets/a.png: ", "over the limit of 1 MiB for a build; this is the largest file, 0.7 MiB (716800 bytes) (源文件总量过大)",
                        "raise the limit in data/site.yaml: 'limits:' then '  build_mib: <number>' (default 200)"),
                bad("build over its file count", s -> {
                    long count;
                    try (Stream<Path> walk = Files.walk(s)) {
                        count = walk.filter(Files::isRegularFile).count();
                    }
                    limits(s, "build_files: " + (count - 1));
                }, "templates: ", "files, over the limit of ", "'  build_files: <number>' (default 20000)"),
                bad("limit out of range", s -> limits(s, "build_mib: 0"),
                        "data/site.yaml:4: ", "'limits.build_mib' is 0, but it must be a whole number from 1 to 1048576 (限制值无效)",
                        "write the limit in MiB"),
                // 4. the no-title hint echoes no content
                bad("no-title hint does not echo content", s -> Files.writeString(s.resolve("content/2031/03-env.adoc"), SECRET + "\n"),
                        "content/2031/03-env.adoc:1: ", "the file has no title", "make the first line '= ' followed by the title,"
                                + " e.g. '= （一）章节标题'"),
                // 5. characters XML 1.0 does not allow
                bad("U+FFFF in a report title", s -> Catalogue.replace(s.resolve("content/2031/index.adoc"), "= 虚构市", "= \uFFFF虚构市"),
                        "content/2031/index.adoc:1: ", "column 3 holds the invisible character U+FFFF, which web pages and feeds"
                                + " cannot hold (不允许的控制字符)", "delete it"),
                bad("BEL in a data file", s -> Catalogue.replace(s.resolve("data/indicators.yaml"), "name: 虚构工作领域", "name: 虚构\u0007工作领域"),
                        "data/indicators.yaml:4: ", "column 13 holds the invisible character U+0007", "delete it"),
                // 6. base_url
                bad("base_url with an empty path segment", s -> Catalogue.replace(s.resolve("data/site.yaml"),
                                "base_url: https://example.invalid/demo/", "base_url: https://example.gov.cn//evil.example/"),
                        "data/site.yaml:2: ", "base_url 'https://example.gov.cn//evil.example/' is not an absolute http(s) address"
                                + " to publish the site under: its path has an empty folder name ('//') (网站地址无效)",
                        "e.g. 'base_url: https://example.gov.cn/fzzf/'"),
                bad("base_url that is not a web address", s -> Catalogue.replace(s.resolve("data/site.yaml"),
                                "base_url: https://example.invalid/demo/", "base_url: javascript:alert(1)//"),
                        "data/site.yaml:2: ", "it must start with https:// or http://", "https://example.gov.cn/fzzf/"),
                // 7. asset kinds and SVG
                bad("HTML page in assets", s -> Files.writeString(s.resolve("assets/evil.html"), "<script>alert(1)</script>"),
                        "assets/evil.html: ", "HTML files are not allowed in assets/: they would be published without any of"
                                + " the site's checks (不允许的资源文件类型)", "write the page in AsciiDoc under content/pages/"),
                bad("server file in assets", s -> Files.writeString(s.resolve("assets/.htaccess"), "Redirect / https://evil.example/\n"),
                        "assets/.htaccess: ", "'.htaccess' files are not allowed in assets/; only style sheets, scripts, images"
                                + " and fonts are published from there (不允许的资源文件类型)", "allowed kinds: .css .js .png"),
                bad("SVG with a script", s -> Files.writeString(s.resolve("assets/logo.svg"),
                                "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<script>alert(1)</script>\n</svg>\n"),
                        "assets/logo.svg:2: ", "the SVG image contains the element <script>, which could run code on the site"
                                + " (SVG 中不允许脚本)", svgHint),
                bad("SVG with an event attribute", s -> Files.writeString(s.resolve("assets/logo.svg"),
                                "<svg xmlns=\"http://www.w3.org/2000/svg\"\n     onload=\"alert(1)\">\n</svg>\n"),
                        "assets/logo.svg:2: ", "the SVG image contains the event attribute onload=", svgHint),
                bad("SVG with a foreign object", s -> Files.writeString(s.resolve("assets/logo.svg"),
                                "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<g>\n<foreignObject><p>x</p></foreignObject>\n</g>\n</svg>\n"),
                        "assets/logo.svg:3: ", "the SVG image contains the element <foreignObject>", svgHint),
                bad("SVG with an encoded javascript: address", s -> Files.writeString(s.resolve("assets/logo.svg"),
                                "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<a href=\"&#106;ava&#x09;script:alert(1)\"><text>x</text></a>\n</svg>\n"),
                        "assets/logo.svg:2: ", "the SVG image contains a javascript: address", svgHint));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void eachHostileFileIsRefusedAndLeavesThePreviousSiteUntouched(String name, Catalogue.Damage damage, String where,
                                                                   String what, String hint) throws IOException {
        String err = Catalogue.expectRefused(tmp, good, name, damage, where, what, hint);
        assertFalse(err.contains(SECRET), err);
        assertFalse(err.chars().anyMatch(c -> c == 0x1B || c == 0x9B || c == 0x07), "no raw control character printed:\n" + err);
        assertTrue(err.lines().noneMatch(l -> l.startsWith("::")), "no line forged from a file name:\n" + err);
    }

    // 1. symbolic links, real ones

    @Test
    void anAssetLinkedOutsideTheTreeIsRefusedAndNothingOfItsTargetIsPrinted() throws IOException {
        expectLinkRefused("asset link", s -> Files.createSymbolicLink(s.resolve("assets/env.txt"), outside.resolve("secret.txt")),
                "assets/env.txt: ", "replace the link with the file itself");
    }

    @Test
    void aSectionFileLinkedOutsideTheTreeIsRefused() throws IOException {
        expectLinkRefused("section link", s -> Files.createSymbolicLink(s.resolve("content/2031/03-env.adoc"), outside.resolve("secret.txt")),
                "content/2031/03-env.adoc: ", "replace the link with the file itself");
    }

    @Test
    void aLinkedYearFolderIsRefused() throws IOException {
        expectLinkRefused("year link", s -> Files.createSymbolicLink(s.resolve("content/2033"), outside.resolve("2033")),
                "content/2033: ", "replace the link with the folder itself");
    }

    @Test
    void twoLinksPointingAtEachOtherAreBothRefusedAndNothingIsCopied() throws IOException {
        String err = expectLinkRefused("link loop", s -> {
            Files.createSymbolicLink(s.resolve("assets/a"), Path.of("b"));
            Files.createSymbolicLink(s.resolve("assets/b"), Path.of("a"));
        }, "assets/a: ", "replace the link with the file itself");
        assertTrue(err.contains("assets/b: error: this is a symbolic link"), err);
        assertTrue(err.strip().endsWith("2 problems found; nothing was published (发现问题，未发布)."), err);
    }

    @Test
    void aBaseUrlOptionWithAnEmptyPathSegmentIsRefusedNamingTheOption() throws IOException {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("option-src"));
        Path out = tmp.resolve("option-site");
        Fixtures.copyTree(good.output(), out);
        Cli.Run r = Cli.run("build", "--source", src.toString(), "--output", out.toString(),
                "--base-url", "https://example.gov.cn//evil.example/");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().startsWith("--base-url: error: base_url 'https://example.gov.cn//evil.example/' is not an absolute"
                + " http(s) address to publish the site under: its path has an empty folder name ('//') (网站地址无效)\n"
                + "    hint: write http:// or https://, the host, then folder names each followed by '/',"
                + " e.g. --base-url https://example.gov.cn/fzzf/\n"), r.err());
        assertEquals(good.checksums(), SiteTrees.checksums(out), "the last good site is byte-identical");
    }

    @Test
    void aCleanSvgAndEveryAllowedAssetKindArePublished() throws IOException {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("svg-src"));
        Files.createDirectories(src.resolve("assets")); // files of the source's own beside the built-in theme's
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>\n";
        Files.writeString(src.resolve("assets/logo.svg"), svg);
        Files.write(src.resolve("assets/font.woff2"), new byte[] {1, 2, 3});
        Path out = tmp.resolve("svg-site");
        Cli.Run r = Cli.run("build", "--source", src.toString(), "--output", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(svg, Files.readString(out.resolve("logo.svg")));
        assertTrue(Files.isRegularFile(out.resolve("font.woff2")));
    }

    private static String expectLinkRefused(String name, Catalogue.Damage damage, String where, String hint) throws IOException {
        String err = Catalogue.expectRefused(tmp, good, name, s -> {
            try {
                damage.apply(s);
            } catch (UnsupportedOperationException | IOException e) {
                assumeTrue(false, "this file system cannot make symbolic links (" + e + "); the link cases need them");
            }
        }, where, "this is a symbolic link; links are not published (不允许使用符号链接)", hint);
        assertFalse(err.contains(SECRET), err);
        String dir = name.replaceAll("[^A-Za-z0-9]+", "-");
        for (String text : SiteTrees.checksums(tmp.resolve(dir + "-site")).keySet()) {
            assertFalse(text.contains("env") || text.contains("2033"), "nothing of the link published: " + text);
        }
        try (Stream<Path> walk = Files.walk(tmp.resolve(dir + "-site"))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(p), StandardCharsets.UTF_8).contains(SECRET), p.toString());
            }
        }
        return err;
    }

    private static void limits(Path src, String setting) throws IOException {
        Path site = src.resolve("data/site.yaml");
        Files.writeString(site, Files.readString(site) + "limits:\n  " + setting + "\n");
    }

    private static byte[] filled(String head, int size) {
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, (byte) 'x');
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(h, 0, bytes, 0, h.length);
        return bytes;
    }
}
