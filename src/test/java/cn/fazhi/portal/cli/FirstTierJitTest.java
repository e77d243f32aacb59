package cn.fazhi.portal.cli;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.testsupport.SiteTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar portal.jar build} runs the build in a child JVM with the JIT's first tier only,
 * unless the person running it chose otherwise; the exit code and output are the child's.
 */
class FirstTierJitTest {

    private static final Optional<String> JAVA = Optional.of("/usr/bin/java");

    private static Optional<List<String>> child(String[] jvm, Map<String, String> env, String... args) {
        List<String> self = new ArrayList<>(List.of(jvm));
        self.addAll(List.of(args));
        return FirstTierJit.childCommand(args, JAVA, Optional.of(self.toArray(String[]::new)), env, Optional.empty());
    }

    private static final String[] JAR = {"-jar", "target/portal.jar"};

    @Test
    void aBuildOrCheckRunsAgainWithTheFirstTierOnlyAndEverythingElseAsGiven() {
        assertEquals(Optional.of(List.of("/usr/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms64m",
                        "-XX:+ExitOnOutOfMemoryError", "-Dportal.relaunch=false", "-Dx=1", "-jar", "target/portal.jar", "build", "--source", "x y")),
                child(new String[] {"-Dx=1", "-jar", "target/portal.jar"}, Map.of(), "build", "--source", "x y"));
        assertTrue(child(JAR, Map.of(), "check").isPresent());
    }

