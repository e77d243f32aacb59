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
 * the results come back in the items' order</em>, so the output never depends on timing. One
 * exception, made with {@link #beside}: when a build has files to convert, Asciidoctor's start
 * (seconds of JRuby on one core) runs while the convert stage prepares the conversions read back
 * from the cache; the stage waits for it before it converts. It makes nothing that goes into the
 * output, so timing still cannot change a byte.
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

    /**
     * Runs {@code task} on a thread of its own, beside the caller, who must wait for the returned
     * future before using what the task set up (see the class comment: only Asciidoctor's start).
     */
    public static java.util.concurrent.CompletableFuture<Void> beside(String name, Runnable task) {
        return java.util.concurrent.CompletableFuture.runAsync(task, run -> {
            Thread t = new Thread(run, name);
            t.setDaemon(true);
            t.start();
        });
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
