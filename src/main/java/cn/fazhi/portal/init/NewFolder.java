package cn.fazhi.portal.init;

import cn.fazhi.portal.render.FileTrees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a new folder of files all at once, or not at all. The files are written into a staging
 * folder beside it (on the same file system) and then renamed into place, so a full disk or a
 * refused write half way leaves no half-made portal that a second try would refuse as not empty.
 *
 * <p>Only a missing or empty folder is written to (or one holding only {@code .git}: an empty
 * repository just cloned): {@code init} must never mix its files with someone's work.
 */
public final class NewFolder {

    private NewFolder() {
    }

    /**
     * Writes {@code files} (path relative to {@code dir} with '/', and UTF-8 text) into {@code dir}.
     *
     * @param shown the folder as the person named it, for messages
     * @throws InitRefused when {@code dir} is a file or a folder that is not empty: nothing was written
     * @throws IOException when writing failed: whatever was written was removed again
     */
    public static void write(Path dir, String shown, Map<String, String> files) throws InitRefused, IOException {
        Path target = dir.toAbsolutePath().normalize();
        refuseUnusable(target, shown);
        Path parent = target.getParent();
        List<Path> created = createMissing(parent);
        Path staging = null;
        try {
            staging = staging(parent, target.getFileName().toString());
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = staging.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            }
            if (Files.isDirectory(target)) {
                moveEntries(staging, target); // keep the empty folder itself: it may be the current one
                Files.delete(staging);
            } else {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            if (staging != null) {
                FileTrees.deleteRecursively(staging);
            }
            removeEmpty(created);
            throw e;
        }
    }

    private static void refuseUnusable(Path target, String shown) throws InitRefused, IOException {
        if (target.getParent() == null) {
            throw new InitRefused(shown, "this is the root of the file system, not a folder for a portal (不能使用根目录)",
                    "name a new folder, e.g. java -jar portal.jar init my-portal");
        }
        if (Files.isSymbolicLink(target) && !Files.exists(target)) {
            throw new InitRefused(shown, "this is a link to nothing (" + Files.readSymbolicLink(target) + "), not a folder (链接无效)",
                    "delete the link, or name a folder that does not exist yet");
        }
        for (Path p = target; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                String what = p.equals(target) ? "this is a file, not a folder" : p + " is a file, not a folder";
                throw new InitRefused(shown, what + "; init makes a new folder for the portal (不是文件夹)",
                        "name a folder that does not exist yet, e.g. java -jar portal.jar init my-portal");
            }
        }
        if (Files.isDirectory(target)) {
            // .git alone is an empty repository just cloned (the usual start on GitHub): no one's work yet.
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.anyMatch(e -> !e.getFileName().toString().equals(".git"))) {
                    throw new InitRefused(shown, "the folder is not empty; init writes only into a new or empty folder (目录非空)",
                            "name a folder that does not exist yet, e.g. java -jar portal.jar init my-portal; nothing was written");
                }
            }
        }
    }

    /** Creates the missing folders up to {@code dir}; returns those it created, outermost first. */
    private static List<Path> createMissing(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        Files.createDirectories(dir);
        return missing;
    }

    /** Removes the folders {@link #createMissing} made, innermost first, if nothing else was put in them. */
    private static void removeEmpty(List<Path> created) {
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(created.get(i));
            } catch (IOException e) {
                return; // not empty, or not ours to remove any more
            }
        }
    }

    /** A new, hidden folder beside the target; its name says what left it, should the process be killed. */
    private static Path staging(Path parent, String name) throws IOException {
        for (int n = 0; n < 100; n++) {
            Path candidate = parent.resolve("." + name + ".init-staging" + (n == 0 ? "" : "-" + n));
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                // left by an init that was killed, or another one running: never touch it
            }
        }
        throw new IOException("100 staging folders ." + name + ".init-staging* are left in " + parent + "; delete them");
    }

    /** Moves every entry of {@code from} into the empty folder {@code to}; on failure, takes back those moved. */
    private static void moveEntries(Path from, Path to) throws IOException {
        List<Path> moved = new ArrayList<>();
        try (Stream<Path> entries = Files.list(from)) {
            for (Path entry : entries.sorted().toList()) {
                Path dest = to.resolve(entry.getFileName().toString());
                Files.move(entry, dest);
                moved.add(dest);
            }
        } catch (IOException | RuntimeException e) {
            for (Path m : moved) {
                FileTrees.deleteRecursively(m);
            }
            throw e;
        }
    }
}
