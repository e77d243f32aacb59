package cn.fazhi.portal.publish;

import cn.fazhi.portal.load.SourceScan;
import cn.fazhi.portal.render.FileTrees;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
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
 * The build's up-to-date check, kept in the cache folder beside the conversions, so that a build
 * with nothing changed keeps the output as it is instead of making it again, as make and Gradle do.
 * Like the conversion cache it is keyed by content: the SHA-256 of everything a build is made from.
 *
 * <ul>
 *   <li>Made from: every file under content/, data/, templates/ and assets/ (path and bytes), the
 *       build's options, and the portal's own code (the jar's or class files' size and time).</li>
 *   <li>Made: every file of the output (path, size and modification time), so an output changed
 *       or deleted by hand is built again.</li>
 * </ul>
 * Anything that cannot be read gives no digest, and then the build runs: skipping is only an optimisation.
 */
public final class BuildStamp {

    private static final int FORMAT = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the skipped build reports: the figures of the build that made the output. */
    public record Recorded(int pages, int externalLinks) {
    }

    /** The stamp as stored: what the output was made from, what it holds, and the build's figures. */
    private record Stamp(int format, String inputs, String output, int pages, int externalLinks) {
    }

    private final Path file;

    /** @param file where the stamp is kept, e.g. ~/.cache/portal/&lt;output digest&gt;/last-build (render.CacheFolders) */
    public BuildStamp(Path file) {
        this.file = file;
    }

    /**
     * The digest of everything a build is made from, or empty when a file cannot be read (the build
     * then runs, and the loader reports the file to the editor).
     *
     * @param files the files as the scan found them (no link among them), in its order
     */
    public static Optional<String> inputs(List<SourceScan.Entry> files, String options) {
        try {
            Optional<String> code = codeIdentity();
            if (code.isEmpty()) {
                return Optional.empty();
            }
            MessageDigest sha = sha256();
            update(sha, FORMAT + "\n" + options + "\n" + code.get() + "\n");
            byte[] buffer = new byte[64 * 1024];
            for (SourceScan.Entry f : files) {
                update(sha, f.name() + "\n");
                // Streamed, not read whole: the size limits are checked only later, by the loader.
                try (InputStream in = Files.newInputStream(f.path())) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        sha.update(buffer, 0, n);
                    }
                }
                update(sha, "\n");
            }
            return Optional.of(HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The output as the last build left it, if it was made from {@code inputs} and is untouched since. */
    public Optional<Recorded> upToDate(Optional<String> inputs, Path output) {
        if (inputs.isEmpty() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Stamp s = JSON.readValue(file.toFile(), Stamp.class);
            boolean same = s.format() == FORMAT && s.inputs().equals(inputs.get()) && s.output().equals(listing(output));
            return same ? Optional.of(new Recorded(s.pages(), s.externalLinks())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable or older stamp: the build runs
        }
    }

    /** Records a build just published into {@code output}. */
    public void record(Optional<String> inputs, Path output, int pages, int externalLinks) {
        if (inputs.isEmpty()) {
            forget();
            return;
        }
        try {
            Stamp s = new Stamp(FORMAT, inputs.get(), listing(output), pages, externalLinks);
            FileTrees.writeAtomically(file, JSON.writeValueAsBytes(s));
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
        for (Path f : files(output)) {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            update(sha, output.relativize(f) + "\t" + a.size() + "\t" + a.lastModifiedTime().toMillis() + "\n");
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The portal's code, as the build stamp and the page cache know it: empty when it cannot be told
     * (then neither reuses anything).
     */
    public static Optional<String> code() {
        try {
            return codeIdentity();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The portal's code: a new jar (or recompiled classes) must never reuse an old build. */
    private static Optional<String> codeIdentity() throws IOException {
        Path code;
        try {
            code = Path.of(BuildStamp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        for (Path f : Files.isDirectory(code) ? files(code) : List.of(code)) {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            sb.append(f).append('\t').append(a.size()).append('\t').append(a.lastModifiedTime().toMillis()).append('\n');
        }
        return Optional.of(sb.toString());
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
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
