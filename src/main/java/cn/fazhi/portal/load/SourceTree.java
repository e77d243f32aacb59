package cn.fazhi.portal.load;

import java.nio.file.Path;

/**
 * The editors' source folder and the fixed places inside it. Every path an editor sees in a
 * message is relative to {@link #root()}, so messages read the same on any machine.
 */
public record SourceTree(Path root) {

    public SourceTree {
        root = root.toAbsolutePath().normalize();
    }

    public Path content() {
        return root.resolve("content");
    }

    public Path data() {
        return root.resolve("data");
    }

    public Path templates() {
        return root.resolve("templates");
    }

    public Path assets() {
        return root.resolve("assets");
    }

    /** Whether the source folder is in a git work tree, so that a hint may name git commands. */
    public boolean inGit() {
        return GitWorkTree.containing(root).isPresent();
    }

    /** Source-relative path with forward slashes, as shown in messages. */
    public String relative(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        String rel = abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
        return rel.replace('\\', '/');
    }
}
