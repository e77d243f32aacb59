package cn.fazhi.portal.render;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * What a piece of HTML links to and which link targets it defines: every {@code href} (else
 * {@code src}) in document order, and every element id (else an {@code <a name>}). The link check
 * needs exactly this of each page; a converted file's is found when it is prepared, so a page that
 * shows the file need not parse that part again.
 *
 * @param links the addresses, in document order
 * @param ids the ids, in document order
 */
public record Hyperlinks(List<String> links, List<String> ids) {

    public Hyperlinks {
        links = List.copyOf(links);
        ids = List.copyOf(ids);
    }

    /** The links and ids of {@code root} and every element inside it. */
    public static Hyperlinks of(Element root) {
        List<String> links = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Element el : root.getAllElements()) {
            collect(el, links, ids);
        }
        return new Hyperlinks(links, ids);
    }

    /** Adds one element's link and id, if it has them. */
    public static void collect(Element el, List<String> links, List<String> ids) {
        if (el.hasAttr("href")) {
            links.add(el.attr("href"));
        } else if (el.hasAttr("src")) {
            links.add(el.attr("src"));
        }
        if (el.hasAttr("id")) {
            ids.add(el.id());
        } else if (el.nameIs("a") && el.hasAttr("name")) {
            ids.add(el.attr("name"));
        }
    }
}
