package cn.fazhi.portal.serve;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.testsupport.BuiltSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live reload over HTTP: the pages the preview sends name their build and load the reload script,
 * the files on disk stay as a build makes them, and the event stream announces every good build
 * (and the quick update of one page) and every failed one; a built site has none of it. Also:
 * the preview serves on every interface when asked.
 */
class LiveReloadTest {

    private static final Pattern BUILD = Pattern.compile("data-build=\"([^\"]+)\"");

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesNameTheirBuildAndTheEventStreamAnnouncesEachOutcome(@TempDir Path tmp) throws Exception {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("src"));
        Path out = tmp.resolve("preview");
        List<Object> outcomes = Collections.synchronizedList(new ArrayList<>());
        HttpClient http = HttpClient.newHttpClient();
        try (Preview preview = new Preview(src, out, tmp.resolve("cache"), 0, outcomes::add)) {
            int port = preview.port();
            HttpResponse<String> page = get(http, port, "2031/alpha.html");
            Matcher m = BUILD.matcher(page.body());
            assertTrue(m.find(), page.body());
            String first = m.group(1);
            assertTrue(page.body().contains("<script src=\"/_preview/reload.js\" data-build=\"" + first + "\" defer></script>\n</head>"));
            assertTrue(get(http, port, "no/such/page.html").body().contains("data-build=\"" + first + "\""), "the 404 page too");
            assertFalse(get(http, port, "css/site.css").body().contains("_preview"), "only pages get the script");
            HttpResponse<String> script = get(http, port, "_preview/reload.js");
            assertEquals(200, script.statusCode());
            assertTrue(script.body().contains("new EventSource('/_preview/events')"));
            assertEquals(405, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.html"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            try (Stream<Path> files = Files.walk(out)) {
                assertTrue(files.filter(Files::isRegularFile).noneMatch(f -> Fixtures.bytesAsText(f).contains("_preview")),
                        "the files on disk are what a build makes");
            }

            BlockingQueue<String> events = listen(http, port);
            assertEquals("event: build", next(events));
            assertEquals("data: " + first, next(events));

            Path file = src.resolve("content/2031/01-alpha.adoc");
            Files.writeString(file, Files.readString(file).replace("虚构第一部分的正文", "修改后的虚构正文"));
            // The quick update of the page, then the full rebuild (a stream that was busy may skip
            // straight to the newest state): each names a new build, the quick one its page.
            String built;
            do {
                assertEquals("event: build", next(events));
                built = next(events);
                assertFalse(built.equals("data: " + first), built);
                assertTrue(built.matches("data: \\S+( 2031/alpha\\.html)?"), "only the edited page is updated ahead: " + built);
            } while (built.contains(" 2031/"));
            assertTrue(get(http, port, "2031/alpha.html").body().contains("data-build=\"" + built.substring(6) + "\""));

            Files.writeString(file, "no title\n");
            assertEquals("event: build", next(events));
            assertEquals(built, next(events), "a failed rebuild names no new build: open pages stay");
            assertEquals("event: failed", next(events));
            assertEquals(built, next(events));
        }
    }

    /** The lines of the preview's event stream, blank lines left out, as they come. */
    private static BlockingQueue<String> listen(HttpClient http, int port) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_preview/events")).build(),
                        HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> {
                    Thread t = new Thread(() -> {
                        try (Stream<String> body = r.body()) {
                            body.filter(l -> !l.isEmpty() && !l.startsWith(":") && !l.startsWith("retry:")).forEach(lines::add);
                        } catch (java.io.UncheckedIOException e) {
                            // the preview stopped at the end of the test
                        }
                    }, "event-stream-reader");
                    t.setDaemon(true);
                    t.start();
                });
        return lines;
    }

    private static String next(BlockingQueue<String> events) throws InterruptedException {
        String line = events.poll(60, TimeUnit.SECONDS);
        assertNotNull(line, "the event stream went on");
        return line;
    }

    /**
     * The published site never has live reload: no file of a build names {@code _preview}. And no
     * page or file of a site starts with {@code _}, so the preview's two addresses hide nothing.
     */
    @Test
    void aBuiltSiteHasNoTraceOfLiveReloadAndNothingUnderTheReservedPath() throws Exception {
        for (Path site : List.of(BuiltSites.real(), BuiltSites.twoYears(), BuiltSites.twoYearsPreview())) {
            try (Stream<Path> files = Files.walk(site)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String path = site.relativize(f).toString().replace('\\', '/');
                    assertFalse(("/" + path).contains("/_"), path);
                    assertFalse(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).contains("_preview"), path);
                }
            }
        }
    }

    /** A page elsewhere that points a name of its own at 127.0.0.1 (DNS rebinding) cannot read the drafts. */
    @Test
    void onLoopbackOnlyRequestsForAnAddressOrLocalhostAreAnswered(@TempDir Path tmp) throws Exception {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("src"));
        try (Preview preview = new Preview(src, tmp.resolve("preview"), tmp.resolve("cache"), 0, o -> { })) {
            assertEquals("HTTP/1.1 403 Forbidden", statusLine(preview.port(), "rebind.example:" + preview.port()));
            assertEquals("HTTP/1.1 200 OK", statusLine(preview.port(), "localhost:" + preview.port()));
            assertEquals("HTTP/1.1 200 OK", statusLine(preview.port(), "127.0.0.1:" + preview.port()));
        }
    }

    private static String statusLine(int port, String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(("GET /2032/draft-part.html HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void onEveryInterfaceWhenAskedAndReachedAtLoopback(@TempDir Path tmp) throws Exception {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("src"));
        InetSocketAddress every = new InetSocketAddress(PreviewAddress.parse("0.0.0.0"), 0);
        try (Preview preview = new Preview(src, tmp.resolve("preview"), tmp.resolve("cache"), every, o -> { }, q -> { })) {
            assertTrue(preview.host().isAnyLocalAddress());
            assertEquals("http://127.0.0.1:" + preview.port() + "/", preview.address());
            HttpResponse<String> home = get(HttpClient.newHttpClient(), preview.port(), "index.html");
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("<link rel=\"canonical\" href=\"" + preview.address() + "\">"), "built for the address it is opened at");
        }
    }
}
