package cn.fazhi.portal.load;

import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The time of the last commit that changed some folders, read with JGit from the work tree's git
 * repository (its committer time, as {@code git log -1 --format=%ct -- <folders>} gives it).
 *
 * <p>Empty when there is no answer to trust: no work tree, no commit yet, a folder git does not
 * track (a copy inside another repository), or a shallow clone whose history ends before the
 * commit that last changed the folder (the oldest commit of a shallow clone seems to add every
 * file). A folder at the top of the work tree was last changed by the last commit, which a shallow
 * clone has too. Any failure to read the repository is such a case as well: the date is a
 * convenience, and the caller falls back to {@code SOURCE_DATE_EPOCH}.
 *
 * <p>Only the repository itself is read: no system, user or JGit configuration. Left to itself,
 * JGit runs the {@code git} program to find the system configuration (a second per build), reads
 * {@code ~/.gitconfig} and creates {@code ~/.config/jgit/config}; none of it bears on a commit's time.
 */
final class LastCommit {

    private LastCommit() {
    }

    /** The time of the last commit that changed any of {@code folders} (all in one work tree). */
    static Optional<Instant> of(List<Path> folders) {
        Optional<Path> top = GitWorkTree.containing(folders.get(0));
        if (top.isEmpty()) {
            return Optional.empty();
        }
        RepositoryOnly.install();
        List<String> paths = folders.stream()
                .map(f -> top.get().relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/')).toList();
        boolean whole = paths.contains("");
        try (Repository repo = new FileRepositoryBuilder().setWorkTree(top.get().toFile()).setMustExist(true)
                .build()) {
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null) {
                return Optional.empty();
            }
            try (RevWalk walk = new RevWalk(repo)) {
                walk.markStart(walk.parseCommit(head));
                if (!whole) {
                    walk.setTreeFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(paths), TreeFilter.ANY_DIFF));
                }
                RevCommit last = walk.next();
                if (last == null || !whole && repo.getObjectDatabase().getShallowCommits().contains(last)) {
                    return Optional.empty();
                }
                // Not getCommitTime(): an int, which runs out in 2038.
                return Optional.of(last.getCommitterIdent().getWhenAsInstant());
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Makes JGit read no configuration but a repository's, from now on in this process (tests that make repositories). */
    static void readRepositoryOnly() {
        RepositoryOnly.install();
    }

    /**
     * JGit's one system reader for this process, made to read no configuration but the repository's.
     * JGit offers this only process-wide ({@link SystemReader#setInstance}); the portal has no other
     * use of JGit, and installing it twice is harmless.
     */
    private static final class RepositoryOnly extends SystemReader.Delegate {

        static {
            SystemReader current = SystemReader.getInstance();
            if (!(current instanceof RepositoryOnly)) {
                SystemReader.setInstance(new RepositoryOnly(current));
            }
        }

        private RepositoryOnly(SystemReader delegate) {
            super(delegate);
        }

        /** Runs the static initializer above, once per class loader. */
        static void install() {
        }

        @Override
        public FileBasedConfig openSystemConfig(Config parent, FS fs) {
            return empty(parent, fs);
        }

        @Override
        public FileBasedConfig openUserConfig(Config parent, FS fs) {
            return empty(parent, fs);
        }

        @Override
        public FileBasedConfig openJGitConfig(Config parent, FS fs) {
            return empty(parent, fs);
        }

        /**
         * A configuration with nothing in it but the file system's time stamp resolution: without
         * it, JGit measures the resolution by writing probe files into the repository for seconds.
         * The value is JGit's own fallback, the safe one (a repository is read once and closed).
         */
        private static FileBasedConfig empty(Config parent, FS fs) {
            return new FileBasedConfig(parent, null, fs) {
                @Override
                public void load() {
                    // nothing to read
                }

                @Override
                public void save() {
                    // nothing to write
                }

                @Override
                public boolean isOutdated() {
                    return false;
                }

                @Override
                public long getTimeUnit(String section, String subsection, String name, long defaultValue, TimeUnit unit) {
                    if (section.equals("filesystem")) {
                        return unit.convert(name.equals("timestampResolution")
                                ? FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION : Duration.ZERO);
                    }
                    return super.getTimeUnit(section, subsection, name, defaultValue, unit);
                }
            };
        }
    }
}
