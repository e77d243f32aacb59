package cn.fazhi.portal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Fingerprints of built sites, and child JVMs that run the portal's command line, for the tests
 * of atomic and reproducible output.
 */
public final class SiteTrees {

    private SiteTrees() {
    }

    /**
     * The SHA-256 of every file under {@code dir}, by path relative to it (forward slashes, sorted);
     * folders are listed too (value {@code "dir"}), so an added empty folder is a difference as well.
     */
    public static SortedMap<String, String> checksums(Path dir) {
        SortedMap<String, String> sums = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> !p.equals(dir)).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                sums.put(rel, Files.isDirectory(p) ? "dir" : sha256(Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sums;
    }

    /**
     * One digest for a whole tree, the same as {@code cd DIR && find . -type f -print0 | sort -z |
     * xargs -0 sha256sum | sha256sum} prints (C-locale sort order).
     */
    public static String treeDigest(Path dir) {
        StringBuilder lines = new StringBuilder();
        List<Map.Entry<String, String>> files = new ArrayList<>(checksums(dir).entrySet().stream()
                .filter(e -> !e.getValue().equals("dir")).toList());
        files.sort(Map.Entry.comparingByKey(SiteTrees::compareBytes));
        for (Map.Entry<String, String> e : files) {
            lines.append(e.getValue()).append("  ./").append(e.getKey()).append('\n');
        }
        return sha256(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The differences between two fingerprints, one line per path, for failure messages. */
    public static String differences(SortedMap<String, String> expected, SortedMap<String, String> actual) {
        StringBuilder d = new StringBuilder();
        TreeMap<String, String> all = new TreeMap<>(expected);
        all.putAll(actual);
        for (String path : all.keySet()) {
            String a = expected.get(path);
            String b = actual.get(path);
            if (a == null) {
                d.append("  added:   ").append(path).append('\n');
            } else if (b == null) {
                d.append("  removed: ").append(path).append('\n');
            } else if (!a.equals(b)) {
                d.append("  changed: ").append(path).append('\n');
            }
        }
        return d.toString();
    }

    /**
     * A child JVM that runs {@code cn.fazhi.portal.cli.Main} with this test run's class path and the
     * JVM options the build needs (as surefire's argLine and the jar's manifest give them), as
     * {@code java -jar portal.jar} would: {@code build} and {@code check} then run once more in a
     * JVM of their own (cli.FirstTierJit). The class path is passed in an argument file: the JVM
     * cannot read back a command line as long as the test class path, and then runs the command
     * itself.
     *
     * @param jvmOptions extra options, e.g. {@code -Duser.timezone=...}
     * @param args the command line, e.g. {@code build --source DIR --output DIR}
     */
    public static ProcessBuilder portal(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xss4m", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens", "java.base/java.io=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("@" + ClassPathFile.FILE, "cn.fazhi.portal.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /** A file holding {@code -cp <this test run's class path>}, written when first needed. */
    private static final class ClassPathFile {
        static final Path FILE = write();

        private static Path write() {
            try {
                Path file = Files.createTempFile("portal-classpath", ".args");
                file.toFile().deleteOnExit();
                // Argument files take quotes; a class path with spaces or backslashes needs them.
                String cp = System.getProperty("java.class.path").replace("\\", "\\\\").replace("\"", "\\\"");
                return Files.writeString(file, "-cp \"" + cp + "\"\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
