package cn.fazhi.portal.check;

import cn.fazhi.portal.Parallel;
import cn.fazhi.portal.output.OutputCatalog;
import cn.fazhi.portal.output.OutputFile;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.problems.Problems;
import cn.fazhi.portal.problems.ProblemsException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code check} stage's link check, on the site as the output catalog holds it: every internal
 * {@code href}/{@code src} of every HTML page must name a file of the site, and every
 * {@code #fragment} an element id on that page. The addresses in {@code sitemap.xml} and
 * {@code feed.xml} are checked the same way.
 *
 * <p>Internal links are relative. Two kinds of absolute links are internal too, and checked: those
 * that start with the site's base URL (canonical links, sitemap, feed), and, on {@code 404.html} only,
 * those that start with the base URL's path (that page is served at any depth, see compose.SitePages).
 * Every other absolute link is external: collected and listed, never fetched (the build has no network).
 */
public final class LinkChecker {

    /** A link that does not resolve. */
    public record BrokenLink(String page, String link, String reason) {
        public String format() {
            return page + ": broken link '" + link + "' (" + reason + ")";
        }
    }

    /** The outcome of one check; {@code external} is sorted and without duplicates. */
    public record Report(int pages, List<BrokenLink> broken, Set<String> external) {

        /**
         * This report, if no link is broken.
         *
         * @throws ProblemsException with one problem per broken link, naming the page and the link
         */
        public Report throwIfBroken() {
            Problems problems = new Problems();
            broken.forEach(b -> problems.add("site/" + b.page(), 0, "broken link '" + b.link() + "': " + b.reason(),
                    "fix the link in the section text or the template that makes this page"));
            problems.throwIfAny();
            return this;
        }
    }

    private static final String NOT_FOUND_PAGE = "404.html";

    private final OutputCatalog site;
    private final Addresses at;
    private final Map<String, Set<String>> ids = new HashMap<>();

    private LinkChecker(OutputCatalog site, Addresses at) {
        this.site = site;
        this.at = at;
    }

    /** Checks every page and XML file of {@code site}, published under {@code at}'s base URL. */
    public static Report check(OutputCatalog site, Addresses at) {
        return new LinkChecker(site, at).check();
    }

    private Report check() {
        List<OutputFile> pages = site.endingWith(".html");
        // Parsing is most of the work and each page is parsed on its own, so pages are parsed on
        // all cores; the links are then checked in page order, so the report is the same every time.
        List<Hyperlinks> found = Parallel.map(pages, page -> Hyperlinks.of(Jsoup.parse(page.text())));
        for (int i = 0; i < pages.size(); i++) {
            ids.put(pages.get(i).path(), new HashSet<>(found.get(i).ids()));
        }
        List<BrokenLink> broken = new ArrayList<>();
        Set<String> external = new TreeSet<>();
        // Most links recur on many pages (the navigation, the stylesheet…). A link that names a
        // file resolves the same way from every page of a folder, so it is resolved once per folder.
        Map<String, Outcome> resolved = new HashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i).path();
            String ownRoot = page.equals(NOT_FOUND_PAGE) ? at.basePath() : null;
            for (String link : found.get(i).links()) {
                String s = link.strip();
                boolean ofThisPage = ownRoot != null || s.isEmpty() || s.startsWith("#") || s.startsWith("?");
                Outcome outcome = ofThisPage ? resolve(page, link, ownRoot)
                        : resolved.computeIfAbsent(folder(page) + "\0" + link, k -> resolve(page, link, null));
                outcome.record(page, link, broken, external);
            }
        }
        for (OutputFile xml : site.endingWith(".xml")) {
            Document doc = Jsoup.parse(xml.text(), "", Parser.xmlParser());
            List<String> links = new ArrayList<>(doc.select("loc").eachText());
            links.addAll(doc.select("link[href]").eachAttr("href"));
            for (String link : links) {
                resolve(xml.path(), link, null).record(xml.path(), link, broken, external);
            }
        }
        return new Report(pages.size(), broken, external);
    }

    /**
     * @param page the path of the file the link is on
     * @param ownRoot on 404.html, the base URL's path, where links starting with it start from the root
     */
    private Outcome resolve(String page, String link, String ownRoot) {
        String rest = link.strip();
        String from = folder(page);
        boolean fromRoot = false;
        if (rest.startsWith(at.baseUrl())) {
            rest = rest.substring(at.baseUrl().length());
            from = "";
            fromRoot = true;
        } else if (rest.startsWith("/") && !rest.startsWith("//") && ownRoot != null && rest.startsWith(ownRoot)) {
            rest = rest.substring(ownRoot.length());
            from = "";
            fromRoot = true;
        }
        URI uri;
        try {
            uri = new URI(rest);
        } catch (URISyntaxException e) {
            return Outcome.broken("not a valid address");
        }
        if (uri.getScheme() != null || rest.startsWith("//")) {
            return "data".equalsIgnoreCase(uri.getScheme()) ? Outcome.FINE : Outcome.EXTERNAL;
        }
        String path = uri.getRawPath() == null ? "" : URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8);
        String target;
        if (path.isEmpty() && !fromRoot) {
            target = page;
        } else if (path.startsWith("/")) {
            return Outcome.broken("root-relative links break when the site is served from a sub-path");
        } else {
            target = normalize(from.isEmpty() ? path : from + "/" + path);
            if (target == null) {
                return Outcome.broken("points outside the site");
            }
            if (path.isEmpty() || path.endsWith("/") || site.isFolder(target) || target.isEmpty()) {
                target = target.isEmpty() ? "index.html" : target.replaceAll("/$", "") + "/index.html";
            }
        }
        if (site.file(target).isEmpty()) {
            return Outcome.broken("no such file");
        }
        String fragment = uri.getFragment();
        if (fragment != null && !fragment.isEmpty() && target.endsWith(".html") && !ids.get(target).contains(fragment)) {
            return Outcome.broken("no element with id '" + fragment + "'");
        }
        return Outcome.FINE;
    }

    /** The folder a file is in, {@code ""} for the root. */
    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** {@code a/./b/../c} as {@code a/c}; null when it climbs above the site's root. */
    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else if (!part.equals(".") && !part.isEmpty()) {
                parts.add(part);
            }
        }
        return String.join("/", parts) + (path.endsWith("/") && !parts.isEmpty() ? "/" : "");
    }

    /** What a link turned out to be: fine, external (listed, not fetched), or broken for a reason. */
    private record Outcome(String brokenBecause, boolean external) {
        static final Outcome FINE = new Outcome(null, false);
        static final Outcome EXTERNAL = new Outcome(null, true);

        static Outcome broken(String reason) {
            return new Outcome(reason, false);
        }

        void record(String page, String link, List<BrokenLink> broken, Set<String> externalLinks) {
            if (brokenBecause != null) {
                broken.add(new BrokenLink(page, link, brokenBecause));
            } else if (external) {
                externalLinks.add(link.strip());
            }
        }
    }
}
