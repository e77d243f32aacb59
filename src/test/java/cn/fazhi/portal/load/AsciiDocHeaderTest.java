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
    void theNoTitleHintOffersOnlyAShortCleanHeadingBack() {
        assertEquals(java.util.Optional.of("（一）加强党的领导"), AsciiDocHeader.suggestTitle("（一）加强党的领导"));
        assertEquals(java.util.Optional.of("(七)健全体系,促进公平正义"), AsciiDocHeader.suggestTitle("== (七)健全体系,促进公平正义"));
        for (String line : List.of("AWS_SECRET_ACCESS_KEY=abc123", "PATH=/usr/bin", "二、" + "长".repeat(59),
                "一、标题<script>", "一、标题\u001b[31m", "普通的一句话，不是标题",
                "(一)受理案件ind:cases[]件", "(一)受理案件ind:cases件", "一、见link:https://example.invalid[此处]")) {
            assertTrue(AsciiDocHeader.suggestTitle(line).isEmpty(), line);
        }
        List<Problem> problems = new ArrayList<>();
        AsciiDocHeader.parse(file("TOKEN=s3cret\n"), problems);
        assertEquals("make the first line '= ' followed by the title, e.g. '= （一）章节标题'", problems.get(0).hint());
    }

    @Test
    void aStrayHeaderLineIsReported() {
        List<Problem> problems = new ArrayList<>();
        AsciiDocHeader.parse(file("= 标题\n正文紧跟标题\n"), problems);
        assertEquals(2, problems.get(0).line());
    }
}
