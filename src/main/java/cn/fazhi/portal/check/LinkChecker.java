package cn.fazhi.portal.check;

import cn.fazhi.portal.render.Hyperlinks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The {@code check} stage's link crawl: every internal {@code href}/{@code src} of every HTML
 * page must name a file of the site, and every {@code #fragment} an element id on that page. The
 * addresses in {@code sitemap.xml} and {@code feed.xml} are checked the same way.
 *
 * <p>Internal links are relative. Two kinds of absolute links are internal too, and checked: those
 * that start with the site's base URL (canonical links, sitemap, feed), and, on {@code 404.html} only,
 * those that start with the base URL's path (that page is served at any depth, see SiteFiles).
 * Every other absolute link is external: collected and listed, never fetched (the build has no network).
 */
public final class LinkChecker {

    /** A link that does not resolve. */
    public record BrokenLink(String page, String link, String reason) {
        public String format() {
            return page + ": broken link '" + link + "' (" + reason + ")";
        }
    }

    /** The outcome of one crawl; {@code external} is sorted and without duplicates. */
    public record Report(int pages, List<BrokenLink> broken, Set<String> external) {
    }

    private static final String NOT_FOUND_PAGE = "404.html";

    private final String baseUrl;

    /** Takes the base URL from the home page's canonical link, if it has one. */
    public LinkChecker() {
        this(null);
    }

    /** @param baseUrl the absolute address the site is published under, ending in '/'; null if unknown */
    public LinkChecker(String baseUrl) {
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl;
    }

    /**
     * Pages parsed ahead of the check, while the rest of the site is still being written (the
     * pipeline parses each page as soon as JBake has baked it, on the core the bake leaves free).
     */
    public static final class Scans {
        private final Map<Path, Scan> done = new ConcurrentHashMap<>();

        /** Parses one finished page of the site. */
        public void scan(Path page) {
            scan(page, List.of());
        }

        /**
         * Parses one finished page of the site that shows converted files: where the page holds a
         * file's HTML exactly, that part is not parsed again, its links and ids are taken as found
         * when the file was prepared (a year page is almost all such parts). A part the page does
         * not hold exactly (escaped, or not shown) is simply parsed with the rest.
         */
        public void scan(Path page, List<Embedded> embedded) {
            Path p = page.toAbsolutePath().normalize();
            done.put(p, LinkChecker.scan(p, embedded));
        }
    }

    /** A converted file's HTML as pages show it, with its links and ids. */
    public record Embedded(String html, Hyperlinks hyperlinks) {
    }

    public Report check(Path site) {
        return check(site, new Scans());
    }

    /** @param ahead pages of {@code site} already parsed; the others are parsed here */
    public Report check(Path site, Scans ahead) {
        Path root = site.toAbsolutePath().normalize();
        List<Path> pages;
        List<Path> xmlFiles;
        Set<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> all = walk.filter(Files::isRegularFile).sorted().toList();
            files = new HashSet<>(all);
            pages = all.stream().filter(p -> p.toString().endsWith(".html")).toList();
            xmlFiles = all.stream().filter(p -> p.toString().endsWith(".xml")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Path> folders = new HashSet<>();
        files.forEach(f -> {
            for (Path d = f.getParent(); d != null && d.startsWith(root) && folders.add(d); d = d.getParent()) {
                // every folder holding a file, up to the root
            }
        });
        Built built = new Built(root, files, folders);
        String base = baseUrl != null ? baseUrl : discoverBase(root);
        String basePath = base == null ? null : URI.create(base).getRawPath();
        // Parsing is most of the work and each page is parsed on its own, so pages are parsed on
        // all cores; the links are then checked in page order, so the report is the same every time.
        Map<Path, Scan> scans = new ConcurrentHashMap<>(ahead.done);
        pages.parallelStream().filter(page -> !scans.containsKey(page)).forEach(page -> scans.put(page, scan(page)));
        Map<Path, Set<String>> idsCache = new HashMap<>();
        scans.forEach((page, scan) -> idsCache.put(page, scan.ids()));
        List<BrokenLink> broken = new ArrayList<>();
        Set<String> external = new TreeSet<>();
        // Most links recur on many pages (the navigation, the stylesheet…). A link that names a
        // file resolves the same way from every page of a folder, so it is resolved once per folder.
        Map<String, Outcome> resolved = new HashMap<>();
        for (Path page : pages) {
            String pageName = name(root, page);
            String ownPath = pageName.equals(NOT_FOUND_PAGE) ? basePath : null;
            String folder = page.getParent() + "\0";
            for (String link : scans.get(page).links()) {
                String s = link.strip();
                boolean ofThisPage = ownPath != null || s.isEmpty() || s.startsWith("#") || s.startsWith("?");
                Outcome outcome = ofThisPage ? resolve(built, page.getParent(), pageName, link, base, ownPath, idsCache)
                        : resolved.computeIfAbsent(folder + link,
                                k -> resolve(built, page.getParent(), pageName, link, base, null, idsCache));
                outcome.record(pageName, link, broken, external);
            }
        }
        for (Path file : xmlFiles) {
            Document doc = parseXml(file);
            String fileName = name(root, file);
            List<String> links = new ArrayList<>(doc.select("loc").eachText());
            links.addAll(doc.select("link[href]").eachAttr("href"));
            for (String link : links) {
                resolve(built, root, fileName, link, base, null, idsCache).record(fileName, link, broken, external);
            }
        }
        return new Report(pages.size(), broken, external);
    }

    /**
     * @param from the folder a relative link starts from
     * @param rootPath on 404.html, the base URL's path, where links starting with it start from the root
     */
    private Outcome resolve(Built built, Path from, String pageName, String link, String base, String rootPath,
                            Map<Path, Set<String>> idsCache) {
        Path root = built.root();
        String rest = link.strip();
        Path start = from;
        boolean fromRoot = false;
        if (base != null && rest.startsWith(base)) {
            rest = rest.substring(base.length());
            start = root;
            fromRoot = true;
        } else if (rest.startsWith("/") && !rest.startsWith("//") && rootPath != null && rest.startsWith(rootPath)) {
            rest = rest.substring(rootPath.length());
            start = root;
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
        Path target;
        if (path.isEmpty() && !fromRoot) {
            target = from.resolve(pageName.substring(pageName.lastIndexOf('/') + 1));
        } else if (path.startsWith("/")) {
            return Outcome.broken("root-relative links break when the site is served from a sub-path");
        } else {
            target = start.resolve(path).normalize();
            if (path.isEmpty() || path.endsWith("/") || built.folders().contains(target)) {
                target = target.resolve("index.html");
            }
        }
        if (!target.startsWith(root)) {
            return Outcome.broken("points outside the site");
        }
        if (!built.files().contains(target)) {
            return Outcome.broken("no such file");
        }
        String fragment = uri.getFragment();
        if (fragment != null && !fragment.isEmpty() && target.toString().endsWith(".html")) {
            Set<String> ids = idsCache.computeIfAbsent(target, t -> new HashSet<>(Hyperlinks.of(parse(t)).ids()));
            if (!ids.contains(fragment)) {
                return Outcome.broken("no element with id '" + fragment + "'");
            }
        }
        return Outcome.FINE;
    }

    /** What a link turned out to be: fine, external (listed, not fetched), or broken for a reason. */
    private record Outcome(String brokenBecause, boolean external) {
        static final Outcome FINE = new Outcome(null, false);
        static final Outcome EXTERNAL = new Outcome(null, true);

        static Outcome broken(String reason) {
            return new Outcome(reason, false);
        }

        void record(String pageName, String link, List<BrokenLink> broken, Set<String> externalLinks) {
            if (brokenBecause != null) {
                broken.add(new BrokenLink(pageName, link, brokenBecause));
            } else if (external) {
                externalLinks.add(link.strip());
            }
        }
    }

    /** The files and folders of the built site, listed once: a link check then never asks the disk. */
    private record Built(Path root, Set<Path> files, Set<Path> folders) {
    }

    /** What one page links to and which ids it has: all the check needs of it, from one parse. */
    private record Scan(List<String> links, Set<String> ids) {
    }

    private static Scan scan(Path page) {
        // One walk over the elements collects both: two selector queries walked every page twice.
        Hyperlinks found = Hyperlinks.of(parse(page));
        return new Scan(found.links(), new HashSet<>(found.ids()));
    }

    /** Marks where a part was cut out of a page: {@code <!--portal-part:3-->} stands for the fourth part. */
    private static final String PART = "portal-part:";

    /** The page's text from {@code start} to {@code end} is part number {@code part}. */
    private record Cut(int start, int end, int part) {
    }

    /** {@link #scan(Path)}, with the parts the page holds exactly cut out and their known links put in their place. */
    private static Scan scan(Path page, List<Embedded> embedded) {
        List<Embedded> parts = embedded.stream().filter(e -> e.html().startsWith("<")).toList();
        String text;
        try {
            text = parts.isEmpty() ? null : Files.readString(page, StandardCharsets.UTF_8);
        } catch (IOException e) { // not UTF-8 after all: the parser finds out what it is
            text = null;
        }
        if (text == null || text.contains(PART)) {
            return scan(page);
        }
        // Pages show the parts in the order their model lists them, so each is looked for after
        // the one before (a year page is then searched once, not once per part), else from the
        // start. Cuts never overlap: text left uncut is parsed, so the result stays exact.
        List<Cut> cuts = new ArrayList<>();
        int cursor = 0;
        for (int i = 0; i < parts.size(); i++) {
            String html = parts.get(i).html();
            int at = text.indexOf(html, cursor);
            if (at < 0) {
                at = text.indexOf(html);
            }
            int start = at;
            int end = at + html.length();
            if (at >= 0 && cuts.stream().noneMatch(c -> start < c.end() && c.start() < end)) {
                cuts.add(new Cut(start, end, i));
                cursor = end;
            }
        }
        cuts.sort(Comparator.comparingInt(Cut::start));
        StringBuilder rest = new StringBuilder(text.length());
        int from = 0;
        for (Cut c : cuts) {
            rest.append(text, from, c.start()).append("<!--").append(PART).append(c.part()).append("-->");
            from = c.end();
        }
        rest.append(text, from, text.length());
        List<String> links = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element el) {
                Hyperlinks.collect(el, links, ids);
            } else if (node instanceof Comment c && c.getData().startsWith(PART)) {
                Hyperlinks part = parts.get(Integer.parseInt(c.getData().substring(PART.length()))).hyperlinks();
                links.addAll(part.links());
                ids.addAll(part.ids());
            }
        }, Jsoup.parse(rest.toString()));
        return new Scan(links, new HashSet<>(ids));
    }

    /** The base URL the home page declares in its canonical link, or null. */
    private static String discoverBase(Path root) {
        Path home = root.resolve("index.html");
        if (!Files.isRegularFile(home)) {
            return null;
        }
        String href = parse(home).select("link[rel=canonical]").attr("href");
        return href.isBlank() ? null : href.endsWith("/") ? href : href.substring(0, href.lastIndexOf('/') + 1);
    }

    private static String name(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static Document parse(Path page) {
        try {
            return Jsoup.parse(page.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document parseXml(Path file) {
        try {
            return Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "", Parser.xmlParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
