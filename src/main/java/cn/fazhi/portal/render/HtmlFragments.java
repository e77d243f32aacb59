package cn.fazhi.portal.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Small, deliberate edits to converted AsciiDoc HTML, done with jsoup rather than regexes.
 */
public final class HtmlFragments {

    private HtmlFragments() {
    }

    /**
     * What every converted file goes through, in one parse (a large site has hundreds of files, and
     * parsing and printing each three times cost a second): remove what {@link #CONTENT} does not allow, make its tables
     * accessible, and give every paragraph without an id a stable anchor {@code <prefix>-p<n>}
     * (n counts from 1 in the file), so a figure's page can link to the exact paragraph that states
     * it. Ids an editor set with {@code [#id]} are kept.
     */
    public static String prepare(String html, String anchorPrefix) {
        Document doc = cleaned(html);
        accessibleTables(doc);
        int n = 0;
        for (Element p : doc.body().select("div.paragraph")) {
            n++;
            if (!p.hasAttr("id")) {
                p.attr("id", anchorPrefix + "-p" + n);
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

    /**
     * What converted AsciiDoc may contain: Asciidoctor's own structural markup and our figure
     * links. Scripts, event attributes, inline styles (blocked by the page's CSP anyway) and
     * non-web link targets are removed. Raw HTML is already refused at load time; this is the
     * second line of defence.
     */
    private static final Safelist CONTENT = Safelist.relaxed()
            .addTags("data", "section", "figure", "figcaption", "mark", "small", "abbr", "hr")
            .addAttributes(":all", "class", "id", "title", "lang")
            .addAttributes("a", "data-indicator", "rel")
            .addAttributes("data", "value")
            .addAttributes("ol", "type", "start", "reversed")
            .addAttributes("th", "scope", "colspan", "rowspan")
            .addAttributes("td", "colspan", "rowspan")
            .addProtocols("a", "href", "#", "http", "https", "mailto", "tel")
            .preserveRelativeLinks(true);
    private static final String BASE = "https://base.invalid/";

    /** Parses the fragment and removes everything {@link #CONTENT} does not allow. */
    private static Document cleaned(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, BASE);
        Document clean = new Cleaner(CONTENT).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean;
    }

    /**
     * Makes tables written in AsciiDoc as accessible as the generated ones: header cells get
     * {@code scope}, and each table scrolls inside its own labelled, keyboard-focusable region.
     */
    private static void accessibleTables(Document doc) {
        int n = 0;
        for (Element table : doc.body().select("table")) {
            n++;
            table.select("thead th").attr("scope", "col");
            table.select("tbody th").attr("scope", "row");
            Element caption = table.selectFirst("caption");
            Element region = new Element("div").addClass("table-scroll").attr("role", "region").attr("tabindex", "0");
            if (caption != null) {
                if (caption.id().isEmpty()) {
                    caption.id("table-caption-" + n);
                }
                region.attr("aria-labelledby", caption.id());
            } else {
                region.attr("aria-label", "表格");
            }
            table.wrap(region.outerHtml());
        }
    }

    private static Document fragment(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        return doc;
    }
}
