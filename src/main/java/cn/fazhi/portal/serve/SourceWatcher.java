package cn.fazhi.portal.serve;

import cn.fazhi.portal.load.SourceTree;
import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches content/, data/, templates/ and assets/ of a source folder (recursively, also those
 * created while serving) and calls back once per burst of changes: editors' tools often write a
 * file in several steps, so events are gathered until none came for a short quiet period.
 *
 * <p>Built on directory-watcher, which uses FSEvents on macOS, where the JDK's WatchService has no
 * native watcher and polls about every 10 s, and the JDK's own watcher elsewhere (inotify on
 * Linux). File hashing is off: a save that changes nothing costs one quick rebuild, while hashing
 * would read every source file at start and every changed file again.
 */
public final class SourceWatcher implements AutoCloseable {

    private static final long QUIET_MILLIS = 150;

    /** One change as the watcher saw it; an empty path when it lost count of what changed. */
    private record Change(Optional<Path> path) {
    }

    private final WatchedFolders folders;
    private final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();
    private final DirectoryWatcher watcher;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "source-watcher");
        t.setDaemon(true);
        return t;
    });

    /** Starts watching; returns once every watched folder is registered. */
    public SourceWatcher(SourceTree tree) throws IOException {
        this.folders = new WatchedFolders(tree.root(), List.of(tree.content(), tree.data(), tree.templates(), tree.assets()));
        this.watcher = DirectoryWatcher.builder()
                .path(folders.root())
                .fileTreeVisitor(folders)
                .fileHashing(false)
                .listener(this::offer)
                .build();
        CompletableFuture<Void> running = watcher.watchAsync(thread);
        if (running.isCompletedExceptionally()) { // registering the folders failed
            close();
            try {
                running.get();
            } catch (ExecutionException e) {
                throw new IOException("cannot watch " + folders.root() + ": " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void offer(DirectoryChangeEvent event) {
        if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
            changes.add(new Change(Optional.empty()));
        } else if (event.path() != null && folders.watched(event.path())) {
            changes.add(new Change(Optional.of(event.path().toAbsolutePath().normalize())));
        }
    }

    /**
     * Blocks, calling {@code action} after every burst of changes with the paths that changed
     * (empty when the system lost count and anything may have changed), until the thread is interrupted.
     */
    public void onChange(Consumer<Set<Path>> action) throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            Set<Path> changed = new TreeSet<>();
            boolean lostCount = gather(changes.take(), changed);
            Change more;
            while ((more = changes.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                lostCount |= gather(more, changed);
            }
            action.accept(lostCount ? Set.of() : changed);
        }
    }

    /** Adds the change's path to {@code changed}; true when the watcher lost count. */
    private static boolean gather(Change change, Set<Path> changed) {
        change.path().ifPresent(changed::add);
        return change.path().isEmpty();
    }

    @Override
    public void close() throws IOException {
        try {
            watcher.close();
        } finally {
            thread.shutdownNow();
        }
    }
}
