package cn.fazhi.portal.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small, deliberate edits to converted AsciiDoc HTML, done with jsoup rather than regexes.
 */
public final class HtmlFragments {

    private HtmlFragments() {
    }

    /** The blocks whose text is indexed for search (innermost ones only, so no text counts twice). */
    private static final Evaluator SEARCH_BLOCKS = QueryParser.parse("p, h1, h2, h3, h4, h5, h6, li, dt, dd, th, td, caption, pre");
    // CSS queries are parsed once: jsoup parses a query given as text on every call.
    private static final Evaluator PARAGRAPHS = QueryParser.parse("div.paragraph");
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private static final Evaluator TABLES = QueryParser.parse("table");
    private static final Evaluator HEAD_CELLS = QueryParser.parse("thead th");
    private static final Evaluator BODY_HEAD_CELLS = QueryParser.parse("tbody th");
    private static final Evaluator CAPTION = QueryParser.parse("caption");
    /** Text for screen readers only, such as the indicator's name in a figure link ({@link FigureMacro}). */
    private static final Evaluator HIDDEN = QueryParser.parse(".visually-hidden");

    /**
     * What every converted file goes through, in one parse (a large site has hundreds of files, and
     * parsing each again in later stages cost seconds): remove what {@link #CONTENT} does not allow,
     * make its tables accessible, and give every paragraph without an id a stable anchor
     * {@code <prefix>-p<n>} (n counts from 1 in the file), so a figure's page can link to the exact
     * paragraph that states it. Ids an editor set with {@code [#id]} are kept. From the same parse:
     * the text for search, the figures it prints, its links and ids, the variant for the year page and
     * the text of its first paragraph (the page's meta description).
     *
     * @param nesting how many levels the headings move down on the year page (0: not nested)
     */
    public static Fragment prepare(String html, String anchorPrefix, int nesting) {
        List<String> refusedLinks = new ArrayList<>();
        Document doc = cleaned(html, refusedLinks);
        boolean tables = accessibleTables(doc, anchorPrefix);
        int n = 0;
        for (Element p : doc.body().select(PARAGRAPHS)) {
            n++;
            if (!p.hasAttr("id")) {
                p.attr("id", anchorPrefix + "-p" + n);
            }
        }
        String prepared = doc.body().html();
        String nested = nested(doc, nesting, prepared);
        // Everything read as text from here on (search, the description, quotes of figures) is the
        // text the page shows: what only screen readers get (a figure link's name) is no report text.
        doc.body().select(HIDDEN).remove();
        Element first = doc.body().selectFirst(PARAGRAPHS);
        String lead = first == null ? "" : first.text().strip();
        List<String> blocks = blocks(doc);
        List<Fragment.FigureMention> figures = FigureMentions.in(doc);
        return new Fragment(prepared, nested, blocks, figures, refusedLinks, lead, tables);
    }

    /**
     * The text {@code html} shows (for the feed's summaries): without what is visually hidden, which
     * only screen readers get.
     */
    public static String visibleText(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.body().select(HIDDEN).remove();
        return doc.body().text().strip();
    }

    /**
     * Moves the headings down by {@code levels} so that a section placed under an h2/h3 on the year
     * page keeps a correct outline (no skipped or repeated levels). Changes {@code doc}.
     */
    private static String nested(Document doc, int levels, String unchanged) {
        Elements headings = doc.body().select(HEADINGS);
        if (levels == 0 || headings.isEmpty()) {
            return unchanged;
        }
        for (Element h : headings) {
            int level = h.tagName().charAt(1) - '0';
            h.tagName("h" + Math.min(6, level + levels));
        }
        return doc.body().html();
    }

