package cn.fazhi.portal.load;

/**
 * A page about the site rather than a report (the accessibility statement, for instance), from
 * {@code content/pages/<slug>.adoc}; published at {@code <slug>.html}.
 *
 * @param slug ASCII name, the page's address
 * @param title the page title
 * @param source the file, for conversion and messages
 */
public record InfoPage(String slug, String title, TextFile source) {
}
