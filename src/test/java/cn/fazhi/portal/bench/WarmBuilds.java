package cn.fazhi.portal.bench;

import cn.fazhi.portal.Pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a warm rebuild's time goes: builds one source tree many times in one JVM with one
 * {@link Pipeline} (as {@code serve} does) and prints each stage's median over the later builds.
 * For comparing changes to the pipeline; the benchmark proper is {@link Benchmark}.
 *
 * <pre>java -cp target/portal.jar:target/test-classes cn.fazhi.portal.bench.WarmBuilds SOURCE [BUILDS]</pre>
 */
public final class WarmBuilds {

    private WarmBuilds() {
    }

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]).toAbsolutePath();
        int builds = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Path work = java.nio.file.Files.createTempDirectory("warm-builds");
        Map<String, List<Double>> stages = new LinkedHashMap<>();
        List<Double> totals = new ArrayList<>();
        // The preview's pipeline: every build runs (a build stamp would skip the unchanged ones).
        try (Pipeline pipeline = Pipeline.forPreview(work.resolve(".portal-cache"))) {
            for (int i = 0; i < builds; i++) {
                Pipeline.Result r = pipeline.build(new Pipeline.Options(source, work.resolve("site"), true, null));
                if (i >= builds / 3) { // the first third warms the JVM up
                    totals.add((double) r.millis());
                    r.stages().forEach((k, v) -> stages.computeIfAbsent(k, x -> new ArrayList<>()).add((double) v));
                }
            }
        } finally {
            CorpusGenerator.deleteRecursively(work);
        }
        System.out.printf(Locale.ROOT, "warm build: median %.0f ms over %d builds%n", Benchmark.median(totals), totals.size());
        stages.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-10s %6.0f ms%n", k, Benchmark.median(v)));
    }
}
