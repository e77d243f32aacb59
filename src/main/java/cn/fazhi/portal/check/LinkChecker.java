package cn.fazhi.portal.check;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code check} stage's link crawl: every internal {@code href}/{@code src} of every HTML
 * page must name a file of the site, and every {@code #fragment} an element id on that page.
 * External links are collected and listed, never fetched (the build has no network).
 */
public final class LinkChecker {

    /** A link that does not resolve. */
    public record BrokenLink(String page, String link, String reason) {
        public String format() {
            return page + ": broken link '" + link + "' (" + reason + ")";
        }
    }

    /** The outcome of one crawl. */
    public record Report(int pages, List<BrokenLink> broken, Set<String> external) {
    }

    public Report check(Path site) {
        Path root = site.toAbsolutePath().normalize();
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(root)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Path, Set<String>> idsCache = new HashMap<>();
        List<BrokenLink> broken = new ArrayList<>();
        Set<String> external = new TreeSet<>();
        for (Path page : pages) {
            Document doc = parse(page);
            String pageName = root.relativize(page).toString().replace('\\', '/');
            idsCache.put(page, ids(doc));
            for (Element el : doc.select("[href], [src]")) {
                String link = el.hasAttr("href") ? el.attr("href") : el.attr("src");
                check(root, page, pageName, link, idsCache, broken, external);
            }
        }
        return new Report(pages.size(), broken, external);
    }

    private void check(Path root, Path page, String pageName, String link, Map<Path, Set<String>> idsCache,
                       List<BrokenLink> broken, Set<String> external) {
        URI uri;
        try {
            uri = new URI(link.strip());
        } catch (URISyntaxException e) {
            broken.add(new BrokenLink(pageName, link, "not a valid address"));
            return;
        }
        if (uri.getScheme() != null || link.startsWith("//")) {
            external.add(link);
            return;
        }
        String path = uri.getRawPath() == null ? "" : URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8);
        Path target;
        if (path.isEmpty()) {
            target = page;
        } else if (path.startsWith("/")) {
            broken.add(new BrokenLink(pageName, link, "root-relative links break when the site is served from a sub-path"));
            return;
        } else {
            target = page.getParent().resolve(path).normalize();
            if (path.endsWith("/") || Files.isDirectory(target)) {
                target = target.resolve("index.html");
            }
        }
        if (!target.startsWith(root)) {
            broken.add(new BrokenLink(pageName, link, "points outside the site"));
            return;
        }
        if (!Files.isRegularFile(target)) {
            broken.add(new BrokenLink(pageName, link, "no such file"));
            return;
        }
        String fragment = uri.getFragment();
        if (fragment != null && !fragment.isEmpty() && target.toString().endsWith(".html")) {
            Set<String> ids = idsCache.computeIfAbsent(target, t -> ids(parse(t)));
            if (!ids.contains(fragment)) {
                broken.add(new BrokenLink(pageName, link, "no element with id '" + fragment + "'"));
            }
        }
    }

    private static Set<String> ids(Document doc) {
        return doc.select("[id], a[name]").stream()
                .map(e -> e.hasAttr("id") ? e.id() : e.attr("name"))
                .collect(Collectors.toSet());
    }

    private static Document parse(Path page) {
        try {
            return Jsoup.parse(page.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
