package cn.fazhi.portal.render;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Converted AsciiDoc goes through jsoup's Cleaner unless it is already clean. Loading refuses raw
 * HTML, so these inputs cannot come from a section file today: this is the second line of defence.
 */
class HtmlFragmentsTest {

    @Test
    void whatTheSafelistDoesNotAllowIsRemoved() {
        String html = "<div class=\"paragraph\"><p>甲<script>alert(1)</script><img src=\"x.png\" onerror=\"alert(2)\">"
                + "<a href=\"javascript:alert(3)\">乙</a><!-- 注释 --><span style=\"color:red\" onclick=\"alert(4)\">丙</span></p></div>";
        String out = HtmlFragments.prepare(html, "s", 0).html();
        for (String gone : List.of("<script", "alert(", "onerror", "onclick", "style=", "javascript:", "<!--")) {
            assertFalse(out.contains(gone), gone + " in " + out);
        }
        assertEquals("<div class=\"paragraph\" id=\"s-p1\"><p>甲<img src=\"x.png\"><a>乙</a><span>丙</span></p></div>", out);
    }

    @Test
    void cleanConvertedHtmlIsKeptAsItIsWithAnchorsAndAccessibleTables() {
        String html = "<div class=\"sect1\"><h2 id=\"a\">一、标题</h2><div class=\"sectionbody\">"
                + "<div class=\"paragraph\"><p>办理<a class=\"figure\" href=\"../indicators/x.html\" data-indicator=\"x\">"
                + "<data value=\"12\">12件</data></a>。另见<a href=\"#a\">上文</a>。</p></div>"
                + "<table class=\"tableblock\"><caption class=\"title\">表1</caption><thead><tr><th>年</th></tr></thead>"
                + "<tbody><tr><td>2023</td></tr></tbody></table></div></div>";
        Fragment f = HtmlFragments.prepare(html, "s", 1);
        assertEquals("<div class=\"sect1\"><h2 id=\"a\">一、标题</h2><div class=\"sectionbody\">"
                + "<div class=\"paragraph\" id=\"s-p1\"><p>办理<a class=\"figure\" href=\"../indicators/x.html\" data-indicator=\"x\">"
                + "<data value=\"12\">12件</data></a>。另见<a href=\"#a\">上文</a>。</p></div>"
                // A tab stop and a region named by its caption in the markup: js/tables.js takes them away while the table fits.
                + "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"s-table-1\">"
                + "<table class=\"tableblock\"><caption class=\"title\" id=\"s-table-1\">表1</caption>"
                + "<thead><tr><th scope=\"col\">年</th></tr></thead><tbody><tr><td>2023</td></tr></tbody></table></div></div></div>",
                f.html());
        assertTrue(f.nested().startsWith("<div class=\"sect1\"><h3 id=\"a\">"), f.nested());
        assertEquals(List.of(new Fragment.FigureMention("x", "s-p1", "办理12件。", 0, 2, 5)), f.figures());
        assertTrue(f.tables());
        assertFalse(HtmlFragments.prepare("<div class=\"paragraph\"><p>无表格</p></div>", "s", 0).tables());
    }

    @Test
    void aTableWithoutCaptionIsARegionNamed表格AndCaptionIdsCarryTheFilesPrefix() {
        String table = "<table><tbody><tr><td>甲</td></tr></tbody></table>";
        String html = table + "<table><caption>虚构表</caption><tbody><tr><td>乙</td></tr></tbody></table>";
        Fragment f = HtmlFragments.prepare(html, "gamma", 0);
        assertEquals("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"表格\">" + table + "</div>"
                + "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"gamma-table-2\">"
                + "<table><caption id=\"gamma-table-2\">虚构表</caption><tbody><tr><td>乙</td></tr></tbody></table></div>", f.html());
    }

    @Test
    void visuallyHiddenTextStaysInThePageButNotInSearchDescriptionsQuotesOrTheFeed() {
        String link = "<a class=\"figure\" href=\"../indicators/x.html\" data-indicator=\"x\"><data value=\"12\">12</data>"
                + "<span class=\"visually-hidden\">（指标：办理件数）</span></a>";
        String html = "<div class=\"paragraph\"><p>办理" + link + "件。另有说明。</p></div>"
                + "<div class=\"ulist\"><ul><li><p>列表中" + link + "件</p></li></ul></div>";
        Fragment f = HtmlFragments.prepare(html, "s", 1);
        assertTrue(f.html().contains("<span class=\"visually-hidden\">（指标：办理件数）</span>"), "the page keeps the name: " + f.html());
        assertTrue(f.nested().contains("（指标：办理件数）"), "and so does the year page");
        assertEquals("办理12件。另有说明。", f.lead(), "the meta description is the text as shown");
        assertEquals(List.of("办理12件。另有说明。", "列表中12件"), f.blocks(), "search indexes the text as shown");
        assertEquals(new Fragment.FigureMention("x", "s-p1", "办理12件。", 0, 2, 4), f.figures().get(0),
                "the quote on the indicator page is the sentence as shown, the figure at the number");
        assertEquals("办理12件。另有说明。 列表中12件", HtmlFragments.visibleText(f.html()), "the feed's summary");
    }
}
