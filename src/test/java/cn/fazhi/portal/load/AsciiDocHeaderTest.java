package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AsciiDocHeaderTest {

    private static TextFile file(String text) {
        return new TextFile(Path.of("x.adoc"), "content/2023/x.adoc", text);
    }

    @Test
    void readsTitleAndAttributesWithTheirLines() {
        List<Problem> problems = new ArrayList<>();
        AsciiDocHeader h = AsciiDocHeader.parse(file("// note\n= 标题\n:status: draft\n// c\n:date: 2024-01-02\n\n正文\n:not: header\n"),
                problems).orElseThrow();
        assertEquals("标题", h.title());
        assertEquals(2, h.titleLine());
        assertEquals(new AsciiDocHeader.Attribute("draft", 3), h.attribute("status").orElseThrow());
        assertEquals(new AsciiDocHeader.Attribute("2024-01-02", 5), h.attribute("date").orElseThrow());
        assertTrue(h.attribute("not").isEmpty(), "attributes after the blank line are body text");
        assertEquals(List.of(), problems);
    }

    @Test
    void aMissingTitleIsReportedAtItsLineWithAFix() {
        List<Problem> problems = new ArrayList<>();
        assertTrue(AsciiDocHeader.parse(file("\n== 二、标题\n\n正文\n"), problems).isEmpty());
        assertEquals(2, problems.get(0).line());
        assertEquals("make the first line '= 二、标题'", problems.get(0).hint());
    }

    @Test
    void aStrayHeaderLineIsReported() {
        List<Problem> problems = new ArrayList<>();
        AsciiDocHeader.parse(file("= 标题\n正文紧跟标题\n"), problems);
        assertEquals(2, problems.get(0).line());
    }
}
