package cn.fazhi.portal.render;

import cn.fazhi.portal.load.TextFile;
import cn.fazhi.portal.problems.Problem;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A conversion that runs past its time limit is stopped and reported, instead of hanging the build:
 * a line of inline markup that makes Asciidoctor's substitutions backtrack (40 KB of it takes tens
 * of seconds; 100 KB, minutes) against a limit of one second. Then the same converter goes on
 * converting other files normally.
 */
class ConversionLimitTest {

    private static AsciiDocConverter.Job job(String name, String text) {
        return new AsciiDocConverter.Job(new TextFile(Path.of("/x", name), name, text), 0, "s", 0);
    }

    @Test
    void aConversionPastItsTimeLimitIsStoppedAndReportedAtTheLongestLine() {
        try (AsciiDocConverter converter = AsciiDocConverter.uncached()) {
            converter.limitEachConversionTo(Duration.ofSeconds(1));
            String bait = "`*_a ".repeat(8_000);
            AsciiDocConverter.Result slow = converter.convert(job("content/2031/01-slow.adoc", "= 标题\n\n短句。\n\n" + bait + "\n"));
            assertEquals(1, slow.problems().size(), slow.problems().toString());
            Problem p = slow.problems().get(0);
            assertEquals(5, p.line());
            assertTrue(p.message().startsWith("converting this file took longer than 1 s and was stopped; its longest line has 40000 characters"),
                    p.message());

            AsciiDocConverter.Result fine = converter.convert(job("content/2031/02-fine.adoc", "= 标题\n\n**正常**的段落。\n"));
            assertEquals(List.of(), fine.problems());
            assertTrue(fine.fragment().html().contains("<strong>正常</strong>"), fine.fragment().html());
        }
    }
}
