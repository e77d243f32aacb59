package cn.fazhi.portal.pages;

import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.ProblemsException;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where each kind of page lives in the site, made once per build from the base URL the site is
 * published under. One place, so the macro, the pages, the open data and the link check agree.
 *
 * @param baseUrl the absolute address of the site, ending in '/'
 * @param basePath its path part, e.g. {@code /fzzf/}
 */
public record Addresses(String baseUrl, String basePath) {

    /** The home page's path. */
    public static final String HOME = "index.html";

    /**
     * The addresses of a site published under {@code baseUrl}.
     *
     * @throws ProblemsException when the URL is missing or not an absolute http(s) address ending in '/'
     */
    public static Addresses of(String baseUrl) {
        String url = baseUrl == null ? "" : baseUrl.strip();
        return new Addresses(url, basePath(url));
    }

    private static String basePath(String baseUrl) {
        String hint = "write the address the site is published under, ending in '/', e.g. "
                + "'base_url: https://example.gov.cn/fzzf/' in data/site.yaml, or pass build --base-url URL";
        if (baseUrl.isBlank()) {
            throw new ProblemsException(Problem.at("data/site.yaml", 0, "base_url is missing: the canonical links, "
                    + "sitemap.xml, feed.xml and the 404 page need the address the site is published under", hint));
        }
        try {
            URI uri = new URI(baseUrl);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawPath() == null || !uri.getRawPath().startsWith("/") || !uri.getRawPath().endsWith("/")) {
                throw new URISyntaxException(baseUrl, "not an absolute http(s) address of a folder");
            }
            return uri.getRawPath();
        } catch (URISyntaxException e) {
            throw new ProblemsException(Problem.at("data/site.yaml", 0,
                    "base_url '" + baseUrl + "' is not an absolute http(s) address ending in '/'", hint));
        }
    }

    /** Any file of the site, by its path from the root. */
    public Address file(String path) {
        return new Address(this, path, "");
    }

    public Address home() {
        return file(HOME);
    }

    public Address year(int year) {
        return file(year + "/index.html");
    }

    public Address section(int year, String slug) {
        return file(year + "/" + slug + ".html");
    }

    public Address yearFigures(int year) {
        return file(year + "/figures.html");
    }

    public Address indicators() {
        return file("indicators/index.html");
    }

    public Address indicator(String id) {
        return file("indicators/" + id + ".html");
    }

    /** A page about the site, from {@code content/pages/<slug>.adoc}. */
    public Address about(String slug) {
        return file(slug + ".html");
    }

    public Address search() {
        return file("search.html");
    }

    public Address openData(String name) {
        return file("opendata/" + name);
    }

    /** 更正记录: every correction of the published reports. */
    public Address corrections() {
        return file("corrections.html");
    }

    /** The human-readable site map (网站地图). */
    public Address siteMap() {
        return file("sitemap.html");
    }

    /** The page a web server answers with for any missing address, at any depth. */
    public Address notFound() {
        return file("404.html");
    }

    /** The machine-readable sitemap for search engines. */
    public Address sitemapXml() {
        return file("sitemap.xml");
    }

    /** The Atom feed of the reports. */
    public Address feed() {
        return file("feed.xml");
    }

    public Address robots() {
        return file("robots.txt");
    }
}
