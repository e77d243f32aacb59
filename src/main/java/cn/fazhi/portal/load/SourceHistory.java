package cn.fazhi.portal.load;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What git knows of the source's {@code content/} and {@code data/}: for each file, the time of the
 * last commit that changed it, and the changes of report files after publication (for
 * {@code history.Corrections}). Read in <b>one</b> walk over the history, newest first, limited to
 * the two folders: each commit's changed paths are listed once (a diff against its parent), and a
 * path's first sighting is its last change. A walk per file would read the history once per file.
 *
 * <p>A file git has not committed yet, or whose last change lies before a shallow clone's
 * boundary (the boundary commit seems to add every file), has no time here; pages made from such
 * files fall back to {@code SOURCE_DATE_EPOCH} (see {@link #updated}). As in {@link LastCommit},
 * only the repository is read, and a repository that cannot be read is treated as no history.
 *
 * @param changed source-relative path → committer time of the last commit that changed it
 * @param epoch SOURCE_DATE_EPOCH, the fallback date
 * @param shallowSince when the history is shallow, the time of its oldest commit
 * @param changes the changes of report files made after their report was published, newest first
 */
public record SourceHistory(Map<String, Instant> changed, Optional<Instant> epoch, Optional<Instant> shallowSince,
                            List<FileChange> changes) {

    /** No history: a source outside git. */
    public static SourceHistory none(Optional<Instant> epoch) {
        return new SourceHistory(Map.of(), epoch, Optional.empty(), List.of());
    }

    /**
     * The date a page made from {@code paths} was last updated: the newest last change of those
     * files (a path ending in {@code /} stands for every file under it); when git dates none of
     * them, SOURCE_DATE_EPOCH; else none. Never the clock.
     */
    public Optional<Instant> updated(Collection<String> paths) {
        Optional<Instant> newest = Optional.empty();
        for (Map.Entry<String, Instant> e : changed.entrySet()) {
            String file = e.getKey();
            boolean made = paths.stream().anyMatch(p -> p.endsWith("/") ? file.startsWith(p) : file.equals(p));
            if (made && (newest.isEmpty() || e.getValue().isAfter(newest.get()))) {
                newest = Optional.of(e.getValue());
            }
        }
        return newest.or(() -> epoch);
    }

    /** Makes JGit read no configuration but a repository's, from now on in this process (tests that make repositories). */
    public static void readRepositoryOnly() {
        LastCommit.readRepositoryOnly();
    }

    /** The history of {@code tree}'s content/ and data/ (none outside a git work tree). */
    public static SourceHistory read(SourceTree tree, Optional<Instant> epoch, Publications published) {
        Optional<Path> top = GitWorkTree.containing(tree.root());
        if (top.isEmpty()) {
            return none(epoch);
        }
        LastCommit.readRepositoryOnly();
        String rel = top.get().relativize(tree.root().toAbsolutePath().normalize()).toString().replace('\\', '/');
        String prefix = rel.isEmpty() ? "" : rel + "/";
        try (Repository repo = new FileRepositoryBuilder().setWorkTree(top.get().toFile()).setMustExist(true).build()) {
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null) {
                return none(epoch);
            }
            return walk(repo, head, prefix, epoch, published);
        } catch (IOException | RuntimeException e) {
            return none(epoch);
        }
    }

    private static SourceHistory walk(Repository repo, ObjectId head, String prefix, Optional<Instant> epoch,
                                      Publications published) throws IOException {
        Set<ObjectId> shallow = repo.getObjectDatabase().getShallowCommits();
        TreeFilter folders = PathFilterGroup.createFromStrings(prefix + "content", prefix + "data");
        Map<String, Instant> changed = new HashMap<>();
        Set<String> unknown = new java.util.HashSet<>();
        List<FileChange> changes = new ArrayList<>();
        Optional<Instant> oldest = Optional.empty();
        try (RevWalk walk = new RevWalk(repo); TreeWalk diff = new TreeWalk(repo)) {
            walk.markStart(walk.parseCommit(head));
            walk.setTreeFilter(AndTreeFilter.create(folders, TreeFilter.ANY_DIFF));
            diff.setRecursive(true);
            diff.setFilter(AndTreeFilter.create(folders, TreeFilter.ANY_DIFF));
            for (RevCommit c = walk.next(); c != null; c = walk.next()) {
                Instant when = c.getCommitterIdent().getWhenAsInstant();
                boolean boundary = shallow.contains(c);
                if (boundary && (oldest.isEmpty() || when.isBefore(oldest.get()))) {
                    oldest = Optional.of(when);
                }
                diff.reset();
                if (c.getParentCount() > 0) {
                    diff.addTree(walk.parseCommit(c.getParent(0)).getTree());
                } else {
                    diff.addTree(new EmptyTreeIterator());
                }
                diff.addTree(c.getTree());
                while (diff.next()) {
                    String path = diff.getPathString().substring(prefix.length());
                    if (boundary) {
                        unknown.add(path); // the boundary seems to add every file: its real change is older
                    } else if (!unknown.contains(path) && changed.putIfAbsent(path, when) == null) {
                        // first sighting, newest first: the last change
                    }
                    if (!boundary && c.getParentCount() > 0) {
                        published.change(repo, c, path, prefix, diff.getObjectId(0), diff.getObjectId(1)).ifPresent(changes::add);
                    }
                }
            }
        }
        if (shallow.isEmpty()) {
            oldest = Optional.empty();
        }
        return new SourceHistory(Map.copyOf(changed), epoch, oldest, List.copyOf(changes));
    }
}
