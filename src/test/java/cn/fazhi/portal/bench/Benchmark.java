package cn.fazhi.portal.bench;

import cn.fazhi.portal.cli.FirstTierJit;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The benchmark against the AsciidoctorJ floor (issue 7). Runs outside the test suite, through
 * {@code bench/run.sh}; every measured build is a new JVM started from {@code target/portal.jar}.
 *
 * <ul>
 *   <li>{@code cold}: {@code java -jar portal.jar build} with an empty output folder (process wall time);</li>
 *   <li>{@code floor}: {@link Floor}, AsciidoctorJ alone on the same files, same JVM options;</li>
 *   <li>{@code antora} (with {@code --antora}): Antora's cold build of the same AsciiDoc, laid out as an
 *       Antora site by {@code bench/antora/antora-site.py} (its build and cache folders removed
 *       before each run); {@code vs_antora} is the median of each round's cold build over Antora's;</li>
 *   <li>{@code unchanged}: the same build again into the same output, nothing changed (the build
 *       stamp finds nothing changed and keeps the output);</li>
 *   <li>{@code cached} (printed before the summary line): a build into an emptied output with the
 *       conversion cache full: every stage runs except conversion, so JRuby never starts;</li>
 *   <li>{@code edit_build}: after the cached build, one section's text changed and {@code build} run
 *       again in a new process with the output and caches present (only that section is converted,
 *       only the pages showing it laid out again);</li>
 *   <li>{@code edit}: {@code java -jar portal.jar serve --port 0}; time from saving one changed
 *       section file to the rebuilt section page containing the change (polled every 5 ms);</li>
 *   <li>{@code peak_rss_mb}: the cold builds' peak resident set (GNU time's %M, else VmHWM polled).</li>
 * </ul>
 * Each figure is the median of {@code --runs} runs; each round runs cold, floor and unchanged back to
 * back, so a change in machine load hits all three alike. With {@code --levers}, it instead compares cold builds under JVM
 * options (C1 only, an AppCDS archive, both...), alternating the configurations in every round.
 * Folders cleared between runs are moved aside and deleted only after the last run ({@link Trash}).
 * The last line printed is the summary line.
 */
