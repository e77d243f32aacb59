package cn.fazhi.portal.serve;

import java.util.Optional;

/**
 * What the open preview pages are told: which build they should show, and whether the last
 * rebuild failed. The watcher's thread reports each outcome; every page's event stream waits here
 * for the next one (see {@link LiveReload}).
 */
final class BuildSignal {

    /**
     * One state of the preview. {@code build} names the build the files on disk are from; {@code page}
     * is the one page a quick update changed ahead of the full rebuild (empty when the whole site
     * changed); {@code failed} when a rebuild since then failed and the last good preview stays.
     */
    record State(String build, String page, boolean failed) {
    }

    /** Differs between runs of serve, so that a page left open from an earlier run reloads too. */
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private long builds;
    private State state = new State(run + "-0", "", false);
    private boolean closed;

    synchronized State now() {
        return state;
    }

    /** A build replaced the whole preview. */
    synchronized void built() {
        change(new State(run + "-" + ++builds, "", false));
    }

    /**
     * One page was updated ahead of the full rebuild. It shows the editor's latest save, so an
     * earlier failure is no longer news; if the full rebuild fails, {@link #failed()} says so again.
     */
    synchronized void quick(String page) {
        change(new State(run + "-" + ++builds, page, false));
    }

    /** A rebuild failed: the files stay those of the last good build. */
    synchronized void failed() {
        change(new State(state.build(), state.page(), true));
    }

    private void change(State next) {
        state = next;
        notifyAll();
    }

    /**
     * Waits until the state differs from {@code seen}, at most {@code millis}: the new state, or
     * empty when nothing changed in that time. Closed, it returns {@code seen} at once.
     */
    synchronized Optional<State> next(State seen, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (state.equals(seen) && !closed) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return Optional.empty();
            }
            wait(left);
        }
        return Optional.of(closed ? seen : state);
    }

    synchronized boolean closed() {
        return closed;
    }

    /** Ends every wait: the preview is stopping. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
