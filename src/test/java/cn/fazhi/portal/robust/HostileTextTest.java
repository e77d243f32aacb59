package cn.fazhi.portal.robust;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Report text written to get raw HTML, script addresses or a hang past the rules (issue: hostile
 * input). The raw-HTML rule works on the parsed document, so every passthrough form is refused
 * with its file and line, not only the ones a text match would see. Each case as {@link Catalogue}
 * runs it: exit 1, the message, no stack trace, the last good site byte-identical.
 */
class HostileTextTest extends CatalogueTest {

    private static final String SECTION = "content/2031/02-gamma.adoc";

    /** Appends {@code text} after the section's first paragraph (its line 3 onwards). */
    private static Catalogue.Damage append(String text) {
        return src -> Files.writeString(src.resolve(SECTION), Files.readString(src.resolve(SECTION)) + "\n" + text);
    }

    /** The line the appended text starts on (after a blank line). */
    private static int appendedAt() throws IOException {
        Path fixture = cn.fazhi.portal.Fixtures.REPO.resolve("src/test/resources/fixtures/two-years").resolve(SECTION);
        return (int) Files.readString(fixture).lines().count() + 2;
    }

    static Stream<Arguments> cases() throws IOException {
        int at = appendedAt();
        String where = SECTION + ":" + at + ":";
        return Stream.of(
                Arguments.of("multi-line +++", append("甲+++<img src=x\nonerror=alert(1)>+++乙\n"),
                        where, "inline raw HTML (pass:[…], +++…+++ or $$…$$) is not allowed", "without pass:[]"),
                // Asciidoctor places a block at its first line of content, after its [attributes] line.
                Arguments.of("pass paragraph", append("[pass]\n<b>加粗</b>\n"),
                        SECTION + ":" + (at + 1) + ":", "raw HTML blocks (++++ or [pass]) are not allowed", "write the content in AsciiDoc"),
                Arguments.of("subs none", append("[subs=none]\n<img src=\"x.png\">\n"),
                        SECTION + ":" + (at + 1) + ":", "special characters are not escaped ([subs=…])", "remove the subs attribute"),
                Arguments.of("subs without special characters", append("[subs=-specialchars]\n<b>加粗</b>\n"),
                        SECTION + ":" + (at + 1) + ":", "special characters are not escaped ([subs=…])", "remove the subs attribute"),
                Arguments.of("pass macro with substitutions", append("甲pass:q[<b>乙</b>]丙\n"),
                        where, "inline raw HTML", "without pass:[]"),
                Arguments.of("passthrough in a list item", append("* 第一项\n* 第二项 +++<b>x</b>+++\n"),
                        SECTION + ":" + (at + 1) + ":", "inline raw HTML", "without pass:[]"),
                Arguments.of("passthrough in a table cell", append("|===\n| 甲 | +++<b>乙</b>+++\n|===\n"),
                        SECTION + ":", "inline raw HTML", "without pass:[]"),
                Arguments.of("attribute-built script link", (Catalogue.Damage) src -> {
                            Catalogue.replace(src.resolve(SECTION), "= 二、虚构第二部分\n", "= 二、虚构第二部分\n:proto: javascript\n");
                            Files.writeString(src.resolve(SECTION), Files.readString(src.resolve(SECTION)) + "\nlink:{proto}:alert(1)[点这里]\n");
                        },
                        SECTION + ":", "the link '点这里' goes to a script or data address", "link only to web pages"),
                Arguments.of("raw HTML in an attribute", (Catalogue.Damage) src -> {
                            Catalogue.replace(src.resolve(SECTION), "= 二、虚构第二部分\n", "= 二、虚构第二部分\n:x: pass:[<b>粗</b>]\n");
                            Files.writeString(src.resolve(SECTION), Files.readString(src.resolve(SECTION)) + "\n甲{x}乙\n");
                        },
                        SECTION + ":", "the attribute :x: holds raw HTML", "plain text"),
                // A megabyte line of "ind:" kept the old regular expression busy for minutes.
                Arguments.of("megabyte line of ind:", append("ind:".repeat(250_000) + "\n"),
                        where, "the figure reference '" + "ind:".repeat(14) + "ind…' is split over two lines (指标引用被拆行)",
                        "write the whole reference on one line"),
                Arguments.of("list nested 70 levels", append("*".repeat(70) + " 深\n"),
                        where, "a list nested 70 levels deep; at most 8 levels are allowed", "use fewer * or ."),
                // 40 000 characters that make Asciidoctor's substitutions backtrack for tens of
                // seconds, against a limit of one second set for the test.
                Arguments.of("conversion past its time limit", (Catalogue.Damage) src -> {
                            Path site = src.resolve("data/site.yaml");
                            Files.writeString(site, Files.readString(site) + "limits:\n  conversion_seconds: 1\n");
                            append("`*_a ".repeat(8_000) + "\n").apply(src);
                        },
                        where, "converting this file took longer than 1 s and was stopped; its longest line has 40000 characters (转换超时)",
                        "split very long lines"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithFileAndLine(String name, Catalogue.Damage damage, String where, String what, String hint) throws IOException {
        String err = Catalogue.expectRefused(tmp, good, name, damage, where, what, hint);
        assertFalse(err.contains("fault in the portal"), err);
    }
}
