package cn.fazhi.portal.load;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules read editor text in linear time: a megabyte line of the characters that made the old
 * regular expressions backtrack (a 100 KB line of "data:" took 24 s, 200 KB 89 s) is read at once.
 */
class SourceRulesTest {

    private static TextFile file(String text) {
        return new TextFile(Path.of("/x/content/2031/01-a.adoc"), "content/2031/01-a.adoc", text);
    }

    @Test
    void megabyteLinesOfBacktrackingBaitAreReadInLinearTime() {
        for (String bait : List.of("data:", "+", "include::[", "pass:", "$$", "*")) {
            String line = bait.repeat(1_000_000 / bait.length());
            assertEquals(List.of(), SourceRules.check(file("= 标题\n\n" + line + "\n")), bait);
        }
    }

    @Test
    void includeAndDeepListsAreRefusedWithTheirLines() {
        var problems = SourceRules.check(file("= 标题\n\ninclude::/etc/passwd[]\n\n" + "*".repeat(9) + " 深\n" + "*".repeat(8) + " 可\n"));
        assertEquals(2, problems.size(), problems.toString());
        assertEquals(3, problems.get(0).line());
        assertTrue(problems.get(1).message().startsWith("a list nested 9 levels deep"), problems.get(1).message());
        assertEquals(5, problems.get(1).line());
    }
}
