package cn.fazhi.portal.publish;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.testsupport.SiteTrees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two builds of the same sources, from different copies into different folders, in separate JVMs
 * with a different time zone (TZ and user.timezone), locale, default charset, file times and, where
 * libfaketime is installed, a faked clock, are byte-identical file by file. The tree digests are
 * printed, as {@code find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum} gives them.
 */
class ReproducibleBuildTest {

    /** Debian's and Ubuntu's libfaketime (package libfaketime). */
    static final Path LIBFAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");

    /**
     * The wall clock starts at 2041-07-08 09:10:11. A JVM needs its monotonic clock left alone
     * (libfaketime's README): the variable is FAKETIME_DONT_FAKE_MONOTONIC since libfaketime 0.9.8,
     * DONT_FAKE_MONOTONIC before. FAKETIME_FORCE_MONOTONIC_FIX=0 turns off a workaround for the
     * timed waits of some glibc versions, which libfaketime 0.9.10 switches on by itself with
     * Debian 12's glibc: with it a JVM's timed waits made the build take ten times the CPU (80 s
     * instead of 7 for the real site). Neither changes the time the build reads.
     */
    static final Map<String, String> FAKED_CLOCK = Map.of("LD_PRELOAD", LIBFAKETIME.toString(),
            "FAKETIME", "@2041-07-08 09:10:11", "FAKETIME_DONT_FAKE_MONOTONIC", "1", "DONT_FAKE_MONOTONIC", "1",
            "FAKETIME_FORCE_MONOTONIC_FIX", "0");

    @TempDir
    static Path tmp;
    static SortedMap<String, String> reference;

    @BeforeAll
    static void referenceBuild() throws Exception {
        Path out = build("a", Map.of("TZ", "Asia/Shanghai"),
                List.of("-Duser.timezone=Asia/Shanghai", "-Duser.language=zh", "-Duser.country=CN", "-Dfile.encoding=UTF-8"),
                Instant.parse("2001-02-03T04:05:06Z"));
        reference = SiteTrees.checksums(out);
        assertTrue(reference.size() > 70, "the real site was built: " + reference.keySet());
        System.out.println("[reproducible] tree digest of build a: " + SiteTrees.treeDigest(out));
    }

    /**
     * Everything the build must not depend on differs at once (one child build more would cost a
     * minute on a busy machine): time zone, locale (Turkish, the classic case-mapping trap), default
     * charset, file times and, where libfaketime is installed, the clock itself (2041).
     */
    @Test
    void anotherTimeZoneLocaleCharsetFileTimeAndClockGiveTheSameBytes() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(Map.of("TZ", "America/Los_Angeles",
                "LANG", "tr_TR.ISO-8859-9", "LC_ALL", "tr_TR.ISO-8859-9"));
        if (Files.isRegularFile(LIBFAKETIME)) {
            env.putAll(FAKED_CLOCK);
            assertEquals("2041", fakedYear(), "libfaketime fakes the clock the build reads");
        } else {
            System.out.println("[reproducible] libfaketime is not installed: the clock is not faked this time");
        }
        Path out = build("b", env, List.of("-Duser.timezone=Pacific/Kiritimati", "-Duser.language=tr",
                "-Duser.country=TR", "-Dfile.encoding=ISO-8859-1"), Instant.parse("2035-12-31T23:59:59Z"));
        assertSameAsReference(out);
    }

    /** The year {@code date} prints under {@link #FAKED_CLOCK}. */
    private static String fakedYear() throws IOException, InterruptedException {
        ProcessBuilder date = new ProcessBuilder("date", "-u", "+%Y").redirectErrorStream(true);
        date.environment().putAll(FAKED_CLOCK);
        Process p = date.start();
        String year = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "date ends");
        return year;
    }

    private static void assertSameAsReference(Path out) {
        SortedMap<String, String> sums = SiteTrees.checksums(out);
        assertEquals(reference, sums, "the two builds differ:\n" + SiteTrees.differences(reference, sums));
        System.out.println("[reproducible] tree digest of build " + out.getFileName() + ": " + SiteTrees.treeDigest(out));
    }

    /**
     * Builds a fresh copy of the real sources, whose files all get the time {@code fileTime}, in a
     * child JVM with the given environment and options, into {@code out-<name>}.
     */
    private static Path build(String name, Map<String, String> env, List<String> jvmOptions, Instant fileTime)
            throws IOException, InterruptedException {
        Path source = Fixtures.realSourceCopy(tmp.resolve("src-" + name));
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Files.setLastModifiedTime(p, FileTime.from(fileTime));
            }
        }
        Path out = tmp.resolve("out-" + name);
        ProcessBuilder pb = SiteTrees.portal(jvmOptions, "build", "--source", source.toString(), "--output", out.toString());
        pb.environment().remove("SOURCE_DATE_EPOCH");
        pb.environment().putAll(env);
        Path log = tmp.resolve("build-" + name + ".log");
        Process p = pb.redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String printed = read(log);
        assertTrue(done && p.exitValue() == 0, "build " + name + " failed:\n" + printed);
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
