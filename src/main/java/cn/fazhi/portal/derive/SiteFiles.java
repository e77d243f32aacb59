package cn.fazhi.portal.derive;

import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Section;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.pages.Page;
import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.ProblemsException;
import org.jsoup.Jsoup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The files about the whole site: the human-readable site map ({@code sitemap.html}, 网站地图), the
 * {@code 404.html} page, and the pure files {@code sitemap.xml}, {@code robots.txt} and the Atom
 * feed {@code feed.xml}. All of them are made from the pages the other composers decided on, so a
 * page left out of the build (a draft) is left out of every list, and a new kind of page is listed
 * without changes here.
 *
 * <p>Nothing here reads the clock: a time stamp comes from the content (a report's {@code :date:}),
 * else from {@code SOURCE_DATE_EPOCH}, else it is {@link #FALLBACK_EPOCH}. So two builds of the same
 * sources are byte-identical whenever and wherever they run.
 */
public final class SiteFiles {

    /** The time stamp used when no report states a date and SOURCE_DATE_EPOCH is not set. */
    public static final Instant FALLBACK_EPOCH = Instant.EPOCH;

    /** Report dates are dates in China (UTC+8, no daylight saving), so their instants never vary. */
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final Site site;
    private final Function<String, String> html;
    private final String baseUrl;
    private final String basePath;
    private final Optional<Instant> sourceDateEpoch;

    /** Reads SOURCE_DATE_EPOCH from the environment. */
    public SiteFiles(Site site, Function<String, String> html) {
        this(site, html, System.getenv("SOURCE_DATE_EPOCH"));
    }

    /**
     * @param sourceDateEpoch the value of SOURCE_DATE_EPOCH (seconds since 1970), or null when unset
     * @throws ProblemsException when base_url or SOURCE_DATE_EPOCH is unusable
     */
    public SiteFiles(Site site, Function<String, String> html, String sourceDateEpoch) {
        this.site = site;
        this.html = html;
        this.baseUrl = site.config().baseUrl() == null ? "" : site.config().baseUrl().strip();
        this.basePath = basePath(baseUrl);
        this.sourceDateEpoch = epoch(sourceDateEpoch);
    }

    /**
     * The path part of an absolute base URL, e.g. {@code /fzzf/} for {@code https://example.gov.cn/fzzf/}.
     *
     * @throws ProblemsException when the URL is not an absolute http(s) address ending in '/'
     */
    public static String basePath(String baseUrl) {
        String hint = "write the address the site is published under, ending in '/', e.g. "
                + "'base_url: https://example.gov.cn/fzzf/' in data/site.yaml, or pass build --base-url URL";
        if (baseUrl == null || baseUrl.isBlank()) {
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

    private static Optional<Instant> epoch(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.strip())));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new ProblemsException(Problem.at("SOURCE_DATE_EPOCH", 0,
                    "the environment variable SOURCE_DATE_EPOCH='" + value + "' is not a number of seconds since 1970",
                    "unset it, or set it to e.g. $(git log -1 --format=%ct)"));
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    // ---- 网站地图 -------------------------------------------------------------------------------

    /**
     * The site map page (网站地图), listing the composed pages.
     *
     * @param composed every page the other composers made, in their order
     */
    public Page siteMapPage(List<Page> composed) {
        Map<String, Page> byPath = new LinkedHashMap<>();
        composed.forEach(p -> byPath.put(p.path(), p));
        List<Map<String, Object>> groups = new ArrayList<>();
        Set<String> listed = new TreeSet<>();

        if (byPath.containsKey("index.html")) {
            groups.add(group("首页", List.of(node(byPath.get("index.html"), List.of())), listed));
        }
        List<Report> newestFirst = site.reports().stream()
                .sorted(Comparator.comparingInt(Report::year).reversed()).toList();
        for (Report report : newestFirst) {
            Page yearPage = byPath.get(Addresses.year(report.year()));
            if (yearPage == null) {
                continue;
            }
            List<Map<String, Object>> children = new ArrayList<>();
            Map<String, List<Map<String, Object>>> partChildren = new LinkedHashMap<>();
            for (Section s : report.sections()) {
                Page page = byPath.get(Addresses.section(report.year(), s.slug()));
                if (page == null) {
                    continue;
                }
                List<Map<String, Object>> own = new ArrayList<>();
                if (s.level() == 1) {
                    partChildren.put(s.slug(), own);
                    children.add(node(page, own));
                } else {
                    partChildren.getOrDefault(s.parentSlug(), children).add(node(page, own));
                }
            }
            // Any other page of the year (its figures, or kinds added later) follows the sections.
            String prefix = report.year() + "/";
            java.util.Set<String> sectionPaths = report.sections().stream()
                    .map(s -> Addresses.section(report.year(), s.slug())).collect(java.util.stream.Collectors.toSet());
            for (Page page : composed) {
                if (page.path().startsWith(prefix) && page != yearPage && !sectionPaths.contains(page.path())) {
                    children.add(node(page, List.of()));
                }
            }
            groups.add(group(report.year() + "年报告", List.of(node(yearPage, children)), listed));
        }
        Page indicators = byPath.get(Addresses.indicators());
        if (indicators != null) {
            List<Map<String, Object>> children = composed.stream()
                    .filter(p -> p.path().startsWith("indicators/") && p != indicators)
                    .map(p -> node(p, List.of())).toList();
            groups.add(group("指标数据", List.of(node(indicators, children)), listed));
        }
        List<Map<String, Object>> others = composed.stream()
                .filter(p -> !listed.contains(p.path())).map(p -> node(p, List.of())).toList();
        if (!others.isEmpty()) {
            groups.add(group("其他页面", others, listed));
        }

        Map<String, Object> m = PageModels.base(site, "网站地图", Addresses.siteMap(), false);
        m.put("groups", groups);
        m.put("crumbs", List.of(PageModels.crumb(site.config().name(), "index.html")));
        return new Page(Addresses.siteMap(), "site_map", m);
    }

    private static Map<String, Object> group(String title, List<Map<String, Object>> items, Set<String> listed) {
        collectPaths(items, listed);
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("title", title);
        g.put("items", items);
        return g;
    }

    @SuppressWarnings("unchecked")
    private static void collectPaths(List<Map<String, Object>> items, Set<String> into) {
        for (Map<String, Object> item : items) {
            into.add((String) item.get("path"));
            collectPaths((List<Map<String, Object>>) item.get("children"), into);
        }
    }

    private static Map<String, Object> node(Page page, List<Map<String, Object>> children) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("title", String.valueOf(page.model().get("title")));
        n.put("path", page.path());
        n.put("draft", Boolean.TRUE.equals(page.model().get("draft")));
        n.put("children", children);
        return n;
    }

    // ---- 404 ------------------------------------------------------------------------------------

    /**
     * A web server answers any missing address with this page, at whatever depth the address is,
     * so relative links cannot work on it. Its links start with the base path instead
     * ({@code /fzzf/css/site.css}): they work on any host that serves the site under that path,
     * need no {@code <base>} element (which a Content-Security-Policy of {@code base-uri 'none'} forbids),
     * and stay on the same origin. It needs no converted text, so a build can make it first.
     */
    public Page notFoundPage() {
        Map<String, Object> m = PageModels.base(site, "页面未找到", Addresses.notFound(), false);
        m.put("canonical", "");
        m.put("root", basePath);
        m.put("crumbs", List.of());
        m.put("site_map_path", Addresses.siteMap());
        m.put("reports", site.reports().stream().sorted(Comparator.comparingInt(Report::year).reversed()).map(r -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("title", r.title());
            x.put("path", Addresses.year(r.year()));
            return x;
        }).toList());
        return new Page(Addresses.notFound(), "notfound", m);
    }

    // ---- sitemap.xml, robots.txt, feed.xml --------------------------------------------------------

    /**
     * Writes sitemap.xml (every page but the 404 page, absolute addresses), robots.txt and feed.xml.
     *
     * @param pages every page of the site, as baked
     */
    public void write(List<Page> pages, Path out) {
        try {
            write(out.resolve(Addresses.sitemapXml()), sitemapXml(pages));
            write(out.resolve(Addresses.robots()), robotsTxt());
            write(out.resolve(Addresses.feed()), feedXml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String sitemapXml(List<Page> pages) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (Page page : pages) {
            if (!page.path().equals(Addresses.notFound())) {
                x.append("  <url><loc>").append(xml(Addresses.absolute(baseUrl, page.path()))).append("</loc></url>\n");
            }
        }
        return x.append("</urlset>\n").toString();
    }

    String robotsTxt() {
        return "# Crawlers read robots.txt only at the root of a host. When the site is served from a\n"
                + "# sub-path, copy the Sitemap line into the host's own /robots.txt (see README, Publishing).\n"
                + "User-agent: *\n"
                + "Disallow:\n"
                + "\n"
                + "Sitemap: " + baseUrl + Addresses.sitemapXml() + "\n";
    }

    /** One entry per published year's report, newest first. */
    String feedXml() {
        List<Report> newestFirst = site.reports().stream()
                .sorted(Comparator.comparingInt(Report::year).reversed()).toList();
        String updated = newestFirst.stream().map(Report::published).flatMap(Optional::stream)
                .max(Comparator.naturalOrder()).map(SiteFiles::chinaDate).orElseGet(this::fallbackTime);
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n");
        x.append("  <title>").append(xml(site.config().name())).append("</title>\n");
        x.append("  <id>").append(xml(baseUrl)).append("</id>\n");
        x.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(baseUrl)).append("\"/>\n");
        x.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"")
                .append(xml(baseUrl + Addresses.feed())).append("\"/>\n");
        x.append("  <updated>").append(updated).append("</updated>\n");
        x.append("  <author><name>").append(xml(site.config().name())).append("</name></author>\n");
        for (Report r : newestFirst) {
            String url = Addresses.absolute(baseUrl, Addresses.year(r.year()));
            x.append("  <entry>\n");
            x.append("    <title>").append(xml(r.title())).append("</title>\n");
            x.append("    <id>").append(xml(url)).append("</id>\n");
            x.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(url)).append("\"/>\n");
            r.published().ifPresent(d -> x.append("    <published>").append(chinaDate(d)).append("</published>\n"));
            x.append("    <updated>").append(r.published().map(SiteFiles::chinaDate).orElseGet(this::fallbackTime))
                    .append("</updated>\n");
            for (String issuer : r.issuers()) {
                x.append("    <author><name>").append(xml(issuer)).append("</name></author>\n");
            }
            String summary = Jsoup.parseBodyFragment(String.valueOf(html.apply(r.landing().name()))).text().strip();
            if (!summary.isEmpty()) {
                x.append("    <summary type=\"text\">").append(xml(summary)).append("</summary>\n");
            }
            x.append("  </entry>\n");
        }
        return x.append("</feed>\n").toString();
    }

    private static String chinaDate(LocalDate date) {
        return date.atStartOfDay().atOffset(CHINA).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private String fallbackTime() {
        return DateTimeFormatter.ISO_INSTANT.format(sourceDateEpoch.orElse(FALLBACK_EPOCH));
    }

    private static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static void write(Path file, String text) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
