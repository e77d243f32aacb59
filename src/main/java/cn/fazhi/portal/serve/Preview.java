package cn.fazhi.portal.serve;

import cn.fazhi.portal.Pipeline;
import cn.fazhi.portal.load.SourceTree;
import cn.fazhi.portal.publish.AtomicPublisher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The editors' preview: builds the site with drafts, serves it (on 127.0.0.1 unless told
 * otherwise) and rebuilds after every change under content/, data/, templates/ or assets/; open
 * pages then reload by themselves ({@link LiveReload}). A failed rebuild keeps serving the last
 * good build. The pipeline stays open, so rebuilds reuse a warm Asciidoctor.
 */
public final class Preview implements AutoCloseable {

    private final Pipeline pipeline;
    private final Path source;
    private final Path output;
    private final BuildSignal signal = new BuildSignal();
    private final PreviewServer server;
    private final String address;
    private final SourceWatcher watcher;
    private final Thread watching;

    /** A page shown ahead of the full rebuild (see {@link Pipeline#quickSection}). */
    public record QuickUpdate(String page, long millis) {
    }

    /**
     * @param cache where converted sections are kept between rebuilds (and runs)
     * @param onBuild told the outcome of every build: the result, or the failure
     */
    public Preview(Path source, Path output, Path cache, int port, Consumer<Object> onBuild) throws IOException {
        this(source, output, cache, port, onBuild, quick -> { });
    }

    /** On 127.0.0.1; see {@link #Preview(Path, Path, Path, InetSocketAddress, Consumer, Consumer)}. */
    public Preview(Path source, Path output, Path cache, int port, Consumer<Object> onBuild, Consumer<QuickUpdate> onQuick)
            throws IOException {
        this(source, output, cache, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), onBuild, onQuick);
    }

    /**
     * @param listen the address and port to serve on (port 0: any free port)
     * @param onBuild told the outcome of every build: the result, or the failure
     * @param onQuick told of every page updated ahead of its full rebuild
     */
    public Preview(Path source, Path output, Path cache, InetSocketAddress listen, Consumer<Object> onBuild,
            Consumer<QuickUpdate> onQuick) throws IOException {
        this.source = source;
        this.output = output;
        // The server starts first, so the preview is built for its own address: its canonical links,
        // sitemap and 404 page (whose links start from the base path) then work in the preview too.
        this.server = PreviewServer.start(output, listen, signal);
        this.address = PreviewAddress.local(server.host(), server.port());
        this.pipeline = Pipeline.forPreview(cache);
        try {
            onBuild.accept(rebuild());
            this.watcher = new SourceWatcher(new SourceTree(source));
        } catch (IOException | RuntimeException e) {
            server.close();
            pipeline.close();
            throw e;
        }
        this.watching = new Thread(() -> {
            try {
                watcher.onChange(changed -> {
                    // An edited section's own page first, so the editor sees it at once; then the
                    // whole site. If that build fails, the quick page is put back as it was, so the
                    // preview keeps showing the last good build.
                    Optional<Restore> quick = editedSection(changed).flatMap(file -> quickUpdate(file, onQuick));
                    Object outcome = rebuild();
                    if (outcome instanceof RuntimeException) {
                        quick.ifPresent(Restore::run);
                    }
                    onBuild.accept(outcome);
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "preview-watcher");
        watching.setDaemon(true);
        watching.start();
    }

    /** Puts a quick-updated page back as the last good build had it. */
    private record Restore(AtomicPublisher publisher, String page, byte[] previous) {
        void run() {
            try {
                publisher.replaceFile(page, previous);
            } catch (RuntimeException e) {
                // the output was replaced meanwhile: nothing to put back
            }
        }
    }

    private Optional<Restore> quickUpdate(Path file, Consumer<QuickUpdate> onQuick) {
        long start = System.nanoTime();
        try {
            return pipeline.quickSection(file).map(page -> {
                AtomicPublisher publisher = new AtomicPublisher(output);
                byte[] previous = publisher.replaceFile(page.path(), page.bytes());
                signal.quick(page.path());
                onQuick.accept(new QuickUpdate(page.path(), (System.nanoTime() - start) / 1_000_000));
                return new Restore(publisher, page.path(), previous);
            });
        } catch (RuntimeException e) {
            return Optional.empty(); // the full build that follows reports whatever went wrong
        }
    }

    /**
     * The one section file a burst of changes saved, if that is all it did. Editors' tools also
     * write backup and swap files beside it (vim's {@code .x.swp} and {@code 4913}, {@code x~}):
     * those are ignored; any other change means the full build alone.
     */
    static Optional<Path> editedSection(Set<Path> changed) {
        List<Path> sources = changed.stream().filter(p -> !isEditorLitter(p)).toList();
        if (sources.size() == 1 && sources.get(0).toString().endsWith(".adoc") && Files.isRegularFile(sources.get(0))) {
            return Optional.of(sources.get(0));
        }
        return Optional.empty();
    }

    private static boolean isEditorLitter(Path p) {
        String name = p.getFileName().toString();
        return !Files.exists(p) || name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp")
                || name.endsWith(".swx") || name.endsWith(".tmp") || name.equals("4913");
    }

    /**
     * Builds the whole preview. Open pages reload after a good build; after a failed one they
     * show a notice and stay as they are, since the files stay those of the last good build (a
     * page a quick update changed is put back, and the pages that showed it keep their notice).
     */
    private Object rebuild() {
        try {
            Object result = pipeline.build(new Pipeline.Options(source, output, true, address));
            signal.built();
            return result;
        } catch (RuntimeException e) {
            signal.failed();
            return e;
        }
    }

    public int port() {
        return server.port();
    }

    /** The preview's address on this machine, e.g. {@code http://127.0.0.1:8080/}: the site is built for it. */
    public String address() {
        return address;
    }

    /** The address the server listens on: 127.0.0.1, the one given, or the wildcard address. */
    public InetAddress host() {
        return server.host();
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
