package cn.fazhi.portal.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Elements;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Small, deliberate edits to converted AsciiDoc HTML, done with jsoup rather than regexes.
 */
public final class HtmlFragments {

    private HtmlFragments() {
    }

    /** The blocks whose text is indexed for search (innermost ones only, so no text counts twice). */
    private static final String SEARCH_BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, dt, dd, th, td, caption, pre";
    private static final String SENTENCE_END = "。！？!?";
    private static final char MARK = '\u0001';

    /**
     * What every converted file goes through, in one parse (a large site has hundreds of files, and
     * parsing each again in later stages cost seconds): remove what {@link #CONTENT} does not allow,
     * make its tables accessible, and give every paragraph without an id a stable anchor
     * {@code <prefix>-p<n>} (n counts from 1 in the file), so a figure's page can link to the exact
     * paragraph that states it. Ids an editor set with {@code [#id]} are kept. From the same parse:
     * the text for search, the figures it prints, its links and ids, and the variant for the year page.
     *
     * @param nesting how many levels the headings move down on the year page (0: not nested)
     */
    public static Fragment prepare(String html, String anchorPrefix, int nesting) {
        Document doc = cleaned(html);
        accessibleTables(doc);
        int n = 0;
        for (Element p : doc.body().select("div.paragraph")) {
            n++;
            if (!p.hasAttr("id")) {
                p.attr("id", anchorPrefix + "-p" + n);
            }
        }
        String prepared = doc.body().html();
        List<String> blocks = blocks(doc);
        List<Fragment.FigureMention> figures = figures(doc);
        Hyperlinks hyperlinks = Hyperlinks.of(doc.body());
        return new Fragment(prepared, nested(doc, nesting, prepared), blocks, figures, hyperlinks);
    }

    /**
     * Moves the headings down by {@code levels} so that a section placed under an h2/h3 on the year
     * page keeps a correct outline (no skipped or repeated levels). Changes {@code doc}.
     */
    private static String nested(Document doc, int levels, String unchanged) {
        Elements headings = doc.body().select("h1, h2, h3, h4, h5, h6");
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

    /** Every bound figure with its paragraph's id and the sentence around it. */
    private static List<Fragment.FigureMention> figures(Document doc) {
        List<Fragment.FigureMention> out = new ArrayList<>();
        for (Element figure : doc.body().select("a.figure[data-indicator]")) {
            Element block = figure.closest("div.paragraph[id]");
            String anchor = block == null ? "" : block.id();
            String sentence = block == null ? figure.text() : sentence(block, figure);
            out.add(new Fragment.FigureMention(figure.attr("data-indicator"), anchor, sentence));
        }
        return out;
    }

    /** The sentence of {@code block} that contains {@code figure}, cut at Chinese sentence ends. */
    private static String sentence(Element block, Element figure) {
        String printed = figure.text();
        Element copy = block.clone();
        int index = block.select("a.figure").indexOf(figure);
        copy.select("a.figure").get(index).text(String.valueOf(MARK));
        String text = copy.text();
        int at = text.indexOf(MARK);
        int start = at;
        while (start > 0 && SENTENCE_END.indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        int end = at;
        while (end < text.length() && SENTENCE_END.indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return text.substring(start, Math.min(text.length(), end + 1)).replace(String.valueOf(MARK), printed).strip();
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

}
