package cn.fazhi.portal.output;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every file of the site being built, in memory: the stages after {@code convert} add files here,
 * {@code check} reads them, and only {@code publish} writes them to disk. A path can be added
 * once: two stages making the same file would be a fault of the portal.
 */
public final class OutputCatalog {

    private final SortedMap<String, OutputFile> files = new TreeMap<>();
    private final Set<String> folders = new HashSet<>();

    /** Adds files; each path must be new. */
    public void add(Collection<OutputFile> added) {
        for (OutputFile f : added) {
            if (files.putIfAbsent(f.path(), f) != null) {
                throw new IllegalStateException("two stages made " + f.path());
            }
            for (int slash = f.path().lastIndexOf('/'); slash > 0; slash = f.path().lastIndexOf('/', slash - 1)) {
                folders.add(f.path().substring(0, slash));
            }
        }
    }

    /** Every file, by path. */
    public Collection<OutputFile> files() {
        return Collections.unmodifiableCollection(files.values());
    }

    /** The file at {@code path}, if the site has one. */
    public Optional<OutputFile> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /** True when {@code path} names a folder of the site (one that holds a file). */
    public boolean isFolder(String path) {
        return folders.contains(path);
    }

    /** The files whose path ends with {@code suffix}, by path. */
    public List<OutputFile> endingWith(String suffix) {
        return files.values().stream().filter(f -> f.path().endsWith(suffix)).toList();
    }
}
