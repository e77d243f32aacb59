package cn.fazhi.portal.render;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A time limit for work done on the calling thread: when it runs out, the thread is interrupted.
 * Asciidoctor's inline substitutions are regular expressions that can take minutes on a crafted
 * line (a long run of {@code *}, {@code _} and backticks); JRuby's regular expressions stop with an
 * error when their thread is interrupted, so a conversion ends instead of hanging the build.
 */
final class Deadline implements AutoCloseable {

    private final Duration limit;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "portal-deadline");
        t.setDaemon(true);
        return t;
    });

    Deadline(Duration limit) {
        this.limit = limit;
    }

    Duration limit() {
        return limit;
    }

    /** The work's result, or empty when the limit ran out first (whatever the work then threw). */
    <T> Optional<T> within(Supplier<T> work) {
        Thread worker = Thread.currentThread();
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> alarm = timer.schedule(() -> {
            expired.set(true);
            worker.interrupt();
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return Optional.of(work.get());
        } catch (RuntimeException | StackOverflowError e) {
            if (expired.get()) {
                return Optional.empty();
            }
            throw e;
        } finally {
            alarm.cancel(false);
            if (expired.get()) {
                Thread.interrupted(); // the interrupt was ours, not the caller's
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
