package cn.fazhi.portal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs a one-off {@code build} or {@code check} in a child JVM limited to the JIT's first tier.
 *
 * <p>Why: a build is a short process, and with the default JIT most of a cold build's CPU goes to
 * the optimising compiler, which never pays back before the process ends. With
 * {@value #OPTION} a cold build of the large benchmark corpus takes about half the time, with the
 * same output byte for byte (BENCHMARKS.md). JVM options cannot be changed from inside a running
 * JVM, nor set in a jar's manifest, so {@code java -jar portal.jar build} starts the same command
 * once more with the option: the parent only waits and passes on the exit code.
 *
 * <p>When {@code mvn package} left a class-data archive beside the jar ({@code portal.jsa}, made by
 * a training build of the real site), the child also maps the classes from it instead of loading
 * and verifying them one by one: a cold build of a site the size of the real one takes a second
 * less. Java checks that the archive belongs to this very jar, where it was made, and this JVM,
 * and the child quietly runs without it otherwise (a moved or rebuilt jar, another Java).
 *
 * <p>The child also gets its memory settings ({@link #MEMORY}): the serial garbage collector, a small
 * initial heap, and an exit on the first OutOfMemoryError. A build allocates fast but keeps little
 * (about 100 MB live on the benchmark corpora of 500 sections): the default collector (G1) grows
 * its heap with the allocation rate to 2 GB and more, and its own bookkeeping for a heap that size
 * costs another 100 MB, so a cold build peaked at 600–800 MB of RSS. The serial collector grows the
 * heap only when what is live no longer fits, and a heap that starts at {@value #INITIAL_HEAP} keeps
 * the peak the same on a machine of any memory size (the default initial heap is 1/64 of it). The
 * maximum is left at Java's default, a quarter of the machine's memory: no cap of ours could know
 * what a portal ten times larger needs, and the serial collector compacts, so a generous maximum
 * costs nothing until it is used. If the heap does fill up, the child exits at once (instead of
 * limping on with a thread lost); no half-made site is published (the output is replaced only
 * after every stage succeeded, by two renames that the next build completes if the process ended
 * between them), and this process prints what happened and how to give the build more memory
 * ({@link #outOfMemory}): never a silent failure. Measurements: BENCHMARKS.md, "Session 9".
 *
 * <p>Not done when the person running it chose the JIT or attached a tool that needs this very
 * JVM (a debugger, an agent, a flight recording), for {@code serve} (a long-running process, which
 * the optimising compiler does pay back), when the JVM cannot tell its own command line, or with
 * {@code -Dportal.relaunch=false}. The archive is left out when class sharing was chosen.
 */
public final class FirstTierJit {

    /** The JVM option the child runs with. */
    public static final String OPTION = "-XX:TieredStopAtLevel=1";
    /** The child's initial heap (see the class comment). */
    static final String INITIAL_HEAP = "64m";
    /** The child's memory settings, unless the person running it chose a collector or heap size. */
    static final List<String> MEMORY = List.of("-XX:+UseSerialGC", "-Xms" + INITIAL_HEAP);
    /** Always given to the child: an OutOfMemoryError ends it with {@link #OUT_OF_MEMORY}, reported by the parent. */
    static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";
    /** The exit code of a JVM that {@value #EXIT_ON_OOM} ended. */
    static final int OUT_OF_MEMORY = 3;
    /** Set on the child (and settable by hand) so the command runs in the JVM it was started in. */
    static final String STAY = "-Dportal.relaunch=false";

    /**
     * The JVM options that mean: run here, as started. Each is recognised by its exact name (an
     * option that only contains one of these words, such as -Dmy.agent=1, chooses nothing): the
     * JIT's mode, a debugger or agent attached to this very JVM, a flight recording, or the
     * portal's own switch.
     */
    private static final List<String> CHOSEN_EXACTLY = List.of("-Xint", "-Xcomp", "-Xmixed", "-Xdebug",
            "-XX:+TieredCompilation", "-XX:-TieredCompilation", STAY);
    private static final List<String> CHOSEN_BY_PREFIX = List.of("-XX:TieredStopAtLevel=", "-XX:CICompilerCount=",
            "-agentlib:", "-agentpath:", "-javaagent:", "-Xrunjdwp", "-XX:StartFlightRecording", "-XX:FlightRecorderOptions");
    /** The JVM options that choose the collector or the heap's size: then {@link #MEMORY} is left out. */
    private static final List<String> MEMORY_BY_PREFIX = List.of("-Xms", "-Xmx", "-Xmn", "-XX:InitialHeapSize=", "-XX:MaxHeapSize=",
            "-XX:InitialRAMPercentage=", "-XX:MaxRAMPercentage=", "-XX:MinRAMPercentage=", "-XX:MaxRAM=", "-XX:NewSize=");
    /** The JVM options that choose class sharing. */
    private static final List<String> SHARING_BY_PREFIX = List.of("-XX:SharedArchiveFile=", "-Xshare:",
            "-XX:ArchiveClassesAtExit=", "-XX:+AutoCreateSharedArchive");
    /** Where Java takes options from besides the command line. */
    private static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

    private FirstTierJit() {
    }

    /**
     * The child's command line: this JVM's own, with {@link #options} and {@link #STAY} after the
     * {@code java} executable; empty when the command should run in this JVM.
     *
     * @param args the portal's arguments ({@code build --source …})
     * @param self this process's command ({@code java}) and arguments (its JVM options, then
     *             {@code -jar portal.jar} or the main class, then {@code args})
     * @param env the environment
     * @param archive the class-data archive beside the jar, if there is one
     */
    static Optional<List<String>> childCommand(String[] args, Optional<String> command, Optional<String[]> self,
                                               Map<String, String> env, Optional<Path> archive) {
        if (!oneOff(args) || command.isEmpty() || self.isEmpty()) {
            return Optional.empty();
        }
        String[] own = self.get();
        int jvmOptions = own.length - args.length; // the portal's arguments come last
        if (jvmOptions < 1 || !Arrays.equals(own, jvmOptions, own.length, args, 0, args.length)) {
            return Optional.empty(); // not the command line this JVM was started with (an @argfile, say)
        }
        List<String> given = List.of(own).subList(0, jvmOptions);
        if (chosen(given, env)) {
            return Optional.empty();
        }
        List<String> child = new ArrayList<>(List.of(command.get()));
        child.addAll(options(given, env, archive));
        child.add(STAY);
        child.addAll(List.of(own));
        return Optional.of(child);
    }

    /**
     * Whether these JVM options, or those in the environment, choose the JIT or attach a tool, so
     * that a build runs in the JVM as started (the benchmark gives its floor the same JVM options).
     */
    public static boolean chosen(List<String> jvmOptions, Map<String, String> env) {
        return given(jvmOptions, env).anyMatch(o -> CHOSEN_EXACTLY.contains(o) || CHOSEN_BY_PREFIX.stream().anyMatch(o::startsWith));
    }

    /**
     * The JVM options a build started with {@code jvmOptions} gets in the child: {@link #OPTION},
     * {@link #MEMORY} unless a collector or heap size was chosen, {@link #EXIT_ON_OOM}, and the
     * archive's unless class sharing was chosen (the benchmark gives its floor the same).
     */
    public static List<String> options(List<String> jvmOptions, Map<String, String> env, Optional<Path> archive) {
        List<String> options = new ArrayList<>(List.of(OPTION));
        if (given(jvmOptions, env).noneMatch(o -> o.matches("-XX:[+-]Use\\w*GC") || MEMORY_BY_PREFIX.stream().anyMatch(o::startsWith))) {
            options.addAll(MEMORY);
        }
        options.add(EXIT_ON_OOM);
        if (archive.isPresent() && given(jvmOptions, env).noneMatch(o -> SHARING_BY_PREFIX.stream().anyMatch(o::startsWith))) {
            // The logging options keep Java from printing why it could not use the archive.
            options.addAll(List.of("-XX:SharedArchiveFile=" + archive.get(), "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        return options;
    }

    /** The options given on the command line and in the environment variables, one by one. */
    private static Stream<String> given(List<String> jvmOptions, Map<String, String> env) {
        Stream<String> fromEnv = OPTION_VARIABLES.stream().map(env::get).filter(v -> v != null)
                .flatMap(v -> Arrays.stream(v.strip().split("\\s+")));
        return Stream.concat(jvmOptions.stream(), fromEnv);
    }

    /** The class-data archive beside {@code jar} ({@code portal.jar}: {@code portal.jsa}), if there is one. */
    public static Optional<Path> archiveBeside(Path jar) {
        String name = jar.getFileName().toString();
        if (!name.endsWith(".jar")) {
            return Optional.empty();
        }
        Path archive = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
        return Files.isRegularFile(archive) ? Optional.of(archive.toAbsolutePath()) : Optional.empty();
    }

    /** {@code build} and {@code check}: the commands that run once and end. */
    private static boolean oneOff(String[] args) {
        return args.length > 0 && (args[0].equals("build") || args[0].equals("check"));
    }

    /** The child command for this process, if {@code args} should run in one. */
    static Optional<List<String>> childCommand(String[] args) {
        if (!oneOff(args)) {
            return Optional.empty(); // serve, help: nothing to look up
        }
        ProcessHandle.Info self = ProcessHandle.current().info();
        return childCommand(args, self.command(), self.arguments(), System.getenv(), ownJar().flatMap(FirstTierJit::archiveBeside));
    }

    /** The jar this class was loaded from; empty when it was not (tests run from classes). */
    private static Optional<Path> ownJar() {
        try {
            var source = FirstTierJit.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * What an editor reads when the build's heap filled up: this JVM's maximum heap is the child's
     * too (the child gets the same options and no maximum of its own).
     */
    static void outOfMemory(java.io.PrintStream err, long maxHeapBytes) {
        err.println("error: the build ran out of memory (内存不足): its Java heap, at most about " + (maxHeapBytes >> 20)
                + " MB, is full. No half-made site was published: the output holds the last complete one"
                + " (if the build stopped while switching sites, the next build puts it back).");
        err.println("    hint: give the build more memory, e.g. java -Xmx4g -jar portal.jar build (on a machine with more than 4 GB of memory)");
        err.flush();
    }

    /**
     * Runs the child with this process's standard streams and returns its exit code; empty when it
     * could not be started (the caller then runs the command itself).
     */
    static Optional<Integer> run(List<String> command) {
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        // Stopping this process (Ctrl-C, a CI timeout) stops the build too.
        Thread stop = new Thread(child::destroy, "portal-stop-child");
        Runtime.getRuntime().addShutdownHook(stop);
        while (true) {
            try {
                int code = child.waitFor();
                Runtime.getRuntime().removeShutdownHook(stop);
                if (code == OUT_OF_MEMORY) {
                    outOfMemory(System.err, Runtime.getRuntime().maxMemory());
                    return Optional.of(Main.PROBLEMS);
                }
                return Optional.of(code);
            } catch (InterruptedException e) {
                // keep waiting: the child's exit code is this process's
            } catch (IllegalStateException e) {
                return Optional.of(child.exitValue()); // shutting down already
            }
        }
    }
}
