package cn.fazhi.portal.publish;

import cn.fazhi.portal.render.FileTrees;
import cn.fazhi.portal.load.SourceScan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the last successful build was made from and what it wrote, kept beside the conversion
 * cache, so that a build with nothing changed keeps the output as it is instead of making it
 * again, as make and Gradle do.
 *
 * <ul>
 *   <li>Made from: every file under content/, data/, templates/ and assets/ (path and bytes), the
 *       build's options, and the portal's own code (the jar's or class files' size and time).</li>
 *   <li>Wrote: every file of the output (path, size and modification time), so an output changed
 *       or deleted by hand is built again.</li>
 * </ul>
 * Anything the stamp cannot read makes the build run: skipping is only an optimisation.
 */
public final class BuildStamp {

    private static final String FORMAT = "portal-build-stamp 1";

    /** What the skipped build reports: the figures of the build that made the output. */
    public record Recorded(int pages, int externalLinks) {
    }

    private final Path file;

    /** @param file where the stamp is kept, e.g. ~/.cache/portal/&lt;output digest&gt;/last-build (render.CacheFolders) */
    public BuildStamp(Path file) {
        this.file = file;
    }

    /**
     * The digest of everything a build is made from. A file that cannot be read gives a digest that
     * matches nothing, so the build runs and the loader reports the file to the editor.
     */
    public static String inputs(List<SourceScan.Entry> files, String options) {
        try {
            return digestOfInputs(files, options);
        } catch (UncheckedIOException e) {
            return "unreadable " + System.nanoTime();
        }
    }

    /** The files as the scan found them (no link among them), in its order: by folder, then by path. */
    private static String digestOfInputs(List<SourceScan.Entry> files, String options) {
        MessageDigest sha = sha256();
        update(sha, FORMAT + "\n" + options + "\n" + codeIdentity() + "\n");
        for (SourceScan.Entry f : files) {
            update(sha, f.name() + "\n");
            // Streamed, not read whole: the size limits are checked only later, by the loader.
            try (java.io.InputStream in = Files.newInputStream(f.path())) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    sha.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            update(sha, "\n");
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** True when a build is recorded; without one, {@link #upToDate} can only say no. */
    public boolean isRecorded() {
        return Files.isRegularFile(file);
    }

    /** The output as the last build left it, if its inputs were {@code inputs} and the output is untouched. */
    public Optional<Recorded> upToDate(String inputs, Path output) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() != 5 || !lines.get(0).equals(FORMAT) || !lines.get(1).equals(inputs)
                    || !lines.get(2).equals(listing(output))) {
                return Optional.empty();
            }
            return Optional.of(new Recorded(Integer.parseInt(lines.get(3)), Integer.parseInt(lines.get(4))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Records a build just published into {@code output}. */
    public void record(String inputs, Path output, int pages, int externalLinks) {
        try {
            FileTrees.writeAtomically(file, (String.join("\n", FORMAT, inputs, listing(output), String.valueOf(pages),
                    String.valueOf(externalLinks)) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            forget(); // without a stamp the next build simply runs
        }
    }

    /** Removes the stamp (a build that failed, or one whose output changed). */
    public void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stamp that cannot be removed no longer matches the output anyway
        }
    }

    /** Every file of the output with its size and modification time, digested. */
    private static String listing(Path output) throws IOException {
        MessageDigest sha = sha256();
        if (!Files.isDirectory(output)) {
            return "none";
        }
        for (Path f : files(output)) {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            update(sha, output.relativize(f) + "\t" + a.size() + "\t" + a.lastModifiedTime().toMillis() + "\n");
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The portal's code: a new jar (or recompiled classes) must never reuse an old build. */
    private static String codeIdentity() {
        try {
            Path code = Path.of(BuildStamp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            StringBuilder sb = new StringBuilder();
            for (Path f : Files.isDirectory(code) ? files(code) : List.of(code)) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                sb.append(f).append('\t').append(a.size()).append('\t').append(a.lastModifiedTime().toMillis()).append('\n');
            }
            return sb.toString();
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return "unknown " + System.nanoTime(); // never matches: the build runs
        }
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