    /** A collector or heap size chosen by the person running it is kept: the child's memory settings are left out. */
    @Test
    void aChosenCollectorOrHeapSizeLeavesOutTheChildsMemorySettings() {
        for (String chosen : List.of("-Xmx2g", "-Xms1g", "-XX:MaxRAMPercentage=50", "-XX:+UseG1GC", "-XX:+UseParallelGC", "-XX:MaxHeapSize=1g")) {
            assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError"),
                    FirstTierJit.options(List.of(chosen), Map.of(), Optional.empty()), chosen);
            assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError"),
                    FirstTierJit.options(List.of(), Map.of("JAVA_TOOL_OPTIONS", chosen), Optional.empty()), chosen);
        }
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms64m", "-XX:+ExitOnOutOfMemoryError"),
                FirstTierJit.options(List.of("-Xss2m", "-XX:+UseStringDeduplication", "-Dgc=x"), Map.of(), Optional.empty()),
                "options that only look alike choose nothing");
    }

    @Test
    void otherCommandsAndChosenJitOrToolsRunInThisJvm() {
        assertFalse(child(JAR, Map.of(), "serve").isPresent(), "serve runs long: the optimising JIT pays back");
        assertFalse(child(JAR, Map.of(), "--help").isPresent());
        assertFalse(child(JAR, Map.of()).isPresent());
        for (String chosen : List.of("-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-Xint",
                "-agentlib:jdwp=transport=dt_socket", "-javaagent:x.jar", "-XX:StartFlightRecording", "-Dportal.relaunch=false")) {
            assertFalse(child(new String[] {chosen, "-jar", "p.jar"}, Map.of(), "build").isPresent(), chosen);
        }
        assertFalse(child(JAR, Map.of("JDK_JAVA_OPTIONS", "-XX:TieredStopAtLevel=1"), "build").isPresent());
        assertFalse(child(JAR, Map.of("JAVA_TOOL_OPTIONS", "-agentlib:jdwp=server=y"), "build").isPresent());
        assertFalse(child(JAR, Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g -XX:TieredStopAtLevel=1"), "build").isPresent(),
                "an option among others in a variable");
    }

    /** Options are recognised by name, not by a word they contain. */
    @Test
    void anOptionThatOnlyContainsAWordOfAChosenOneChoosesNothing() {
        for (String unrelated : List.of("-Dmy.agent.name=x", "-Dtiered=yes", "-Xmx512m", "-Dportal.relaunch=falsehood")) {
            assertTrue(child(new String[] {unrelated, "-jar", "p.jar"}, Map.of(), "build").isPresent(), unrelated);
        }
        assertTrue(child(JAR, Map.of("JAVA_TOOL_OPTIONS", "-Dagent.id=1"), "build").isPresent());
    }

    @Test
    void aCommandLineThatIsNotThisJvmsOwnRunsHere() {
        // java @argfile: the JVM's recorded arguments are not the ones main received
        assertFalse(FirstTierJit.childCommand(new String[] {"build", "--source", "x"}, JAVA,
                Optional.of(new String[] {"@args.txt"}), Map.of(), Optional.empty()).isPresent());
        assertFalse(FirstTierJit.childCommand(new String[] {"build"}, JAVA, Optional.empty(), Map.of(), Optional.empty()).isPresent());
        assertFalse(FirstTierJit.childCommand(new String[] {"build"}, Optional.empty(),
                Optional.of(new String[] {"-jar", "p.jar", "build"}), Map.of(), Optional.empty()).isPresent());
    }

    @Test
    void theClassDataArchiveBesideTheJarIsUsedUnlessClassSharingWasChosen(@TempDir Path tmp) throws Exception {
        Path jar = Files.writeString(tmp.resolve("portal.jar"), "");
        assertEquals(Optional.empty(), FirstTierJit.archiveBeside(jar), "no archive yet");
        Path archive = Files.writeString(tmp.resolve("portal.jsa"), "");
        assertEquals(Optional.of(archive.toAbsolutePath()), FirstTierJit.archiveBeside(jar));

        String[] self = {"-jar", jar.toString(), "build"};
        List<String> child = FirstTierJit.childCommand(new String[] {"build"}, JAVA, Optional.of(self), Map.of(),
                FirstTierJit.archiveBeside(jar)).orElseThrow();
        assertEquals(List.of("/usr/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms64m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:SharedArchiveFile=" + archive.toAbsolutePath(),
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Dportal.relaunch=false", "-jar", jar.toString(), "build"), child);

        for (String chosen : List.of("-Xshare:off", "-XX:SharedArchiveFile=mine.jsa")) {
            assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms64m", "-XX:+ExitOnOutOfMemoryError"),
                    FirstTierJit.options(List.of(chosen), Map.of(), FirstTierJit.archiveBeside(jar)), chosen);
        }
    }

    @Test
    void theBuildRunsInAChildWithTheFirstTierAndItsExitCodeIsPassedOn(@TempDir Path tmp) throws Exception {
        Path source = Fixtures.realSourceCopy(tmp.resolve("src"));
        Process build = start(tmp, "build", "--source", source.toString(), "--output", tmp.resolve("site").toString());
        // The child's command line, read while the build runs. Java may show its process-spawning
        // helper there for a moment before it becomes the child JVM, so keep looking.
        List<List<String>> seen = new ArrayList<>();
        boolean firstTier = false;
        while (build.isAlive() && !firstTier) {
            for (ProcessHandle c : build.children().toList()) {
                List<String> args = c.info().arguments().map(List::of).orElse(List.of());
                seen.add(args);
                firstTier |= args.contains("-XX:TieredStopAtLevel=1");
            }
            Thread.sleep(20);
        }
        assertEquals(0, exit(build), printed(tmp));
        assertTrue(firstTier, "the child's arguments, as seen: " + seen);
        assertTrue(Files.isRegularFile(tmp.resolve("site/index.html")));
        assertTrue(printed(tmp).contains("Built "), printed(tmp));

        // Problems (1) and wrong usage (2) come back from the child unchanged.
        Files.writeString(source.resolve("content/2023/01-07-disputes.adoc"), "no title\n");
        assertEquals(1, exit(start(tmp, "build", "--source", source.toString(), "--output", tmp.resolve("site").toString())));
        assertTrue(printed(tmp).contains("content/2023/01-07-disputes.adoc:1: error"), printed(tmp));
        assertEquals(2, exit(start(tmp, "build", "--no-such-option")));
        assertTrue(printed(tmp).contains("--no-such-option"), printed(tmp));
    }

    /**
     * A heap too small for the build never fails it silently: the child stops at the first
     * OutOfMemoryError, this process says so in words with what to do, exits 1, and the previous
     * output stays as it was.
     */
    @Test
    void aBuildThatRunsOutOfMemorySaysSoExits1AndPublishesNothing(@TempDir Path tmp) throws Exception {
        Path source = Fixtures.realSourceCopy(tmp.resolve("src"));
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "the previous output");
        // The heap given to this JVM is the child's too; 32 MB cannot hold Asciidoctor and the site.
        Process build = SiteTrees.portal(List.of("-Xmx32m"), "build", "--source", source.toString(), "--output", site.toString(),
                "--cache", tmp.resolve("cache").toString()).redirectOutput(tmp.resolve("printed.txt").toFile()).start();
        assertEquals(1, exit(build), printed(tmp));
        assertTrue(printed(tmp).contains("error: the build ran out of memory (内存不足)"), printed(tmp));
        assertTrue(printed(tmp).contains("hint: give the build more memory, e.g. java -Xmx4g -jar portal.jar build"), printed(tmp));
        assertEquals("the previous output", Files.readString(site.resolve("index.html")));
    }

    private static Process start(Path tmp, String... args) throws IOException {
        return SiteTrees.portal(List.of(), args).redirectOutput(tmp.resolve("printed.txt").toFile()).start();
    }

    private static int exit(Process p) throws InterruptedException {
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("the build did not finish");
        }
        return p.exitValue();
    }

    private static String printed(Path tmp) throws IOException {
        return Files.readString(tmp.resolve("printed.txt"), StandardCharsets.UTF_8);
    }
}
