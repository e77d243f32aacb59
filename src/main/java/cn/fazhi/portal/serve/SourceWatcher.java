package cn.fazhi.portal.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.WatchEvent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches the source folders (recursively) and calls back once per burst of changes: editors'
 * tools often write a file in several steps, so events are gathered for a short quiet period.
 */
public final class SourceWatcher implements AutoCloseable {

    private static final long QUIET_MILLIS = 150;

    private final WatchService watch;
    private final List<Path> roots;

    public SourceWatcher(List<Path> roots) throws IOException {
        this.watch = FileSystems.getDefault().newWatchService();
        this.roots = roots;
        for (Path root : roots) {
            registerTree(root);
        }
    }

    /**
     * Blocks, calling {@code action} after every burst of changes with the paths that changed
     * (empty when the system lost count and anything may have changed), until the thread is interrupted.
     */
    public void onChange(Consumer<Set<Path>> action) throws InterruptedException, IOException {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Set<Path> changed = new TreeSet<>();
                boolean lostCount = drain(watch.take(), changed);
                WatchKey more;
                while ((more = watch.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    lostCount |= drain(more, changed);
                }
                // New folders (a new year) must be watched too.
                for (Path root : roots) {
                    registerTree(root);
                }
                action.accept(lostCount ? Set.of() : changed);
            }
        } catch (ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    /** Adds the changed paths to {@code changed}; true when events were lost (overflow). */
    private static boolean drain(WatchKey key, Set<Path> changed) {
        boolean lost = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                lost = true;
            } else {
                changed.add(((Path) key.watchable()).resolve((Path) event.context()));
            }
        }
        key.reset();
        return lost;
    }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    @Override
    public void close() throws IOException {
        watch.close();
    }
}
