package cn.fazhi.portal.bench;

import cn.fazhi.portal.Pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a cold one-off build's CPU goes, stage by stage: one cold build (empty output and cache)
 * in this JVM, which {@code bench/stage-cpu.sh} starts with the options a plain
 * {@code java -jar portal.jar build} gives its child (the JIT's first tier, the class-data archive).
 *
 * <p>A sampler thread reads, every {@value #SAMPLE_MS} ms, the process's CPU time and the CPU time
 * of every Java thread; after the build, the stage boundaries (the pipeline's own stage times,
 * laid end to end from the moment {@code build} was called) split the samples into stages. Per
 * stage it prints the wall time, the CPU of the Java threads (the build's own work: the main thread
 * and the workers of convert, bake and check) and the rest of the process's CPU (the JIT's
 * compiler threads, the garbage collector, the JVM itself), which Java's thread list does not show.
 * The sampler's own CPU is left out of both; a worker that ended between two samples loses up to
 * {@value #SAMPLE_MS} ms of CPU to the rest. "start" is from the JVM's start to {@code build}.
 *
 * <pre>java OPTIONS -cp target/portal.jar:target/test-classes cn.fazhi.portal.bench.StageCpu SOURCE WORK</pre>
 */
public final class StageCpu {

    static final int SAMPLE_MS = 10;

    /** {@code gcMillis}: the collectors' accumulated collection time (the serial collector runs on one thread: its CPU). */
    private record Sample(long nanos, long processCpu, long javaCpu, long gcMillis) {
    }

    private StageCpu() {
    }

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        CorpusGenerator.deleteRecursively(work);
        Files.createDirectories(work);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        long[] samplerId = {-1};
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                samples.add(sample(os, threads, samplerId[0]));
                try {
                    Thread.sleep(SAMPLE_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "stage-cpu-sampler");
        t.setDaemon(true);
        samplerId[0] = t.getId();
        Sample startOfJvm = new Sample(System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000, 0, 0, 0);
        Sample beforeBuild = sample(os, threads, samplerId[0]);
        t.start();
        long called = System.nanoTime();
        Pipeline.Result r;
        try (Pipeline pipeline = new Pipeline(work.resolve("cache"))) {
            r = pipeline.build(new Pipeline.Options(source, work.resolve("site"), false, null));
        }
        t.interrupt();
        t.join();
        Sample end = sample(os, threads, samplerId[0]);
        samples.add(end);

        Map<String, long[]> stages = new LinkedHashMap<>(); // name: wall ms, Java threads' CPU ns, rest ns, GC ms
        stages.put("start (JVM to build)", new long[] {(beforeBuild.nanos() - startOfJvm.nanos()) / 1_000_000,
                beforeBuild.javaCpu(), beforeBuild.processCpu() - beforeBuild.javaCpu(), beforeBuild.gcMillis()});
        long from = called;
        Sample previous = at(samples, beforeBuild, from);
        for (Map.Entry<String, Long> stage : r.stages().entrySet()) {
            long to = from + stage.getValue() * 1_000_000;
            Sample s = at(samples, beforeBuild, to);
            stages.put(stage.getKey(), new long[] {stage.getValue(), s.javaCpu() - previous.javaCpu(),
                    (s.processCpu() - s.javaCpu()) - (previous.processCpu() - previous.javaCpu()), s.gcMillis() - previous.gcMillis()});
            previous = s;
            from = to;
        }
        stages.put("close (cache saved)", new long[] {(end.nanos() - from) / 1_000_000, end.javaCpu() - previous.javaCpu(),
                (end.processCpu() - end.javaCpu()) - (previous.processCpu() - previous.javaCpu()), end.gcMillis() - previous.gcMillis()});

        System.out.printf(Locale.ROOT, "stage-cpu: %d pages; %d samples%n", r.pages(), samples.size());
        System.out.println("| stage | wall ms | Java threads' CPU ms | JIT, GC, JVM CPU ms | of which GC ms |");
        long[] total = new long[4];
        stages.forEach((name, v) -> {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", name, v[0], v[1] / 1_000_000, v[2] / 1_000_000, v[3]);
            for (int i = 0; i < 4; i++) {
                total[i] += v[i];
            }
        });
        System.out.printf(Locale.ROOT, "| total | %d | %d | %d | %d |%n", total[0], total[1] / 1_000_000, total[2] / 1_000_000, total[3]);
        CorpusGenerator.deleteRecursively(work);
    }

    /** The sample taken last at or before {@code nanos} (the start when none was). */
    private static Sample at(List<Sample> samples, Sample start, long nanos) {
        Sample best = start;
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.nanos() <= nanos) {
                    best = s;
                }
            }
        }
        return best;
    }

    /** Every Java thread's CPU when last seen: the workers of a stage end with it, and their CPU must stay counted. */
    private static final Map<Long, Long> LAST_SEEN = new java.util.HashMap<>();

    private static synchronized Sample sample(com.sun.management.OperatingSystemMXBean os, ThreadMXBean threads, long sampler) {
        long now = System.nanoTime();
        long own = 0;
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu > 0) {
                if (id == sampler) {
                    own = cpu;
                } else {
                    LAST_SEEN.put(id, cpu);
                }
            }
        }
        long java = LAST_SEEN.values().stream().mapToLong(Long::longValue).sum();
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
        return new Sample(now, os.getProcessCpuTime() - own, java, gc);
    }
}
