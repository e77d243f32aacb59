package cn.fazhi.portal.pages;

/**
 * Where each kind of page lives in the site, relative to the site root. One place, so links
 * made by the macro, the composer and the open-data writer always agree.
 */
public final class Addresses {

    private Addresses() {
    }

    public static String year(int year) {
        return year + "/index.html";
    }

    public static String section(int year, String slug) {
        return year + "/" + slug + ".html";
    }

    public static String yearFigures(int year) {
        return year + "/figures.html";
    }

    public static String indicators() {
        return "indicators/index.html";
    }

    public static String indicator(String id) {
        return "indicators/" + id + ".html";
    }

    public static String search() {
        return "search.html";
    }

    public static String openData(String name) {
        return "opendata/" + name;
    }

    /** The human-readable site map (网站地图). */
    public static String siteMap() {
        return "sitemap.html";
    }

    /** The page a web server answers with for any missing address, at any depth. */
    public static String notFound() {
        return "404.html";
    }

    /** The machine-readable sitemap for search engines. */
    public static String sitemapXml() {
        return "sitemap.xml";
    }

    /** The Atom feed of the reports. */
    public static String feed() {
        return "feed.xml";
    }

    public static String robots() {
        return "robots.txt";
    }

    /**
     * The absolute address of a page of the site published under {@code baseUrl}: the home page is
     * the base address itself, every other page its file's address (so it works on any static host,
     * including those that serve no index file for a folder).
     */
    public static String absolute(String baseUrl, String path) {
        return path.equals("index.html") ? baseUrl : baseUrl + path;
    }
}
