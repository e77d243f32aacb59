package cn.fazhi.portal.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Small, deliberate edits to converted AsciiDoc HTML, done with jsoup rather than regexes.
 */
public final class HtmlFragments {

    private HtmlFragments() {
    }

    /**
     * Gives every paragraph without an id a stable anchor {@code <prefix>-p<n>} (n counts from 1 in
     * the file), so a figure's page can link to the exact paragraph that states it. Ids an editor
     * set with {@code [#id]} are kept.
     */
    public static String anchorParagraphs(String html, String prefix) {
        Document doc = fragment(html);
        int n = 0;
        for (Element p : doc.body().select("div.paragraph")) {
            n++;
            if (!p.hasAttr("id")) {
                p.attr("id", prefix + "-p" + n);
            }
        }
        return doc.body().html();
    }

    /**
     * Moves the fragment's own headings down by {@code levels} so that a section placed under an
     * h2/h3 on the year page keeps a correct outline (no skipped or repeated levels).
     */
    public static String demoteHeadings(String html, int levels) {
        if (levels == 0) {
            return html;
        }
        Document doc = fragment(html);
        for (Element h : doc.body().select("h1, h2, h3, h4, h5, h6")) {
            int level = h.tagName().charAt(1) - '0';
            h.tagName("h" + Math.min(6, level + levels));
        }
        return doc.body().html();
    }

    private static Document fragment(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        return doc;
    }
}
