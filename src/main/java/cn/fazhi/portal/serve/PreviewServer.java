package cn.fazhi.portal.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A static file server for previews, on 127.0.0.1 unless told otherwise ({@code serve --host}).
 * It reads files on every request, so a rebuilt site shows on the next load, and answers only
 * GET and HEAD for files inside the preview folder and the two addresses of {@link LiveReload}.
 * Not meant for production hosting.
 */
public final class PreviewServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "json", "application/json; charset=utf-8",
            "csv", "text/csv; charset=utf-8", "svg", "image/svg+xml", "xml", "application/xml; charset=utf-8",
            "txt", "text/plain; charset=utf-8", "png", "image/png", "ico", "image/x-icon");

    /** Open pages' event streams at most; with file requests, threads stay below {@link #THREADS}. */
    private static final int STREAMS = 32;
    private static final int THREADS = STREAMS + 8;

    /** The Host of a request to a loopback preview: an IP address or localhost, with a port (see {@link #knownHost}). */
    private static final Pattern LOCAL_HOST = Pattern.compile("(?i)(localhost|[0-9.]+|\\[[0-9a-f:.]+])(:\\d+)?");

    private final HttpServer server;
    private final ThreadPoolExecutor threads;
    private final Path root;
    private final BuildSignal signal;
    private final LiveReload live;

    private PreviewServer(HttpServer server, ThreadPoolExecutor threads, Path root, BuildSignal signal) {
        this.server = server;
        this.threads = threads;
        this.root = root;
        this.signal = signal;
        this.live = new LiveReload(signal, STREAMS);
    }

    /** Serves {@code root} on 127.0.0.1 (tests; {@code port} 0 takes any free port). */
    public static PreviewServer start(Path root, int port) throws IOException {
        return start(root, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), new BuildSignal());
    }

    static PreviewServer start(Path root, InetSocketAddress address, BuildSignal signal) throws IOException {
        HttpServer http = HttpServer.create(address, 0);
        // Each open page holds a thread for its event stream; the rest serve files.
        ThreadPoolExecutor threads = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "preview-server");
            t.setDaemon(true);
            return t;
        });
        threads.allowCoreThreadTimeOut(true);
        PreviewServer preview = new PreviewServer(http, threads, root.toAbsolutePath().normalize(), signal);
        http.createContext("/", preview::handle);
        http.setExecutor(threads);
        http.start();
        return preview;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address the server listens on (the wildcard address for every network interface). */
    public InetAddress host() {
        return server.getAddress().getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "405 method not allowed".getBytes(StandardCharsets.UTF_8), "txt");
                return;
            }
            if (!knownHost(exchange.getRequestHeaders().getFirst("Host"))) {
                send(exchange, 403, "403: open the preview at its address, e.g. http://127.0.0.1:PORT/".getBytes(StandardCharsets.UTF_8), "txt");
                return;
            }
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            if (LiveReload.handles(path)) {
                live.handle(exchange, path);
                return;
            }
            BuildSignal.State shown = signal.now(); // before the file is read (LiveReload.withScript)
            Path file = root.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                Path notFound = root.resolve("404.html");
                send(exchange, 404, Files.isRegularFile(notFound) ? LiveReload.withScript(Files.readAllBytes(notFound), shown)
                        : "404 not found".getBytes(StandardCharsets.UTF_8), "html");
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            byte[] body = Files.readAllBytes(file);
            send(exchange, 200, ext.equals("html") ? LiveReload.withScript(body, shown) : body, ext);
        }
    }

    /**
     * On 127.0.0.1 the preview (drafts included) is for this machine only. A web page elsewhere
     * could still read it through a name of its own that it points at 127.0.0.1 (DNS rebinding);
     * its requests then carry that name as Host. So a preview on a loopback address answers only to
     * an IP address or {@code localhost}. Served to a network ({@code --host}), any name is fine.
     */
    private boolean knownHost(String host) {
        if (!host().isLoopbackAddress()) {
            return true;
        }
        return host != null && LOCAL_HOST.matcher(host).matches();
    }

    static void send(HttpExchange exchange, int status, byte[] body, String ext) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }

    @Override
    public void close() {
        signal.close(); // ends the open pages' event streams, which hold server threads
        server.stop(0);
        threads.shutdownNow();
    }
}
