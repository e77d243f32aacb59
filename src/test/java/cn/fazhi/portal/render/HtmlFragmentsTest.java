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
                + "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"table-caption-1\">"
                + "<table class=\"tableblock\"><caption class=\"title\" id=\"table-caption-1\">表1</caption>"
                + "<thead><tr><th scope=\"col\">年</th></tr></thead><tbody><tr><td>2023</td></tr></tbody></table></div></div></div>",
                f.html());
        assertTrue(f.nested().startsWith("<div class=\"sect1\"><h3 id=\"a\">"), f.nested());
        assertEquals(List.of(new Fragment.FigureMention("x", "s-p1", "办理12件。", 0, 2, 5)), f.figures());
    }
}
