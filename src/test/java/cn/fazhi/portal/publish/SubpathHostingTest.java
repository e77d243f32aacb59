package cn.fazhi.portal.publish;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.testsupport.BuiltSites;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real site built with {@code build --base-url https://www.example.org/gov/fzzf/} and served
 * from that sub-path on 127.0.0.1 by a plain static server (the JDK's HttpServer, context
 * {@code /gov/fzzf/}, answering a missing address with 404.html as GitHub Pages and nginx do):
 * a crawl over HTTP from the home page reaches every page, and every internal href and src,
 * stylesheet, download, canonical link, sitemap and feed address answers 200.
 */
class SubpathHostingTest {

    static final String BASE = "https://www.example.org/gov/fzzf/";
    static final String PREFIX = "/gov/fzzf/";

    static Path site;
    static HttpServer server;
    static String local;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void buildAndServe() throws IOException {
        // build --source REPO --output DIR --base-url BASE, built once per JVM (it fails if the build does).
        assertEquals(BASE, BuiltSites.SUB_PATH_BASE, "the shared build is made for this base URL");
        site = BuiltSites.realUnderSubPath();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PREFIX, SubpathHostingTest::serve);
        server.start();
        local = "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A static file server for the site under {@link #PREFIX}; 404.html for anything missing. */
    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            Path file = site.resolve(path.substring(PREFIX.length())).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            int status = 200;
            if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                status = 404;
                file = site.resolve("404.html");
            }
            String name = file.getFileName().toString();
            String type = switch (name.substring(name.lastIndexOf('.') + 1)) {
                case "html" -> "text/html; charset=utf-8";
                case "css" -> "text/css; charset=utf-8";
                case "js" -> "text/javascript; charset=utf-8";
                case "xml" -> "application/xml; charset=utf-8";
                case "txt" -> "text/plain; charset=utf-8";
                case "csv" -> "text/csv; charset=utf-8";
                case "json" -> "application/json; charset=utf-8";
                case "svg" -> "image/svg+xml";
                default -> "application/octet-stream";
            };
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }

    record Fetched(int status, String type, String body) {
    }

    private static Fetched get(String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Fetched(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The production address of a page mapped onto the local server; other hosts give null. */
    private static String internal(String absolute) {
        String url = absolute.replaceFirst("#.*$", "");
        if (url.startsWith(BASE)) {
            return local + url.substring(BASE.length());
        }
        return url.startsWith(local) ? url : null;
    }

    /** Every address a fetched file links to, made absolute against the address it was fetched from. */
    private static List<String> links(String url, Fetched f) {
        List<String> out = new ArrayList<>();
        if (f.type().startsWith("text/html")) {
            Document doc = Jsoup.parse(f.body(), url);
            for (Element el : doc.select("[href], [src]")) {
                out.add(el.hasAttr("href") ? el.absUrl("href") : el.absUrl("src"));
            }
        } else if (f.type().startsWith("application/xml")) {
            Document doc = Jsoup.parse(f.body(), url, Parser.xmlParser());
            out.addAll(doc.select("loc").eachText());
            doc.select("link[href]").forEach(l -> out.add(l.absUrl("href")));
        } else if (f.type().startsWith("text/plain")) {
            f.body().lines().filter(l -> l.startsWith("Sitemap: ")).forEach(l -> out.add(l.substring(9).strip()));
        }
        return out;
    }

    @Test
    void aCrawlFromTheHomePageReachesEveryPageAndEveryInternalLinkAnswers200() throws IOException {
        Map<String, String> referrer = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(local, local + "robots.txt"));
        queue.forEach(u -> referrer.put(u, "(start)"));
        List<String> failures = new ArrayList<>();
        Set<String> fetched = new TreeSet<>();
        while (!queue.isEmpty()) {
            String url = queue.poll();
            Fetched f = get(url);
            fetched.add(url);
            if (f.status() != 200) {
                failures.add(f.status() + " " + url + " (linked from " + referrer.get(url) + ")");
                continue;
            }
            for (String link : links(url, f)) {
                String target = internal(link);
                if (target != null && !referrer.containsKey(target)) {
                    referrer.put(target, url);
                    queue.add(target);
                }
            }
        }
        assertEquals(List.of(), failures, "addresses that do not answer 200 when served from " + PREFIX);

        Set<String> reached = fetched.stream().map(u -> BuiltSites.withoutVersion(u.substring(local.length())))
                .map(p -> p.isEmpty() || p.endsWith("/") ? p + "index.html" : p).collect(Collectors.toCollection(TreeSet::new));
        Set<String> unreached = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(site)) {
            walk.filter(Files::isRegularFile).map(p -> site.relativize(p).toString().replace('\\', '/'))
                    // The search index is fetched by js/search.js, not linked; SiteSearchTest runs it under a prefix.
                    // 404.html and its script are reached from a missing address (the next test), not by a link.
                    .filter(p -> !p.equals("404.html") && !p.equals("js/not-found.js") && !p.startsWith("search/") && !reached.contains(p))
                    .forEach(unreached::add);
        }
        assertEquals(Set.of(), unreached, "files of the site no crawl from the home page reaches");
        assertTrue(reached.contains("js/search.js"), "the search page's script is reached");
        assertTrue(reached.contains("sitemap.xml") && reached.contains("feed.xml") && reached.contains("css/site.css"));
    }

    @Test
    void theNotFoundPageWorksAtAnyDepthWithTheNormalLayout() {
        for (String missing : List.of("no-such-page.html", "2023/no-such-section.html", "a/b/c/d/")) {
            String url = local + missing;
            Fetched f = get(url);
            assertEquals(404, f.status(), url);
            Document doc = Jsoup.parse(f.body(), url);
            assertEquals("页面未找到", doc.select("main h1").text());
            assertEquals(1, doc.select("header.site-header").size(), "the normal page layout");
            List<String> failures = new ArrayList<>();
            assertTrue(doc.select("script[src]").eachAttr("src").stream().map(BuiltSites::withoutVersion).toList()
                    .contains(PREFIX + "js/not-found.js"));
            for (Element el : doc.select("[href]:not([href^=#]), [src], form[action]")) {
                String link = el.hasAttr("href") ? el.absUrl("href") : el.hasAttr("src") ? el.absUrl("src") : el.absUrl("action");
                String target = internal(link);
                if (target != null && link.startsWith("http://127.0.0.1") && get(target).status() != 200) {
                    failures.add(el.hasAttr("href") ? el.attr("href") : el.hasAttr("src") ? el.attr("src") : el.attr("action"));
                }
            }
            assertEquals(List.of(), failures, "links of the 404 page answered at " + url);
            assertTrue(doc.select("link[rel=stylesheet]").attr("href").startsWith(PREFIX), "stylesheet from the base path");
        }
    }

    @Test
    void canonicalLinksSitemapAndFeedUseTheBaseUrlGivenOnTheCommandLine() throws IOException {
        Document year = Fixtures.html(site.resolve("2023/leadership.html"));
        assertEquals(BASE + "2023/leadership.html", year.select("link[rel=canonical]").attr("href"));
        assertEquals(BASE, Fixtures.html(site.resolve("index.html")).select("link[rel=canonical]").attr("href"));
        assertTrue(Files.readString(site.resolve("robots.txt")).contains("Sitemap: " + BASE + "sitemap.xml"));
        assertTrue(Files.readString(site.resolve("sitemap.xml")).contains("<loc>" + BASE + "2023/index.html</loc>"));
        assertTrue(Files.readString(site.resolve("feed.xml")).contains("<id>" + BASE + "2023/index.html</id>"));
    }
}
