package cn.fazhi.portal.pages;

import java.util.List;

/**
 * The 404 page. A web server shows it for any missing address, at any depth, so its links start
 * with the base path instead of being relative. It offers a search of the site ({@code search}: the
 * search page, which its form is sent to).
 */
public record NotFoundPage(Frame frame, String home, List<Link> reports, String siteMap, String search)
        implements PageModel {
}
