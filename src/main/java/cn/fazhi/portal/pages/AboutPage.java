package cn.fazhi.portal.pages;

/** A page about the site, such as the accessibility statement, from {@code content/pages/}. */
public record AboutPage(Frame frame, String html) implements PageModel {
}
