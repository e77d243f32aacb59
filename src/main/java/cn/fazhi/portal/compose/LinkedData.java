package cn.fazhi.portal.compose;

import cn.fazhi.portal.navigate.Navigation;
import cn.fazhi.portal.pages.Frame;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What a page says about itself to machines: schema.org JSON-LD, written by Jackson, never by
 * joining strings. A report (its year page and each section) is a {@code Report} published by its
 * issuers ({@code GovernmentOrganization}); the open data is a {@code Dataset} with its CSV and JSON
 * {@code distribution}; the site itself a {@code WebSite}; any other page a {@code WebPage}; and every
 * page with breadcrumbs a {@code BreadcrumbList} of the same links. A date is written only when the
 * page model has one ({@code datePublished} from the report's {@code :date:}, {@code dateModified}
 * from {@link Frame#updated()}): never invented, never the clock.
 *
 * <p>The JSON stands inside a {@code <script type="application/ld+json">} element, which the
 * browser never runs (so the page's Content-Security-Policy does not apply to it) but whose text
 * ends at the first {@code </script}: every {@code <}, {@code >} and {@code &} is written as a
 * six-character escape (backslash, {@code u003c}), which JSON reads back as the same character.
 */
final class LinkedData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter WRITER = JSON.writer().with(new ScriptSafe());

    private LinkedData() {
    }

    /** A node of {@code type}. */
    static ObjectNode node(String type) {
        return JSON.createObjectNode().put("@type", type);
    }

    /** A {@code Report} named {@code name}. */
    static ObjectNode report(String name) {
        return node("Report").put("name", name);
    }

    /**
     * A {@code Dataset} whose files are {@code csv} and {@code json} (absolute addresses).
     */
    static ObjectNode dataset(String name, String csv, String json) {
        ObjectNode set = node("Dataset").put("name", name);
        ArrayNode files = set.putArray("distribution");
        files.add(node("DataDownload").put("encodingFormat", "text/csv").put("contentUrl", csv));
        files.add(node("DataDownload").put("encodingFormat", "application/json").put("contentUrl", json));
        return set;
    }

    /** The bodies that issue a report, each a {@code GovernmentOrganization}. */
    static ArrayNode publishers(List<String> names) {
        ArrayNode publishers = JSON.createArrayNode();
        names.forEach(n -> publishers.add(node("GovernmentOrganization").put("name", n)));
        return publishers;
    }

    /**
     * The JSON-LD of a page: {@code thing} (what the page is; a {@code WebPage} when null) with the
     * frame's facts it does not state itself, and the breadcrumbs.
     *
     * @param issuers the bodies that issued the report the page is about, or empty
     * @param above the pages above this one, as the breadcrumbs show them
     */
    static String of(Frame frame, ObjectNode thing, List<String> issuers, List<Navigation.Entry> above) {
        ObjectNode main = thing == null ? node("WebPage") : thing.deepCopy();
        putIfAbsent(main, "name", frame.title());
        putIfAbsent(main, "url", frame.canonical());
        putIfAbsent(main, "description", frame.description());
        main.put("inLanguage", "zh-CN");
        if (!issuers.isEmpty() && !main.has("publisher")) {
            main.set("publisher", publishers(issuers));
        }
        if (frame.meta() != null) {
            putIfAbsent(main, "datePublished", frame.meta().pubdate());
            putIfAbsent(main, "isBasedOn", frame.meta().sourceUrl());
        }
        putIfAbsent(main, "dateModified", frame.updated());
        ObjectNode doc = JSON.createObjectNode().put("@context", "https://schema.org");
        ArrayNode graph = doc.putArray("@graph").add(main);
        if (!above.isEmpty()) {
            ObjectNode list = graph.addObject().put("@type", "BreadcrumbList");
            ArrayNode items = list.putArray("itemListElement");
            for (Navigation.Entry e : above) {
                item(items, e.label(), e.address().absolute());
            }
            item(items, frame.title(), frame.canonical());
        }
        try {
            return WRITER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON-LD of " + frame.canonical(), e); // a tree of strings always writes
        }
    }

    private static void item(ArrayNode items, String name, String url) {
        ObjectNode item = items.addObject().put("@type", "ListItem").put("position", items.size()).put("name", name);
        if (!url.isEmpty()) {
            item.put("item", url);
        }
    }

    /** Sets {@code field} to {@code value} unless the node has it or the value is empty (unknown). */
    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty() && !node.has(field)) {
            node.put(field, value);
        }
    }

    /**
     * Jackson's standard escapes, and {@code < > &} as six-character escapes: no text in a value can
     * end the script element or open a comment in it.
     */
    private static final class ScriptSafe extends CharacterEscapes {

        private final int[] escapes;

        ScriptSafe() {
            int[] standard = CharacterEscapes.standardAsciiEscapesForJSON();
            standard['<'] = ESCAPE_STANDARD;
            standard['>'] = ESCAPE_STANDARD;
            standard['&'] = ESCAPE_STANDARD;
            escapes = standard;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null; // U+2028 and U+2029 are valid in JSON and in a data block: written as they are
        }
    }
}
