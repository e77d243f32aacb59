package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.ProblemsException;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one look at a source tree before anything in it is read: every entry of content/, data/,
 * templates/ and assets/, walked without following links. A commit is not trusted, so
 * <ul>
 *   <li>a symbolic link is refused, wherever it points: followed, it would publish a file from
 *       outside the tree (the build's environment through /proc/self/environ), and two links
 *       pointing at each other made a copy that filled the disk;</li>
 *   <li>anything that is neither a file nor a folder (a named pipe would hang the build) is refused;</li>
 *   <li>a name with a control character is refused: printed, it could forge a line in a CI log;</li>
 *   <li>a file in assets/ must be of a kind a theme needs ({@link AssetKinds}).</li>
 * </ul>
 * Sizes are recorded here and checked against the limits once data/site.yaml is read ({@link SourceLimits}).
 */
public final class SourceScan {

    /** A regular file of the tree: its path, name as shown in messages, top folder and size in bytes. */
    public record Entry(Path path, String name, String folder, long size) {
    }

    static final List<String> FOLDERS = List.of("content", "data", "templates", "assets");

    private SourceScan() {
    }

    /**
     * Every regular file of the four source folders, folder by folder and by path within each (a
     * missing folder is skipped: the loader reports the ones it needs).
     *
     * @throws ProblemsException with every link, odd file, bad name and unknown asset kind found
     */
    public static List<Entry> scan(SourceTree tree) {
        List<Entry> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path top = tree.root().resolve(folder);
            if (Files.isSymbolicLink(top)) {
                problems.add(link(folder, true));
            } else if (Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
                int first = files.size();
                walk(tree, folder, top, files, problems);
                // By path within the folder: the order a directory lists is the file system's.
                files.subList(first, files.size()).sort(java.util.Comparator.comparing(Entry::path));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemsException(problems);
        }
        return List.copyOf(files);
    }

    private static void walk(SourceTree tree, String folder, Path top, List<Entry> files, List<Problem> problems) {
        try {
            // No FOLLOW_LINKS: a link is visited as itself, never entered or read through.
            Files.walkFileTree(top, Set.of(), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    Problem bad = badName(tree, dir);
                    if (bad != null) {
                        problems.add(bad);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = tree.relative(file);
                    Problem bad = badName(tree, file);
                    if (bad != null) {
                        problems.add(bad);
                    } else if (attrs.isSymbolicLink()) {
                        problems.add(link(name, Files.isDirectory(file)));
                    } else if (!attrs.isRegularFile()) {
                        problems.add(Problem.at(name, 0, "this is neither a file nor a folder (a device, pipe or socket)"
                                + " and cannot be published (不是普通文件)", "delete it; only files and folders belong in the sources"));
                    } else {
                        if (folder.equals("assets")) {
                            AssetKinds.check(name).ifPresent(problems::add);
                        }
                        files.add(new Entry(file, name, folder, attrs.size()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(Problem.at(tree.relative(file), 0, "cannot read this file or folder: "
                            + e.getClass().getSimpleName() + " (无法读取)", "check that it exists and is readable"));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(Problem.at(folder, 0, "cannot read the folder: " + e.getClass().getSimpleName() + " (无法读取)",
                    "check that it exists and is readable"));
        }
    }

    /** The problem of a symbolic link named {@code name} (the scan's, and TextFile's for the preview). */
    static Problem link(String name, boolean folder) {
        return Problem.at(name, 0, "this is a symbolic link; links are not published (不允许使用符号链接)",
                "replace the link with the " + (folder ? "folder" : "file") + " itself (a copy in the sources), or delete it");
    }

    /** A problem when the entry's own name holds a control character, else null. */
    private static Problem badName(SourceTree tree, Path entry) {
        Path own = entry.getFileName();
        String name = own == null ? "" : own.toString();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Problem.isControl(c)) {
                return Problem.at(tree.relative(entry), 0, String.format(Locale.ROOT,
                        "the name contains the control character U+%04X; printed, such a name can forge lines"
                                + " in a terminal or CI log (文件名含控制字符)", (int) c),
                        "rename it using letters, digits and '-' only" + (tree.inGit() ? ", e.g. with git mv" : ""));
            }
        }
        return null;
    }
}
