package cn.fazhi.portal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the benchmark puts the folders it clears between runs (the last build, its cache, the
 * preview), to delete them only once every run is measured.
 *
 * <p>Why not delete at once: on a file system such as this machine's (ext4 without a journal), a
 * new file is not given the inode of a file deleted in the last one to six minutes, and finding
 * a free one means stepping over every such inode. A cold build written right after the harness
 * deleted the previous build's 1,700 files spent about a second of CPU in the kernel's inode
 * search (perf: {@code recently_deleted}, {@code find_inode_bit}); the floor writes no files. A
 * cold build on a fresh clone pays nothing of the kind, so the harness must not charge it for its
 * own deletions. A rename frees no inode.
 */
final class Trash {

    private final Path folder;
    private int next;

    /** @param folder where discarded folders wait; a previous run's leftovers there are deleted now */
    Trash(Path folder) {
        this.folder = folder;
        try {
            CorpusGenerator.deleteRecursively(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves {@code dir} (if it exists) out of the way, into the trash. */
    void discard(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.createDirectories(folder);
        Files.move(dir, folder.resolve(String.valueOf(next++)));
    }

    /** Deletes everything discarded: call when nothing more is measured. */
    void empty() throws IOException {
        CorpusGenerator.deleteRecursively(folder);
    }
}
