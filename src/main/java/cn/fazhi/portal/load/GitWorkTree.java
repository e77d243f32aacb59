package cn.fazhi.portal.load;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a folder lies in a git work tree: a {@code .git} entry in it or in a parent (a folder,
 * or the file a linked work tree or a submodule has instead). Hints name git commands only there:
 * an editor who keeps the portal without git would be told to run commands that fail.
 */
public final class GitWorkTree {

    private GitWorkTree() {
    }

    /** The top of the work tree holding {@code folder} (the folder with the {@code .git} entry), if any. */
    public static Optional<Path> containing(Path folder) {
        for (Path p = folder.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
