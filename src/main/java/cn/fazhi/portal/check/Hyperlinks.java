package cn.fazhi.portal.check;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * What a piece of HTML links to and which link targets it defines: every {@code href} (else
 * {@code src}) in document order, and every element id (else an {@code <a name>}): what the link
 * check needs of each page, found in one walk over its elements.
 *
 * @param links the addresses, in document order
 * @param ids the ids, in document order
 */
record Hyperlinks(List<String> links, List<String> ids) {

    public Hyperlinks {
        links = List.copyOf(links);
        ids = List.copyOf(ids);
    }

    /** The links and ids of {@code root} and every element inside it. */
    static Hyperlinks of(Element root) {
        List<String> links = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Element el : root.getAllElements()) {
            collect(el, links, ids);
        }
        return new Hyperlinks(links, ids);
    }

    /** Adds one element's link and id, if it has them. */
    private static void collect(Element el, List<String> links, List<String> ids) {
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
