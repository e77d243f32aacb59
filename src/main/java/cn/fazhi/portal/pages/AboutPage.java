package cn.fazhi.portal.pages;

/**
 * A page about the site, such as the accessibility statement, from {@code content/pages/}.
 *
 * @param tables whether its text has a table (the page then loads the script for wide tables)
 */
public record AboutPage(Frame frame, String html, boolean tables) implements PageModel {
}
