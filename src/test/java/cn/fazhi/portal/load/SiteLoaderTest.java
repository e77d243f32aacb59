package cn.fazhi.portal.load;

import cn.fazhi.portal.theme.Theme;
import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.ProblemsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteLoaderTest {

    @Test
    void loadsTheRealReportInReadingOrder() {
        Site site = new SiteLoader(Theme.builtIn()).load(new SourceTree(Fixtures.REPO));
        assertEquals(1, site.reports().size());
        Report r = site.reports().get(0);
        assertEquals(2023, r.year());
        assertEquals(List.of("中共盘锦市委", "盘锦市人民政府"), r.issuers());
        // The date of the address on the city government's portal, where the report is published.
        assertEquals(Optional.of(java.time.LocalDate.of(2024, 3, 8)), r.published());
        assertEquals(Optional.of("http://panjin.gov.cn/html/1737/2024-03-08/content-138562.html"), r.disclosure().sourceUrl());
        assertEquals(Optional.empty(), r.disclosure().indexNumber(), "no 索引号 is known, so none is shown");
        assertEquals(List.of("measures", "leadership", "functions", "rules", "decisions", "enforcement", "emergencies",
                "disputes", "oversight", "digital", "problems", "plans"), r.sections().stream().map(Section::slug).toList());
        assertEquals("measures", r.sections().get(1).parentSlug());
        assertEquals("一、主要举措及成效", r.sections().get(0).title());
    }

    @Test
    void reportsEveryStructuralProblemAtOnce(@TempDir Path tmp) throws Exception {
        Path src = Fixtures.sourceTree("two-years", tmp);
        Files.createDirectories(src.resolve("content/twenty"));
        Files.writeString(src.resolve("content/2031/03-报告.adoc"), "= 标题\n");
        Files.writeString(src.resolve("content/2031/04-alpha.adoc"), "= 重复\n");
        Files.writeString(src.resolve("content/2031/05-empty.adoc"), "");
        Files.writeString(src.resolve("content/2031/07-01-orphan.adoc"), "= 孤儿\n");
        Files.writeString(src.resolve("content/2032/index.adoc"), "= 标题\n:date: 2023-02-30\n:issuer: 甲\n\n正文\n");
        Files.write(src.resolve("content/2032/03-gbk.adoc"), "= 标题\n\n正文\n".getBytes("GBK"));
        ProblemsException e = assertThrows(ProblemsException.class, () -> new SiteLoader(Theme.builtIn()).load(new SourceTree(src)));
        List<String> lines = e.problems().stream().map(Problem::format).map(s -> s.lines().findFirst().orElseThrow()).toList();
        assertEquals(List.of(
                "content/2031/03-报告.adoc: error: the file name '03-报告.adoc' is not plain ASCII; web addresses made from it would break (文件名只能用英文字母、数字和连字符)",
                "content/2031/04-alpha.adoc: error: the section name 'alpha' is already used by content/2031/01-alpha.adoc (章节名重复)",
                "content/2031/05-empty.adoc:1: error: the file is empty (文件为空)",
                "content/2031/07-01-orphan.adoc: error: this subsection has no part: there is no file 07-<name>.adoc",
                "content/2032/03-gbk.adoc:1: error: the file is not UTF-8 text (文件不是 UTF-8 编码)",
                "content/2032/index.adoc:2: error: '2023-02-30' is not a valid date (日期无效)",
                "content/twenty: error: the folder name 'twenty' is not a year (不是年份)"), lines);
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndingsAreAccepted(@TempDir Path tmp) throws Exception {
        Path src = Fixtures.sourceTree("two-years", tmp);
        Path file = src.resolve("content/2031/01-alpha.adoc");
        String text = Files.readString(file);
        Files.write(file, ("\uFEFF" + text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        Section alpha = new SiteLoader(Theme.builtIn()).load(new SourceTree(src)).reports().get(0).sections().get(0);
        assertEquals("一、虚构第一部分", alpha.title());
        assertEquals(text, alpha.source().text());
    }

    @Test
    void aMissingContentFolderIsNamed(@TempDir Path tmp) {
        ProblemsException e = assertThrows(ProblemsException.class, () -> new SiteLoader(Theme.builtIn()).load(new SourceTree(tmp)));
        assertTrue(e.problems().get(0).format().startsWith("content: error: there is no content/ folder"));
    }
}