public final class Benchmark {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** What the jar's manifest gives {@code java -jar} (Add-Opens), so the floor JVM gets the same. */
    private static final List<String> MANIFEST_OPENS = List.of(
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.base/java.io=ALL-UNNAMED");

    private final Path jar;
    private final Path source;
    private final Path work;
    private final int runs;
    private final List<String> jvmOptions;
    private final boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
    private final Trash trash;
    /** Antora's command ({@code node_modules/.bin/antora}), or null to leave Antora out. */
    private final Path antora;

    private Benchmark(Path jar, Path source, Path work, int runs, List<String> jvmOptions, Path antora) {
        this.jar = jar.toAbsolutePath().normalize();
        this.source = source.toAbsolutePath().normalize();
        this.work = work.toAbsolutePath().normalize();
        this.runs = runs;
        this.jvmOptions = jvmOptions;
        this.trash = new Trash(this.work.resolve("trash"));
        this.antora = antora == null ? null : antora.toAbsolutePath().normalize();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>(Map.of("--preset", "small", "--runs", "3", "--jar", "target/portal.jar",
                "--jvm-opts", "", "--work", "target/bench"));
        boolean levers = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--levers")) {
                levers = true;
            } else if (opt.containsKey(args[i]) || List.of("--corpus", "--antora", "--configs").contains(args[i])) {
                opt.put(args[i], args[++i]);
            } else {
                System.err.println("unknown argument " + args[i] + "\nusage: Benchmark [--preset small|large|indicators | --corpus DIR]"
                        + " [--runs N] [--jvm-opts \"...\"] [--jar target/portal.jar] [--work DIR] [--antora node_modules/.bin/antora] [--levers [--configs \"NAME=OPTS;NAME=OPTS\"]]");
                System.exit(2);
            }
        }
        String preset = opt.get("--preset");
        Path work = Path.of(opt.get("--work"), opt.containsKey("--corpus") ? "corpus" : preset);
        Path source;
        if (opt.containsKey("--corpus")) {
            source = Path.of(opt.get("--corpus"));
        } else {
            source = CorpusGenerator.generate(CorpusGenerator.Spec.preset(preset), work.resolve("src"), Path.of("."));
        }
        List<String> jvm = opt.get("--jvm-opts").isBlank() ? List.of() : Arrays.asList(opt.get("--jvm-opts").trim().split("\\s+"));
        Benchmark b = new Benchmark(Path.of(opt.get("--jar")), source, work, Integer.parseInt(opt.get("--runs")), jvm,
                opt.containsKey("--antora") ? Path.of(opt.get("--antora")) : null);
        b.describe(preset);
        if (levers && opt.containsKey("--configs")) {
            b.compare(configs(opt.get("--configs")));
        } else if (levers) {
            b.levers();
        } else {
            b.standard();
        }
    }

    private void describe(String preset) throws IOException {
        long adoc;
        try (Stream<Path> s = Files.walk(source.resolve("content"))) {
            adoc = s.filter(p -> p.toString().endsWith(".adoc")).count();
        }
        System.out.printf("corpus: %s (%s, %d .adoc files)%njar: %s%njvm options: %s (the floor's: %s)%nruns: %d (medians reported)%n"
                        + "machine: %d cores, %s; load average before: %s%n",
                source, preset, adoc, jar, jvmOptions.isEmpty() ? "(none)" : String.join(" ", jvmOptions),
                String.join(" ", floorOptions()), runs,
                Runtime.getRuntime().availableProcessors(), memTotal(), loadAverage());
    }

    // ---- the standard measurement --------------------------------------------------------------

    private void standard() throws Exception {
        Path build = work.resolve("build");
        Path site = build.resolve("site");
        List<Double> cold = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        List<Double> unchanged = new ArrayList<>();
        List<Double> cached = new ArrayList<>();
        List<Double> editBuild = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> antoraS = new ArrayList<>();
        List<Double> antoraRss = new ArrayList<>();
        Path antoraSite = antora == null ? null : antoraSite();
        // One round = cold, floor, Antora, unchanged, back to back, so a change in machine load hits them alike.
        for (int i = 1; i <= runs; i++) {
            trash.discard(build);
            Run c = run("cold", buildCommand(jvmOptions, site));
            cold.add(c.seconds());
            rss.add(c.peakRssMb());
            System.out.printf(Locale.ROOT, "cold #%d: %.2f s, peak RSS %.0f MB (%s) [load %s]%n", i, c.seconds(), c.peakRssMb(),
                    c.lastLine(), loadAverage());
            Run f = run("floor", floorCommand(floorOptions()));
            floor.add(f.seconds());
            System.out.printf(Locale.ROOT, "floor #%d: %.2f s (%s) [load %s]%n", i, f.seconds(), f.lastLine(), loadAverage());
            if (antoraSite != null) {
                trash.discard(antoraSite.resolve("build"));
                trash.discard(antoraSite.resolve("cache"));
                Run a = run("antora", List.of(antora.toString(), "antora-playbook.yml"), antoraSite);
                antoraS.add(a.seconds());
                antoraRss.add(a.peakRssMb());
                System.out.printf(Locale.ROOT, "antora #%d: %.2f s, peak RSS %.0f MB [load %s]%n", i, a.seconds(), a.peakRssMb(),
                        loadAverage());
            }
            Run u = run("unchanged", buildCommand(jvmOptions, site));
            unchanged.add(u.seconds());
            System.out.printf(Locale.ROOT, "unchanged #%d: %.2f s (%s) [load %s]%n", i, u.seconds(), u.lastLine(), loadAverage());
            trash.discard(site);
            Run k = run("cached", buildCommand(jvmOptions, site));
            cached.add(k.seconds());
            System.out.printf(Locale.ROOT, "cached #%d: %.2f s (%s) [load %s]%n", i, k.seconds(), k.lastLine(), loadAverage());
            Run e = editBuild(i, site);
            editBuild.add(e.seconds());
            System.out.printf(Locale.ROOT, "edit build #%d: %.2f s (%s) [load %s]%n", i, e.seconds(), e.lastLine(), loadAverage());
        }
        List<Double> edits = edit();
        trash.empty();

        double coldS = median(cold);
        double floorS = median(floor);
        System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
        // Each round's cold build and floor ran back to back, so their ratio is less exposed to the
        // machine's drift than the ratio of the medians, which the summary line keeps.
        List<Double> rounds = new ArrayList<>();
        for (int i = 0; i < cold.size(); i++) {
            rounds.add(cold.get(i) / floor.get(i));
        }
        System.out.printf(Locale.ROOT, "round ratios: %s (median %.2f)%n",
                rounds.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).collect(java.util.stream.Collectors.joining(" ")),
                median(rounds));
        System.out.printf(Locale.ROOT, "cached_s=%.2f (output emptied, conversion cache full: every stage but conversion)%n",
                median(cached));
        String vsAntora = "";
        if (antoraSite != null) {
            List<Double> antoraRounds = new ArrayList<>();
            for (int i = 0; i < cold.size(); i++) {
                antoraRounds.add(cold.get(i) / antoraS.get(i));
            }
            System.out.printf(Locale.ROOT, "antora round ratios (cold / antora): %s (median %.2f); antora peak RSS %.0f MB%n",
                    antoraRounds.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).collect(java.util.stream.Collectors.joining(" ")),
                    median(antoraRounds), median(antoraRss));
            vsAntora = String.format(Locale.ROOT, " antora_s=%.2f vs_antora=%.2f", median(antoraS), median(antoraRounds));
        }
        System.out.printf(Locale.ROOT, "cold_s=%.2f floor_s=%.2f ratio=%.2f unchanged_s=%.2f edit_build_s=%.2f edit_ms=%.0f"
                + " peak_rss_mb=%.0f%s%n", coldS, floorS, coldS / floorS, median(unchanged), median(editBuild), median(edits),
                median(rss), vsAntora);
    }

    /**
     * The edit build: one section's text changed, then {@code build} in a new process with the
     * output and caches the build before left (as a CI run or an editor's next build finds them).
     * The section is restored afterwards.
     */
    private Run editBuild(int round, Path site) throws IOException, InterruptedException {
        Path section = editedSection();
        String original = Files.readString(section);
        Files.writeString(section, original.replaceFirst("\n\n", "\n\n" + marker("基准测试构建修订标记", round) + "。\n\n"));
        try {
            return run("edit-build", buildCommand(jvmOptions, site));
        } finally {
            Files.writeString(section, original);
        }
    }

    private List<String> buildCommand(List<String> jvm, Path site) {
        List<String> cmd = new ArrayList<>(List.of(JAVA));
        cmd.addAll(jvm);
        // The cache beside the site, so that clearing the build folder makes the next build cold.
        cmd.addAll(List.of("-jar", jar.toString(), "build", "--source", source.toString(), "--output", site.toString(),
                "--cache", site.resolveSibling("cache").toString()));
        return cmd;
    }

    /**
     * Lays the corpus out as an Antora site in {@code work/antora} with {@code bench/antora/antora-site.py}
     * (beside this repository's {@code bench/run.sh}; the UI bundle is read from there too).
     */
    private Path antoraSite() throws IOException, InterruptedException {
        Path site = work.resolve("antora");
        Path script = Path.of("bench", "antora", "antora-site.py").toAbsolutePath().normalize();
        run("antora-site", List.of("python3", script.toString(), source.toString(), site.toString()));
        return site;
    }

    /**
     * The JVM options the build's conversions really run with, which the floor gets too: with none
     * chosen, {@code java -jar portal.jar build} runs the build in a child JVM with the JIT's first
     * tier only and, when {@code mvn package} made one, the class-data archive beside the jar
     * (cli.FirstTierJit). The floor's class path starts with the same jar, so Java accepts the
     * archive for it as well.
     */
    private List<String> floorOptions() {
        if (FirstTierJit.chosen(jvmOptions, System.getenv())) {
            return jvmOptions;
        }
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(FirstTierJit.options(jvmOptions, System.getenv(), FirstTierJit.archiveBeside(jar)));
        return all;
    }

    private List<String> floorCommand(List<String> jvm) {
        List<String> cmd = new ArrayList<>(List.of(JAVA));
        cmd.addAll(jvm);
        cmd.addAll(MANIFEST_OPENS);
        cmd.addAll(List.of("-cp", jar + File.pathSeparator + testClasses(), Floor.class.getName(), source.toString()));
        return cmd;
    }

    /** Where this class was loaded from: target/test-classes. */
    private static String testClasses() {
        try {
            return Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts {@code serve}, waits for its first build, then saves a changed section {@code runs + 1}
     * times (the first, a warm-up, is printed but not counted) and measures until the rebuilt page
     * holds the change. The section file is restored at the end.
     */
    private List<Double> edit() throws Exception {
        Path preview = work.resolve("preview").resolve("site");
        trash.discard(preview.getParent());
        Path section = editedSection();
        String year = section.getParent().getFileName().toString();
        String slug = section.getFileName().toString().replaceFirst("^\\d{2}(-\\d{2})?-", "").replace(".adoc", "");
        Path page = preview.resolve(year).resolve(slug + ".html");
        String original = Files.readString(section);

        List<String> cmd = new ArrayList<>(List.of(JAVA));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar.toString(), "serve", "--source", source.toString(), "--port", "0",
                "--output", preview.toString(), "--cache", preview.resolveSibling("cache").toString()));
        Process serve = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicReference<String> serving = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                    if (line.startsWith("Serving the preview")) {
                        serving.set(line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
        List<Double> times = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            while (serving.get() == null) {
                if (!serve.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("serve did not start: " + String.join("\n", lines));
                }
                Thread.sleep(50);
            }
            System.out.println("edit: " + serving.get() + " (" + lines.get(0) + ")");
            for (int i = 0; i <= runs; i++) {
                Thread.sleep(1000); // let the watcher settle after the previous build
                String marker = marker("基准测试修订标记", i);
                String changed = original.replaceFirst("\n\n", "\n\n" + marker + "。\n\n");
                int builtBefore = countBuilt(lines);
                long t0 = System.nanoTime();
                Files.writeString(section, changed);
                while (!contains(page, marker)) {
                    if (!serve.isAlive() || System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(30)
                            || lines.stream().skip(lines.size() - 1L).anyMatch(l -> l.startsWith("The preview shows the last good"))) {
                        throw new IllegalStateException("the edit never showed: " + String.join("\n", lines));
                    }
                    Thread.sleep(5);
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                while (countBuilt(lines) == builtBefore) {
                    Thread.sleep(5);
                }
                System.out.printf(Locale.ROOT, "edit #%d%s: %.0f ms (%s) [load %s]%n", i, i == 0 ? " (warm-up, not counted)" : "",
                        ms, lines.get(lines.size() - 1), loadAverage());
                if (i > 0) {
                    times.add(ms);
                }
            }
        } finally {
            Files.writeString(section, original);
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
        return times;
    }

    /** A subsection in the middle of the newest year. */
    private Path editedSection() throws IOException {
        Path newest;
        try (Stream<Path> s = Files.list(source.resolve("content"))) {
            newest = s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches("\\d{4}"))
                    .sorted().reduce((a, b) -> b).orElseThrow();
        }
        try (Stream<Path> s = Files.list(newest)) {
            List<Path> sections = s.filter(p -> p.getFileName().toString().matches("\\d{2}-\\d{2}-.*\\.adoc")).sorted().toList();
            return sections.get(sections.size() / 2);
        }
    }

    private static int countBuilt(List<String> lines) {
        synchronized (lines) {
            return (int) lines.stream().filter(l -> l.startsWith("Preview built")).count();
        }
    }

    private static boolean contains(Path page, String marker) {
        try {
            return Files.readString(page).contains(marker);
        } catch (NoSuchFileException e) {
            return false; // between the two moves of the atomic publish
        } catch (IOException e) {
            return false;
        }
    }

    // ---- JVM levers ----------------------------------------------------------------------------

    /** {@code NAME=OPTS;NAME=OPTS}: each configuration's JVM options, given to {@code java -jar portal.jar build} (empty: none). */
    private static Map<String, List<String>> configs(String spec) {
        Map<String, List<String>> configs = new LinkedHashMap<>();
        for (String c : spec.split(";")) {
            int eq = c.indexOf('=');
            String opts = c.substring(eq + 1).trim();
            configs.put(c.substring(0, eq).trim(), opts.isEmpty() ? List.of() : List.of(opts.split("\\s+")));
        }
        return configs;
    }

    private void levers() throws Exception {
        Path jsa = work.resolve("portal.jsa");
        Files.createDirectories(work);
        Files.deleteIfExists(jsa);
        // The archive is trained the way a release would do it: one build of the repository's real site.
        List<String> train = new ArrayList<>(List.of(JAVA, "-XX:ArchiveClassesAtExit=" + jsa, "-Dportal.relaunch=false", "-jar", jar.toString(), "build",
                "--source", Path.of(".").toAbsolutePath().normalize().toString(), "--output", work.resolve("cds-training/site").toString()));
        Run t = run("cds-training", train);
        System.out.printf(Locale.ROOT, "AppCDS archive %s: %.1f MB, trained in %.1f s on the real site%n", jsa,
                Files.size(jsa) / 1e6, t.seconds());

        Map<String, List<String>> configs = new LinkedHashMap<>();
        // The first: the JVM's default JIT, in the JVM as started (a plain java -jar build runs in a
        // child JVM with the first tier only: the second line).
        configs.put("default (-Dportal.relaunch=false)", with("-Dportal.relaunch=false"));
        configs.put("as given: java -jar (child JVM: first tier, archive beside the jar)", jvmOptions);
        configs.put("C1 only (-XX:TieredStopAtLevel=1)", with("-XX:TieredStopAtLevel=1"));
        configs.put("AppCDS (-XX:SharedArchiveFile)", with("-XX:SharedArchiveFile=" + jsa, "-Dportal.relaunch=false"));
        configs.put("C1 + AppCDS", with("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=" + jsa));
        configs.put("C1 + -XX:+UseSerialGC", with("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        configs.put("C1 + -Djruby.compile.mode=OFF", with("-XX:TieredStopAtLevel=1", "-Djruby.compile.mode=OFF"));
        configs.put("C1 + SerialGC + jruby.compile.mode=OFF (no archive)", with("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djruby.compile.mode=OFF"));
        configs.put("C1 + AppCDS + SerialGC + jruby.compile.mode=OFF", with("-XX:TieredStopAtLevel=1",
                "-XX:SharedArchiveFile=" + jsa, "-XX:+UseSerialGC", "-Djruby.compile.mode=OFF"));
        compare(configs);
    }

    /**
     * Cold builds under each configuration's JVM options, the configurations alternating in every
     * round; prints wall, CPU and peak RSS, and each configuration's per-round ratio to the first.
     */
    private void compare(Map<String, List<String>> configs) throws Exception {
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, List<Double>> rss = new LinkedHashMap<>();
        Path build = work.resolve("build");
        for (int i = 1; i <= runs; i++) {
            for (Map.Entry<String, List<String>> c : configs.entrySet()) {
                trash.discard(build);
                Run r = run(c.getKey(), buildCommand(c.getValue(), build.resolve("site")));
                times.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(r.seconds());
                cpu.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(r.cpuSeconds());
                rss.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(r.peakRssMb());
                System.out.printf(Locale.ROOT, "round %d, %s: %.2f s wall, %.2f s CPU, %.0f MB [load %s]%n", i, c.getKey(), r.seconds(),
                        r.cpuSeconds(), r.peakRssMb(), loadAverage());
            }
        }
        trash.empty();
        String first = configs.keySet().iterator().next();
        System.out.println("\n| JVM options (cold build) | median wall s | median CPU s | wall / first, median of rounds | CPU / first | peak RSS MB (median, max) |"
                + "\n|---|---|---|---|---|---|");
        for (String k : configs.keySet()) {
            List<Double> wallRatio = new ArrayList<>();
            List<Double> cpuRatio = new ArrayList<>();
            for (int i = 0; i < times.get(k).size(); i++) {
                wallRatio.add(times.get(k).get(i) / times.get(first).get(i));
                cpuRatio.add(cpu.get(k).get(i) / cpu.get(first).get(i));
            }
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.0f, %.0f |%n", k, median(times.get(k)), median(cpu.get(k)),
                    median(wallRatio), median(cpuRatio), median(rss.get(k)), rss.get(k).stream().mapToDouble(d -> d).max().orElse(0));
        }
    }

    private List<String> with(String... extra) {
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(List.of(extra));
        return all;
    }

    // ---- running processes -------------------------------------------------------------------

    /** {@code cpuSeconds}: user + system time of the process and its children (GNU time; NaN without it). */
    private record Run(double seconds, double peakRssMb, double cpuSeconds, String lastLine) {
    }

    /** Runs the command to its end; fails the benchmark if it does not exit 0. */
    private Run run(String name, List<String> command) throws IOException, InterruptedException {
        return run(name, command, null);
    }

    /** Runs the command in {@code directory} (null: this process's) to its end; fails the benchmark if it does not exit 0. */
    private Run run(String name, List<String> command, Path directory) throws IOException, InterruptedException {
        Files.createDirectories(work.resolve("logs"));
        Path log = work.resolve("logs").resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".log");
        Path rssFile = work.resolve("logs").resolve("rss.txt");
        List<String> cmd = new ArrayList<>();
        if (gnuTime) {
            Files.deleteIfExists(rssFile);
            cmd.addAll(List.of("/usr/bin/time", "-f", "%M %U %S", "-o", rssFile.toString()));
        }
        cmd.addAll(command);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(directory == null ? null : directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long hwmKb = 0;
        while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
            if (!gnuTime) {
                hwmKb = Math.max(hwmKb, vmHwmKb(p.pid()));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<String> out = Files.readAllLines(log);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(name + " exited with " + p.exitValue() + ":\n" + String.join("\n", out)
                    + "\ncommand: " + String.join(" ", cmd));
        }
        double cpuSeconds = Double.NaN;
        if (gnuTime) {
            List<String> t = Files.readAllLines(rssFile);
            String[] f = t.get(t.size() - 1).trim().split(" ");
            hwmKb = Long.parseLong(f[0]);
            cpuSeconds = Double.parseDouble(f[1]) + Double.parseDouble(f[2]);
        }
        return new Run(seconds, hwmKb / 1024.0, cpuSeconds, out.isEmpty() ? "" : out.get(out.size() - 1));
    }

    private static long vmHwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // gone already
        }
        return 0;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal")).map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB RAM")
                    .findFirst().orElse("? RAM");
        } catch (IOException e) {
            return "? RAM";
        }
    }

    /**
     * A sentence of its own for edit {@code n}, its number spelled in letters (0 → a, 12 → bc): a
     * digit would be a number the report does not bind, and the build would spend time warning of it.
     */
    static String marker(String words, int n) {
        StringBuilder letters = new StringBuilder(words);
        String.valueOf(n).chars().forEach(d -> letters.append((char) ('a' + d - '0')));
        return letters.toString();
    }
}
