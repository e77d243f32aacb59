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

/**
 * A static file server for previews, bound to 127.0.0.1 only. It reads files on every request,
 * so a rebuilt site shows on the next browser reload. Not meant for production hosting.
 */
public final class PreviewServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "json", "application/json; charset=utf-8",
            "csv", "text/csv; charset=utf-8", "svg", "image/svg+xml", "xml", "application/xml; charset=utf-8",
            "txt", "text/plain; charset=utf-8", "png", "image/png", "ico", "image/x-icon");

    private final HttpServer server;
    private final Path root;

    private PreviewServer(HttpServer server, Path root) {
        this.server = server;
        this.root = root;
    }

    public static PreviewServer start(Path root, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        PreviewServer preview = new PreviewServer(http, root.toAbsolutePath().normalize());
        http.createContext("/", preview::handle);
        http.start();
        return preview;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            Path file = root.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                Path notFound = root.resolve("404.html");
                send(exchange, 404, Files.isRegularFile(notFound) ? Files.readAllBytes(notFound)
                        : "404 not found".getBytes(StandardCharsets.UTF_8), "html");
                return;
            }
            String name = file.getFileName().toString();
            send(exchange, 200, Files.readAllBytes(file), name.substring(name.lastIndexOf('.') + 1));
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String ext) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
