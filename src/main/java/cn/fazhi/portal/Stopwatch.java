package cn.fazhi.portal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time per stage of one build, for --verbose and the benchmark. */
final class Stopwatch {

    private final long start = System.nanoTime();
    private final Map<String, Long> laps = new LinkedHashMap<>();
    private long mark = start;

    /** Ends the stage {@code name}: the time since the last lap is its time. */
    void lap(String name) {
        long now = System.nanoTime();
        laps.put(name, (now - mark) / 1_000_000);
        mark = now;
    }

    /** Milliseconds since the build started. */
    long total() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Every stage's milliseconds, in order. */
    Map<String, Long> laps() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(laps));
    }
}
