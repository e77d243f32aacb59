package cn.fazhi.portal.serve;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Reloads open preview pages after each rebuild. The preview server adds
 * {@code <script src="/_preview/reload.js" data-build="…" defer>} to every HTML page it sends (never
 * to the files on disk, which stay exactly what a build makes); the script listens to the
 * Server-Sent Events of {@code /_preview/events} and reloads the page when the build it shows is
 * no longer the newest. Both are same-origin requests, so the pages' Content-Security-Policy
 * ({@code script-src 'self'; connect-src 'self'}) allows them without any inline script.
 *
 * <p>No page path starts with {@code _} (years are digits; sections, indicators and pages are
 * named with lowercase letters, digits and '-'), so {@value #PREFIX} never hides a page.
 */
final class LiveReload {

    static final String PREFIX = "/_preview/";
    static final String SCRIPT = PREFIX + "reload.js";
    static final String EVENTS = PREFIX + "events";

    /** How often an idle stream sends a comment: a closed page is then noticed and its thread freed. */
    private static final long IDLE_MILLIS = 15_000;

    private final BuildSignal signal;
    /** Each open page holds one stream and one server thread: a bound, for a preview reachable from a network. */
    private final Semaphore streams;
    private final byte[] script;

    LiveReload(BuildSignal signal, int maxStreams) {
        this.signal = signal;
        this.streams = new Semaphore(maxStreams);
        try (InputStream in = LiveReload.class.getResourceAsStream("reload.js")) {
            this.script = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this request is one of the two addresses live reload answers. */
    static boolean handles(String path) {
        return path.equals(SCRIPT) || path.equals(EVENTS);
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        if (path.equals(SCRIPT)) {
            PreviewServer.send(exchange, 200, script, "js");
        } else {
            events(exchange);
        }
    }

    /**
     * An HTML page with the reload script added before {@code </head>} (at the end when there is
     * none), naming the build whose files it was read from. Read the state before the file: a
     * build that ends in between then makes the page reload once more, never miss a change.
     */
    static byte[] withScript(byte[] html, BuildSignal.State shown) {
        byte[] tag = ("<script src=\"" + SCRIPT + "\" data-build=\"" + shown.build() + "\" defer></script>\n")
                .getBytes(StandardCharsets.US_ASCII);
        int at = headEnd(html);
        byte[] page = new byte[html.length + tag.length];
        System.arraycopy(html, 0, page, 0, at);
        System.arraycopy(tag, 0, page, at, tag.length);
        System.arraycopy(html, at, page, at + tag.length, html.length - at);
        return page;
    }

    /** Where {@code </head>} starts, in any letter case (ASCII, so the UTF-8 bytes are searched as they are). */
    private static int headEnd(byte[] html) {
        byte[] end = "</head>".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + end.length <= html.length; i++) {
            for (int j = 0; j < end.length; j++) {
                if (Character.toLowerCase(html[i + j]) != end[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return html.length;
    }

    private void events(HttpExchange exchange) throws IOException {
        if (!streams.tryAcquire()) {
            PreviewServer.send(exchange, 503, "too many open preview pages".getBytes(StandardCharsets.UTF_8), "txt");
            return;
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            BuildSignal.State seen = signal.now();
            write(out, "retry: 1000\n\n" + event(seen));
            while (!signal.closed()) {
                Optional<BuildSignal.State> next = signal.next(seen, IDLE_MILLIS);
                if (next.isEmpty()) {
                    write(out, ": idle\n\n");
                } else if (!next.get().equals(seen)) {
                    seen = next.get();
                    write(out, event(seen));
                }
            }
        } catch (IOException e) {
            // the page was closed or reloaded: its stream ends here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.release();
        }
    }

    /**
     * {@code build} with the build's name (and the one page a quick update changed), then
     * {@code failed} when the last rebuild failed, for the script to show a notice.
     */
    private static String event(BuildSignal.State state) {
        String build = "event: build\ndata: " + state.build() + (state.page().isEmpty() ? "" : " " + state.page()) + "\n\n";
        return state.failed() ? build + "event: failed\ndata: " + state.build() + "\n\n" : build;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
