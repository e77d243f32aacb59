package cn.fazhi.portal.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What assistive technology is given for part of the page open in Chromium: the accessibility tree
 * (CDP {@code Accessibility.getFullAXTree}) below the element a CSS selector finds, as a screen reader
 * walks it: ignored nodes are left out (their children take their place), and so are the inline
 * text boxes Chromium splits text into.
 */
public final class AccessibilityTree {

    /** One node: its role ("radio", "StaticText"…), its accessible name and its states ("checked" → "true"). */
    public record Node(String role, String name, Map<String, String> properties, List<Node> children) {

        /** This node and all below it, in document order. */
        public Stream<Node> all() {
            return Stream.concat(Stream.of(this), children.stream().flatMap(Node::all));
        }

        /** The node and those below it, one a line, indented, e.g. {@code radio "标准" checked=true}. */
        public String describe() {
            StringBuilder out = new StringBuilder();
            describe(out, 0);
            return out.toString();
        }

        private void describe(StringBuilder out, int depth) {
            out.append("  ".repeat(depth)).append(role).append(" \"").append(name).append('"');
            properties.forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
            out.append('\n');
            children.forEach(c -> c.describe(out, depth + 1));
        }
    }

    private AccessibilityTree() {
    }

    /**
     * The tree below the first element {@code selector} finds, that element included; empty when there
     * is no such element or when it is not in the tree (hidden from everyone).
     */
    @SuppressWarnings("unchecked")
    public static Optional<Node> of(ChromeDriver driver, String selector) {
        Map<String, Object> document = driver.executeCdpCommand("DOM.getDocument", Map.of("depth", 0));
        Object rootId = ((Map<String, Object>) document.get("root")).get("nodeId");
        Number nodeId = (Number) driver.executeCdpCommand("DOM.querySelector",
                Map.of("nodeId", rootId, "selector", selector)).get("nodeId");
        if (nodeId == null || nodeId.longValue() == 0) {
            return Optional.empty();
        }
        Map<String, Object> described = (Map<String, Object>) driver.executeCdpCommand("DOM.describeNode",
                Map.of("nodeId", nodeId)).get("node");
        long backend = ((Number) described.get("backendNodeId")).longValue();
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) driver
                .executeCdpCommand("Accessibility.getFullAXTree", Map.of()).get("nodes");
        Map<String, Map<String, Object>> byId = new HashMap<>();
        Map<String, Object> start = null;
        for (Map<String, Object> n : nodes) {
            byId.put((String) n.get("nodeId"), n);
            if (n.get("backendDOMNodeId") instanceof Number b && b.longValue() == backend) {
                start = n;
            }
        }
        if (start == null || Boolean.TRUE.equals(start.get("ignored"))) {
            return Optional.empty();
        }
        return Optional.of(build(start, byId).get(0));
    }

    /** The node as it is exposed: itself, or (ignored) the exposed nodes below it. */
    @SuppressWarnings("unchecked")
    private static List<Node> build(Map<String, Object> n, Map<String, Map<String, Object>> byId) {
        List<Node> children = new ArrayList<>();
        for (Object id : (List<Object>) n.getOrDefault("childIds", List.of())) {
            Map<String, Object> child = byId.get(String.valueOf(id));
            if (child != null) {
                children.addAll(build(child, byId));
            }
        }
        String role = value(n.get("role"));
        if (Boolean.TRUE.equals(n.get("ignored")) || role.equals("InlineTextBox")) {
            return children;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) n.getOrDefault("properties", List.of())) {
            String key = (String) p.get("name");
            if (List.of("checked", "pressed", "disabled", "live", "expanded").contains(key)) {
                properties.put(key, value(p.get("value")));
            }
        }
        return List.of(new Node(role, value(n.get("name")), properties, List.copyOf(children)));
    }

    private static String value(Object o) {
        return o instanceof Map<?, ?> m && m.get("value") != null ? String.valueOf(m.get("value")) : "";
    }
}