    /** The text of each innermost search block, in document order. */
    private static List<String> blocks(Document doc) {
        List<Element> found = doc.body().select(SEARCH_BLOCKS);
        // A block is left out when another block is inside it. Found by walking up from each block
        // once, not by searching each block's subtree again.
        Set<Element> matched = Collections.newSetFromMap(new IdentityHashMap<>());
        matched.addAll(found);
        Set<Element> outer = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element e : found) {
            for (Element up = e.parent(); up != null; up = up.parent()) {
                if (matched.contains(up) && !outer.add(up)) {
                    break; // its own ancestors were marked when it was
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (Element e : found) {
            if (!outer.contains(e)) {
                String text = e.text().strip();
                if (!text.isEmpty()) {
                    out.add(text);
                }
            }
        }
        return out;
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
    private static final Evaluator LINKS = QueryParser.parse("a[href]");

    /**
     * Parses the fragment and removes everything {@link #CONTENT} does not allow; adds to
     * {@code refusedLinks} the text of each link whose address is removed.
     */
    private static Document cleaned(String html, List<String> refusedLinks) {
        Document dirty = Jsoup.parseBodyFragment(html, BASE);
        if (cleanAlready(dirty)) {
            dirty.outputSettings().prettyPrint(false);
            return dirty;
        }
        for (Element a : dirty.body().select(LINKS)) {
            if (!CONTENT.isSafeAttribute("a", a, a.attribute("href"))) {
                refusedLinks.add(a.text());
            }
        }
        Document clean = new Cleaner(CONTENT).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean;
    }

    /**
     * Whether jsoup's Cleaner would copy {@code dirty} as it is: every tag and attribute allowed by
     * {@link #CONTENT} (asked of the safelist itself, as the Cleaner asks it), nothing it leaves out
     * (comments, script text), no attribute it adds. Converted AsciiDoc nearly always is, and
     * copying it anyway took a quarter of the time spent preparing a file; anything else is
     * cleaned as before.
     */
    private static boolean cleanAlready(Document dirty) {
        Element root = dirty.body();
        if (!dirty.head().childNodes().isEmpty() || root.attributesSize() > 0) {
            return false;
        }
        boolean[] clean = {true};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == root || node instanceof TextNode) {
                    return FilterResult.CONTINUE;
                }
                boolean safe = node instanceof Element el ? safe(el)
                        : node instanceof DataNode && CONTENT.isSafeTag(node.parent().normalName());
                clean[0] = safe;
                return safe ? FilterResult.CONTINUE : FilterResult.STOP;
            }
        }, root);
        return clean[0];
    }

    private static boolean safe(Element el) {
        if (!CONTENT.isSafeTag(el.normalName()) || CONTENT.getEnforcedAttributes(el.tagName()).size() > 0) {
            return false;
        }
        for (Attribute attribute : el.attributes()) {
            if (!CONTENT.isSafeAttribute(el.tagName(), el, attribute)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Makes tables written in AsciiDoc as accessible as the generated ones: header cells get
     * {@code scope}, and each table scrolls inside its own wrapper, a keyboard-focusable region
     * named by the caption (by 表格 when the table has none), so that the keyboard can scroll a wide
     * table also without JavaScript. {@code js/tables.js} takes the tab stop and the region away
     * while the table fits, and gives them back when it no longer does. A caption's id starts with
     * the file's anchor prefix ({@code <prefix>-table-<n>}, n counting from 1 in the file): the year
     * page holds every section, and each region must be named by its own caption. Returns whether
     * there is a table.
     */
    private static boolean accessibleTables(Document doc, String anchorPrefix) {
        int n = 0;
        for (Element table : doc.body().select(TABLES)) {
            n++;
            table.select(HEAD_CELLS).attr("scope", "col");
            table.select(BODY_HEAD_CELLS).attr("scope", "row");
            Element caption = table.selectFirst(CAPTION);
            if (caption != null && caption.id().isEmpty()) {
                caption.id(anchorPrefix + "-table-" + n);
            }
            Element region = new Element("div").addClass("table-scroll").attr("tabindex", "0").attr("role", "region");
            if (caption != null) {
                region.attr("aria-labelledby", caption.id());
            } else {
                region.attr("aria-label", "表格");
            }
            table.before(region); // wrapped without writing and parsing it as HTML again
            region.appendChild(table);
        }
        return n > 0;
    }

}
