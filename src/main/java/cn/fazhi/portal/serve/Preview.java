package cn.fazhi.portal.serve;

import cn.fazhi.portal.Pipeline;
import cn.fazhi.portal.load.SourceTree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The editors' preview: builds the site with drafts, serves it on 127.0.0.1 and rebuilds after
 * every change under content/, data/, templates/ or assets/. A failed rebuild keeps serving the
 * last good build. The pipeline stays open, so rebuilds reuse a warm Asciidoctor.
 */
public final class Preview implements AutoCloseable {

    private final Pipeline pipeline;
    private final Path source;
    private final Path output;
    private final PreviewServer server;
    private final SourceWatcher watcher;
    private final Thread watching;

    /**
     * @param onBuild told the outcome of every build: the result, or the failure
     */
    public Preview(Path source, Path output, int port, Consumer<Object> onBuild) throws IOException {
        this.source = source;
        this.output = output;
        this.pipeline = new Pipeline(Pipeline.defaultCache(output));
        // The server starts first, so the preview is built for its own address: its canonical links,
        // sitemap and 404 page (whose links start from the base path) then work in the preview too.
        this.server = PreviewServer.start(output, port);
        onBuild.accept(rebuild());
        SourceTree tree = new SourceTree(source);
        try {
            this.watcher = new SourceWatcher(List.of(tree.content(), tree.data(), tree.templates(), tree.assets()));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        this.watching = new Thread(() -> {
            try {
                watcher.onChange(() -> onBuild.accept(rebuild()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                onBuild.accept(new UncheckedIOException(e));
            }
        }, "preview-watcher");
        watching.setDaemon(true);
        watching.start();
    }

    private Object rebuild() {
        try {
            return pipeline.build(new Pipeline.Options(source, output, true, "http://127.0.0.1:" + server.port() + "/"));
        } catch (RuntimeException e) {
            return e;
        }
    }

    public int port() {
        return server.port();
    }

    /** Blocks until the process is stopped. */
    public void join() throws InterruptedException {
        watching.join();
    }

    @Override
    public void close() throws IOException {
        watching.interrupt();
        watcher.close();
        server.close();
        pipeline.close();
    }
}
