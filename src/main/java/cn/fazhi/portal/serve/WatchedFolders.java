package cn.fazhi.portal.serve;

import io.methvin.watcher.visitor.FileTreeVisitor;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The part of a source folder the preview watches: the source folder itself (so that a folder
 * created while serving, such as a first {@code templates/}, is seen) and everything under
 * content/, data/, templates/ and assets/. Nothing else is walked or reported: a source folder
 * may hold {@code target/} or {@code .git/} with many thousands of files that no build reads.
 *
 * <p>The directory watcher asks this visitor which folders to watch and, when a folder appears,
 * which files it holds; links are never followed (the build refuses them anyway).
 */
record WatchedFolders(Path root, List<Path> folders) implements FileTreeVisitor {

    WatchedFolders {
        root = root.toAbsolutePath().normalize();
        folders = folders.stream().map(f -> f.toAbsolutePath().normalize()).toList();
    }

    /** Whether a change of {@code path} can change the site. */
    boolean watched(Path path) {
        Path p = path.toAbsolutePath().normalize();
        return folders.stream().anyMatch(p::startsWith);
    }

    @Override
    public void recursiveVisitFiles(Path start, Callback onDirectory, Callback onFile) throws IOException {
        Path p = start.toAbsolutePath().normalize();
        if (p.equals(root)) {
            onDirectory.call(start);
            for (Path folder : folders) {
                if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    walk(folder, onDirectory, onFile);
                }
            }
        } else if (watched(p)) {
            walk(start, onDirectory, onFile);
        }
    }

    private static void walk(Path start, Callback onDirectory, Callback onFile) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                onDirectory.call(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                onFile.call(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // deleted while walking: its own event follows
            }
        });
    }
}
