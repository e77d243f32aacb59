package cn.fazhi.portal.render;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** File-tree helpers shared by the stages that write output. */
public final class FileTrees {

    private FileTrees() {
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Replaces {@code target} with {@code bytes} in one step: written beside it, then renamed over
     * it, so a reader (or a process killed halfway) sees the old file or the new one, never half.
     */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Renames atomically where the file system can, plainly where it cannot. */
    public static void move(Path from, Path to, StandardCopyOption... options) throws IOException {
        try {
            StandardCopyOption[] atomic = java.util.Arrays.copyOf(options, options.length + 1);
            atomic[options.length] = StandardCopyOption.ATOMIC_MOVE;
            Files.move(from, to, atomic);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, options);
        }
    }

    /**
     * The file {@code path} names in the published output {@code root}, if it is a regular file
     * there and no link on the way leads out of the output: an output folder can hold what a build
     * did not put there ({@code 2023 -> /elsewhere}, committed or planted), and what is read back
     * from it (a page kept, a file linked into the next release) must be the portal's own.
     */
    public static Optional<Path> publishedFile(Path root, String path) {
        Path file = root.resolve(path).normalize();
        try {
            if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || !file.toRealPath().startsWith(root.toRealPath())) {
                return Optional.empty();
            }
            return Optional.of(file);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
