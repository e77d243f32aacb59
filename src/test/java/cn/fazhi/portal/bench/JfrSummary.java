package cn.fazhi.portal.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summarises a JFR recording of a build ({@code -XX:StartFlightRecording:filename=build.jfr,settings=profile}):
 * the CPU samples of Java threads by pipeline stage (the outermost portal frame that names a stage),
 * JBake's samples by what they were doing, the hottest leaf methods, and JIT/GC totals.
 * JDK only (jdk.jfr), no dependency.
 *
 * <p>Record with a deep stack ({@code -XX:FlightRecorderOptions:stackdepth=4096}): JRuby's stacks are far deeper
 * than JFR's default of 64 frames, and a cut stack loses the portal frame that names the stage. CPU
 * spent by the JVM itself (class loading and verification, JIT compiler threads, GC) is not in the
 * samples; the JIT and GC totals are printed apart.
 *
 * <pre>java -cp target/test-classes cn.fazhi.portal.bench.JfrSummary build.jfr</pre>
 */
public final class JfrSummary {

    /** Stage markers, checked from the thread's root frame towards the leaf; the first hit names the stage. */
    private static final String[][] STAGES = {
            {"cn.fazhi.portal.load.SiteLoader.load", "load + validate"},
            {"cn.fazhi.portal.render.AsciidoctorEngine.ready", "Asciidoctor.create (JRuby start)"},
            {"cn.fazhi.portal.render.AsciiDocConverter.convert", "convert"},
            {"cn.fazhi.portal.navigate.", "navigate"},
            {"cn.fazhi.portal.cite.", "cite"},
            {"cn.fazhi.portal.compose.", "compose"},
            {"cn.fazhi.portal.bake.", "bake"},
            {"cn.fazhi.portal.map.", "sitemap and feed"},
            {"cn.fazhi.portal.search.", "search index"},
            {"cn.fazhi.portal.opendata.", "open data"},
            {"cn.fazhi.portal.check.LinkChecker.check", "link check"},
            {"cn.fazhi.portal.publish.AtomicPublisher", "publish"},
    };

    /** What a JBake sample is doing: the first marker found anywhere on its stack wins, so specific ones come first. */
    private static final String[][] JBAKE = {
            {"freemarker.", "Freemarker rendering the page"},
            {"org.jbake.app.configuration.", "JBake configuration"},
            {"cn.fazhi.portal.bake.Assets", "assets read"},
            {"org.jbake.", "JBake, other"},
    };

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Integer> byStage = new LinkedHashMap<>();
        for (String[] s : STAGES) {
            byStage.put(s[1], 0);
        }
        Map<String, Integer> byJBake = new LinkedHashMap<>();
        Map<String, Integer> leaves = new TreeMap<>();
        Map<String, Integer> byLibrary = new TreeMap<>();
        int samples = 0;
        int natives = 0;
        Map<String, Integer> nativeByStage = new LinkedHashMap<>();
        Duration compile = Duration.ZERO;
        Duration gc = Duration.ZERO;
        int compilations = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.Compilation")) {
                compile = compile.plus(e.getDuration());
                compilations++;
            } else if (type.equals("jdk.GarbageCollection")) {
                gc = gc.plus(e.getDuration());
            } else if (type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample")) {
                boolean nativeSample = type.equals("jdk.NativeMethodSample");
                RecordedStackTrace st = e.getStackTrace();
                if (st == null) {
                    continue;
                }
                if (nativeSample) {
                    natives++;
                } else {
                    samples++;
                }
                List<RecordedFrame> frames = st.getFrames(); // leaf first
                String stage = "other (JVM start, picocli, main thread outside stages, other threads)";
                outer:
                for (int i = frames.size() - 1; i >= 0; i--) {
                    String m = name(frames.get(i));
                    for (String[] s : STAGES) {
                        if (m.startsWith(s[0])) {
                            stage = s[1];
                            break outer;
                        }
                    }
                }
                if (nativeSample) {
                    nativeByStage.merge(stage, 1, Integer::sum);
                    continue;
                }
                byStage.merge(stage, 1, Integer::sum);
                if (stage.equals("bake")) {
                    String what = "JBake, other";
                    outer:
                    for (String[] j : JBAKE) {
                        for (RecordedFrame f : frames) {
                            if (name(f).startsWith(j[0])) {
                                what = j[1];
                                break outer;
                            }
                        }
                    }
                    byJBake.merge(what, 1, Integer::sum);
                }
                if (!frames.isEmpty()) {
                    leaves.merge(name(frames.get(0)), 1, Integer::sum);
                    byLibrary.merge(library(frames), 1, Integer::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d CPU samples of Java threads (jdk.ExecutionSample)%n%n| stage | samples | share |%n|---|---|---|%n", samples);
        print(byStage, samples);
        System.out.printf(Locale.ROOT, "%n%d samples of threads in native code (jdk.NativeMethodSample: file I/O, zip, waiting)%n%n"
                + "| stage | native samples |%n|---|---|%n", natives);
        nativeByStage.forEach((k, v) -> System.out.printf(Locale.ROOT, "| %s | %d |%n", k, v));
        int jbake = byStage.getOrDefault("bake", 0);
        System.out.printf(Locale.ROOT, "%n| inside the bake | samples | share of the bake |%n|---|---|---|%n");
        print(sorted(byJBake), jbake);
        System.out.printf(Locale.ROOT, "%n| leaf frame's library | samples | share |%n|---|---|---|%n");
        Map<String, Integer> libs = new LinkedHashMap<>();
        sorted(byLibrary).entrySet().stream().limit(12).forEach(x -> libs.put(x.getKey(), x.getValue()));
        print(libs, samples);
        System.out.printf(Locale.ROOT, "%n| hottest leaf methods | samples | share |%n|---|---|---|%n");
        Map<String, Integer> top = new LinkedHashMap<>();
        sorted(leaves).entrySet().stream().limit(15).forEach(x -> top.put(x.getKey(), x.getValue()));
        print(top, samples);
        System.out.printf(Locale.ROOT, "%nJIT: %d compilations, %.1f s in compiler threads; GC: %.1f s%n",
                compilations, compile.toMillis() / 1e3, gc.toMillis() / 1e3);
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** The library of the innermost frame that is not JDK code, or "JDK". */
    private static String library(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String t = f.getMethod().getType().getName();
            if (t.startsWith("java.") || t.startsWith("jdk.") || t.startsWith("sun.") || t.startsWith("com.sun.")) {
                continue;
            }
            String[] parts = t.split("\\.");
            return parts.length >= 3 ? parts[0] + "." + parts[1] + "." + parts[2] : t;
        }
        return "JDK only";
    }

    private static Map<String, Integer> sorted(Map<String, Integer> m) {
        Map<String, Integer> out = new LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static void print(Map<String, Integer> m, int total) {
        m.forEach((k, v) -> System.out.printf(Locale.ROOT, "| %s | %d | %.0f%% |%n", k, v, total == 0 ? 0 : 100.0 * v / total));
    }
}
