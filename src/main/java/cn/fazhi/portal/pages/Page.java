package cn.fazhi.portal.pages;

import java.util.Map;

/**
 * One page of the site as JBake will bake it.
 *
 * @param path output path relative to the site root, e.g. {@code 2023/leadership.html}
 * @param type the page kind, which picks the template {@code templates/<type>.ftl}
 * @param model the values the template shows (title, body, navigation...), already computed
 */
public record Page(String path, String type, Map<String, Object> model) {
}
