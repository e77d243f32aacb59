package cn.fazhi.portal;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The build's one rule for threads: <em>stages run one after another; within a stage, independent
 * items (files to convert, pages to bake, pages to check) are worked on by one thread per core, and
 * the results come back in the items' order</em>, so the output never depends on timing.
 */
public final class Parallel {

    private Parallel() {
    }

    /**
     * {@code work} applied to every item, on all cores; the results in the items' order. The first
     * failure is rethrown as it was thrown, once every item has finished or been cancelled.
     */
    public static <T, R> List<R> map(List<T> items, Function<T, R> work) {
        int threads = Math.min(items.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            return items.stream().map(work).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "portal-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> running = items.stream().map(item -> pool.submit(() -> work.apply(item))).toList();
            return running.stream().map(Parallel::result).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R result(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
