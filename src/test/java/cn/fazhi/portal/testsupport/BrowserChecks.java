package cn.fazhi.portal.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Browser-based checks of a directory of generated static pages: axe-core (WCAG 2.x A/AA rules)
 * and horizontal overflow at a 320 CSS px wide viewport (WCAG 1.4.10 Reflow).
 *
 * <p>Serves the directory over {@code http://127.0.0.1:<ephemeral port>/} (or under a base path,
 * {@link #start(Path, String)}, for a site built for one) with the JDK's
 * {@link HttpServer}, drives Debian's {@code /usr/bin/chromium} headless through
 * {@code /usr/bin/chromedriver} (both passed explicitly, so Selenium Manager never runs or
 * downloads anything) and runs the axe-core script bundled in {@code com.deque.html.axe-core:selenium}.
 * One browser session is reused for all pages; every page is loaded exactly once: axe runs at
 * 1280x900, then the viewport is switched to 320 px (CDP {@code Emulation.setDeviceMetricsOverride})
 * for the overflow measurement.
 *
 * <pre>{@code
 * BrowserChecks.assumeChromiumAvailable();                          // skip (or fail on CI) without Chromium
 * try (BrowserChecks browser = BrowserChecks.start(outputDir)) {    // start() applies the same policy
 *     BrowserChecks.Report report = browser.checkAllPages();
 *     assertTrue(report.violations().isEmpty(), report.describeViolations());
 *     assertTrue(report.overflows().isEmpty(), report.describeOverflows());
 * }
 * }</pre>
 *
 * <p>A missing file under the base path is answered 404 with the site's own 404.html, as static hosts
 * (nginx, GitHub Pages) do, so a test can load a missing address and see that page.
 * {@link #startWithoutJavaScript} starts a browser with JavaScript turned off, to see what a reader
 * without it gets.
 *
 * Not thread-safe. {@link #close()} quits the browser and driver, stops the server and deletes
 * the temporary Chromium profile; a shutdown hook does the same if a test forgets to.
 */
public final class BrowserChecks implements AutoCloseable {

    /** Chromium binary; override with {@code -Dtestsupport.chromium=...}. */
    public static final Path CHROMIUM = Path.of(System.getProperty("testsupport.chromium", "/usr/bin/chromium"));
    /** ChromeDriver binary; override with {@code -Dtestsupport.chromedriver=...}. */
    public static final Path CHROMEDRIVER =
            Path.of(System.getProperty("testsupport.chromedriver", "/usr/bin/chromedriver"));

    /** axe-core rule tags that are run. */
    public static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    /** Viewport width for the reflow check, CSS px. */
    public static final int NARROW_WIDTH = 320;
    /** Viewport used for loading pages and for axe. */
    public static final int DESKTOP_WIDTH = 1280;
    public static final int DESKTOP_HEIGHT = 900;

    /** One axe violation on one page (one entry per rule, with all offending nodes' selectors). */
    public record AxeViolation(String page, String ruleId, String impact, List<String> targets, String help,
            String helpUrl) {
        @Override
        public String toString() {
            return page + ": [" + impact + "] " + ruleId + " - " + help + " " + targets + " (" + helpUrl + ")";
        }
    }

    /**
     * A page that scrolls horizontally at {@link #NARROW_WIDTH}. {@code widestElement} is a
     * CSS-like path of the widest element sticking out to the right that is not clipped by an
     * overflow container (may be null if none could be identified, e.g. a pseudo-element).
     */
    public record Overflow(String page, int clientWidth, int scrollWidth, String widestElement, int elementWidth,
            int elementRight) {
        @Override
        public String toString() {
            return page + ": scrollWidth " + scrollWidth + " > clientWidth " + clientWidth
                    + (widestElement == null ? "" : "; widest offending element " + widestElement + " ("
                            + elementWidth + " px wide, right edge at " + elementRight + " px)");
        }
    }

    /** Result for one page; {@code overflow} is null when the page fits. Times in milliseconds. */
    public record PageResult(String page, List<AxeViolation> violations, Overflow overflow, long loadMillis,
            long axeMillis, long reflowMillis) {
        public Optional<Overflow> overflowIfAny() {
            return Optional.ofNullable(overflow);
        }
    }

    /** Results for a set of pages, plus every request the static server answered with 404. */
    public record Report(List<PageResult> pages, List<String> notFound) {
        public List<AxeViolation> violations() {
            return pages.stream().flatMap(p -> p.violations().stream()).collect(Collectors.toUnmodifiableList());
        }

        public List<Overflow> overflows() {
            return pages.stream().map(PageResult::overflow).filter(o -> o != null)
                    .collect(Collectors.toUnmodifiableList());
        }

        public String describeViolations() {
            List<AxeViolation> v = violations();
            return v.size() + " axe violation(s):\n"
                    + v.stream().map(x -> "  " + x).collect(Collectors.joining("\n"));
        }

        public String describeOverflows() {
            List<Overflow> o = overflows();
            return o.size() + " page(s) scroll horizontally at " + NARROW_WIDTH + " px:\n"
                    + o.stream().map(x -> "  " + x).collect(Collectors.joining("\n"));
        }
    }

    // ------------------------------------------------------------------ availability policy

    /** True when both {@link #CHROMIUM} and {@link #CHROMEDRIVER} exist and are executable. */
    public static boolean chromiumAvailable() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Policy for tests that need the browser: if Chromium or ChromeDriver is missing, the calling
     * test is skipped (JUnit assumption) with an explanation - unless the environment variable
     * {@code CI} is set (non-blank, not "false"), in which case the test fails. The explanation
     * is also printed once to stderr, because surefire shows no assumption messages. Call it from
     * {@code @BeforeEach} (or the test) to get "Skipped: n" in the surefire summary; an abort in
     * {@code @BeforeAll} is reported by surefire as "Tests run: 0".
     */
    public static void assumeChromiumAvailable() {
        if (chromiumAvailable()) {
            return;
        }
        String message = "Browser checks need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian: apt-get install chromium chromium-driver)";
        applyPolicy(false, System.getenv("CI"), message);
    }

    static void applyPolicy(boolean available, String ciVariable, String message) {
        if (available) {
            return;
        }
        if (ciVariable != null && !ciVariable.isBlank() && !ciVariable.equalsIgnoreCase("false")) {
            Assertions.fail(message + "; failing because CI=" + ciVariable);
        }
        message += "; skipping (set CI to make this a failure)";
        if (!skipReported.getAndSet(true)) {
            // surefire does not print assumption messages (and reports a class aborted in @BeforeAll as 0 tests)
            System.err.println("[BrowserChecks] WARNING: " + message);
        }
        Assumptions.abort(message);
    }

    private static final AtomicBoolean skipReported = new AtomicBoolean();

    // ------------------------------------------------------------------ session

    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium"); // strong ref keeps the level

    private final Path root;
    /** The path the site is served under: "/" or e.g. "/fzzf/"; anything outside it is not found. */
    private final String basePath;
    private final HttpServer server;
    private final ExecutorService serverThreads;
    private final URI base;
    private final Set<String> notFound = new ConcurrentSkipListSet<>();
    private final Path profileDir;
    private final ChromeDriverService driverService;
    private final ChromeDriver driver;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Starts the static server for {@code siteRoot} and a headless Chromium session. Calls
     * {@link #assumeChromiumAvailable()} first, so it skips/fails the calling test per the policy.
     */
    public static BrowserChecks start(Path siteRoot) {
        return start(siteRoot, "/");
    }

    /**
     * Like {@link #start(Path)}, with the site served under {@code basePath} (e.g. {@code "/fzzf/"},
     * the path of the base URL it was built for, so that 404.html, whose links start from that
     * path, finds its stylesheet): {@link #baseUri()} ends with it, page paths are relative to it,
     * and a request outside it is answered 404 and listed in {@link Report#notFound()}.
     */
    public static BrowserChecks start(Path siteRoot, String basePath) {
        return start(siteRoot, basePath, true);
    }

    /** Like {@link #start(Path, String)}, with JavaScript turned off in the browser (Chromium's content setting). */
    public static BrowserChecks startWithoutJavaScript(Path siteRoot, String basePath) {
        return start(siteRoot, basePath, false);
    }

    private static BrowserChecks start(Path siteRoot, String basePath, boolean javaScript) {
        if (!basePath.startsWith("/") || !basePath.endsWith("/")) {
            throw new IllegalArgumentException("a base path starts and ends with '/': " + basePath);
        }
        assumeChromiumAvailable();
        try {
            return new BrowserChecks(siteRoot, basePath, javaScript);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BrowserChecks(Path siteRoot, String basePath, boolean javaScript) throws IOException {
        if (!Files.isDirectory(siteRoot)) {
            throw new IllegalArgumentException("Not a directory: " + siteRoot);
        }
        SELENIUM_LOG.setLevel(Level.SEVERE);
        this.basePath = basePath;
        root = siteRoot.toRealPath();
        serverThreads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "static-site-server");
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(serverThreads);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + basePath);

        ChromeDriverService service = null;
        ChromeDriver chrome = null;
        profileDir = Files.createTempDirectory("chromium-profile-");
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profileDir,
                    "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT, "--hide-scrollbars",
                    "--disable-extensions", "--no-default-browser-check", "--password-store=basic",
                    "--mute-audio", "--disable-features=Translate,OptimizationHints,MediaRouter");
            if (!javaScript) {
                options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
            }
            options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
            service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()) // explicit path: Selenium Manager is not used
                    .usingAnyFreePort()
                    .withLogOutput(OutputStream.nullOutputStream())
                    .build();
            chrome = new ChromeDriver(service, options);
            chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        } catch (RuntimeException | Error e) {
            quietly(chrome == null ? null : chrome::quit);
            quietly(service == null ? null : service::stop);
            stopServer();
            deleteRecursively(profileDir);
            throw e;
        }
        driverService = service;
        driver = chrome;
        shutdownHook = new Thread(this::closeNow, "BrowserChecks-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Base URL of the site on the static server (with its base path), ending in "/". */
    public URI baseUri() {
        return base;
    }

    /** The underlying driver, for extra page-specific checks (do not quit it). */
    public ChromeDriver driver() {
        return driver;
    }

    /** Relative paths ("/"-separated, sorted) of all {@code *.html} files under the site root. */
    public List<String> pages() {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".html"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks every page from {@link #pages()}. */
    public Report checkAllPages() {
        return checkPages(pages());
    }

    /** Checks the given pages (paths relative to the site root). */
    public Report checkPages(List<String> relativePaths) {
        notFound.clear();
        List<PageResult> results = new ArrayList<>();
        for (String page : relativePaths) {
            results.add(checkPage(page));
        }
        return new Report(Collections.unmodifiableList(results), List.copyOf(notFound));
    }

    /** Loads one page once, runs axe at desktop size, then measures horizontal overflow at 320 px. */
    public PageResult checkPage(String relativePath) {
        ensureOpen();
        long t0 = System.nanoTime();
        driver.get(urlOf(relativePath));
        long t1 = System.nanoTime();
        List<AxeViolation> violations = runAxe(relativePath);
        long t2 = System.nanoTime();
        Overflow overflow = measureOverflow(relativePath);
        long t3 = System.nanoTime();
        return new PageResult(relativePath, violations, overflow, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2));
    }

    private List<AxeViolation> runAxe(String page) {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations")); // passes/incomplete/inapplicable: 1 node each, less JSON
        Results results = new AxeBuilder()
                .withOptions(options)
                .withTags(AXE_TAGS)
                .setLegacyMode(true) // no extra window per page for axe.finishRun; same-origin frames only
                .analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe failed on " + page + ": " + results.getErrorMessage());
        }
        List<AxeViolation> list = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            List<String> targets = new ArrayList<>();
            for (CheckedNode node : rule.getNodes()) {
                targets.add(targetToString(node.getTarget()));
            }
            list.add(new AxeViolation(page, rule.getId(), rule.getImpact(), List.copyOf(targets), rule.getHelp(),
                    rule.getHelpUrl()));
        }
        list.sort(Comparator.comparing(AxeViolation::ruleId));
        return Collections.unmodifiableList(list);
    }

    private static String targetToString(Object target) {
        if (target instanceof List<?> parts) { // frames / shadow DOM: nested selector lists
            return parts.stream().map(BrowserChecks::targetToString).collect(Collectors.joining(" >>> "));
        }
        return String.valueOf(target);
    }

    private static final String OVERFLOW_SCRIPT = """
            const done = arguments[arguments.length - 1];
            requestAnimationFrame(() => requestAnimationFrame(() => {
              const de = document.documentElement;
              const res = {clientWidth: de.clientWidth, scrollWidth: de.scrollWidth};
              if (de.scrollWidth > de.clientWidth && document.body) {
                const cw = de.clientWidth;
                const clipped = el => {
                  for (let p = el.parentElement; p && p !== de && p !== document.body; p = p.parentElement) {
                    if (getComputedStyle(p).overflowX !== 'visible') return true;
                  }
                  return false;
                };
                const describe = el => {
                  const parts = [];
                  for (let e = el; e && e !== de && parts.length < 5; e = e.parentElement) {
                    let s = e.localName;
                    if (e.id) { parts.unshift(s + '#' + e.id); break; }
                    const cls = Array.from(e.classList).slice(0, 3);
                    if (cls.length) s += '.' + cls.join('.');
                    parts.unshift(s);
                  }
                  return parts.join(' > ');
                };
                let best = null, bestWidth = -1, bestRight = 0;
                for (const el of document.body.querySelectorAll('*')) {
                  const r = el.getBoundingClientRect();
                  if (r.right <= cw + 0.5 || (r.width === 0 && r.height === 0)) continue;
                  if (clipped(el)) continue;
                  if (r.width > bestWidth) { best = el; bestWidth = r.width; bestRight = r.right; }
                }
                if (best) {
                  res.selector = describe(best);
                  res.elementWidth = Math.round(bestWidth);
                  res.elementRight = Math.round(bestRight);
                }
              }
              done(res);
            }));
            """;

    private Overflow measureOverflow(String page) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", NARROW_WIDTH, "height", 640, "deviceScaleFactor", 1, "mobile", false));
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) driver.executeAsyncScript(OVERFLOW_SCRIPT);
            int clientWidth = toInt(m.get("clientWidth"));
            int scrollWidth = toInt(m.get("scrollWidth"));
            if (clientWidth != NARROW_WIDTH) {
                throw new IllegalStateException("Viewport emulation failed on " + page + ": clientWidth "
                        + clientWidth + " instead of " + NARROW_WIDTH);
            }
            if (scrollWidth <= clientWidth) {
                return null;
            }
            return new Overflow(page, clientWidth, scrollWidth, (String) m.get("selector"),
                    toInt(m.get("elementWidth")), toInt(m.get("elementRight")));
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static int toInt(Object o) {
        return o instanceof Number n ? (int) Math.round(n.doubleValue()) : -1;
    }

    private String urlOf(String relativePath) {
        try {
            String path = basePath + relativePath.replace('\\', '/').replaceFirst("^/+", "");
            return new URI("http", null, base.getHost(), base.getPort(), path, null, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(relativePath, e);
        }
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("BrowserChecks already closed");
        }
    }

    // ------------------------------------------------------------------ static file server

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"), Map.entry("ico", "image/x-icon"), Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"), Map.entry("otf", "font/otf"),
            Map.entry("pdf", "application/pdf"), Map.entry("webmanifest", "application/manifest+json"));

    private void serve(HttpExchange exchange) throws IOException {
        try { // (HttpExchange is AutoCloseable only from JDK 18)
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath(); // percent-decoded
            Path file = path.startsWith(basePath) ? root.resolve(path.substring(basePath.length())).normalize() : null;
            if (file != null && file.startsWith(root) && Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (file == null || !file.startsWith(root) || !Files.isRegularFile(file)) {
                if (!path.equals("/favicon.ico")) {
                    notFound.add(path);
                }
                Path page = root.resolve("404.html");
                if (file == null || !method.equals("GET") || !Files.isRegularFile(page)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(page); // what a static host answers for any missing address
                exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPES.get("html"));
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            exchange.getResponseHeaders().set("Content-Type",
                    CONTENT_TYPES.getOrDefault(ext, "application/octet-stream"));
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } finally {
            exchange.close();
        }
    }

    // ------------------------------------------------------------------ cleanup

    /** Quits Chromium and ChromeDriver, stops the server, deletes the profile. Idempotent. */
    @Override
    public void close() {
        closeNow();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // already in shutdown
        }
    }

    private void closeNow() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        quietly(driver::quit);
        quietly(driverService::stop);
        stopServer();
        deleteRecursively(profileDir);
    }

    private void stopServer() {
        quietly(() -> server.stop(0));
        serverThreads.shutdownNow();
    }

    private static void quietly(Runnable action) {
        if (action == null) {
            return;
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            // best effort
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Chromium may still be writing while it exits; leave the rest
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }
}
