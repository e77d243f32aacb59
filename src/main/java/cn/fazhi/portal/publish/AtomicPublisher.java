package cn.fazhi.portal.publish;

import cn.fazhi.portal.output.OutputCatalog;
import cn.fazhi.portal.output.OutputFile;

import cn.fazhi.portal.render.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.nio.file.Path;

/**
 * The {@code publish} stage, the only one that writes the site to disk: the output catalog is
 * written into a staging folder beside the output folder (same file system, so a rename is cheap
 * and atomic), and only then replaces the previous output. A file the previous output holds with
 * the same bytes is linked into the staging folder instead of written again. A failed or killed build leaves the last good output as it was.
 */
public final class AtomicPublisher {

    private final Path output;

    public AtomicPublisher(Path output) {
        this.output = output.toAbsolutePath().normalize();
    }

    /**
     * Writes {@code site} into a staging folder beside the output and then replaces the output
     * with it; a failure leaves the last good output as it was.
     */
    public void publish(OutputCatalog site) {
        Path staging = stage();
        try {
            for (OutputFile f : site.files()) {
                Path file = staging.resolve(f.path()).normalize();
                if (!file.startsWith(staging)) {
                    throw new IllegalStateException("not a path inside the site: " + f.path());
                }
                Files.createDirectories(file.getParent());
                if (!linkedUnchanged(f, file)) {
                    // CREATE_NEW: never into an existing file, which could be a link to the published site.
                    Files.write(file, f.bytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                }
            }
            publish(staging);
        } catch (IOException e) {
            discard(staging);
            throw new UncheckedIOException("cannot write the site into " + staging, e);
        } catch (RuntimeException | Error e) {
            discard(staging);
            throw e;
        }
    }

    /**
     * Puts a file that the published site already holds with the same bytes into the staging folder
     * as a hard link to it: nothing is written, and the published file is never opened for writing
     * (every change is a new file, and the old site's folder is only ever renamed and deleted), so
     * the last good output stays as it was until the rename. False, and the caller writes the file,
     * when the bytes differ or the file system cannot link.
     */
    private boolean linkedUnchanged(OutputFile f, Path staged) {
        Path published = FileTrees.publishedFile(output, f.path()).orElse(null);
        try {
            if (published == null || Files.size(published) != f.bytes().length
                    || !Arrays.equals(Files.readAllBytes(published), f.bytes())) {
                return false;
            }
            Files.createLink(staged, published);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /**
     * A fresh, empty staging folder next to the output, e.g. {@code target/.site.staging}. First
     * finishes what a killed earlier build left half done (see {@link #recover()}).
     */
    private Path stage() {
        Path staging = sibling("staging");
        try {
            putBack();
            FileTrees.deleteRecursively(staging);
            Files.createDirectories(staging);
            return staging;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the staging folder " + staging, e);
        }
    }

    /**
     * Puts the last good output back if a build was killed between the two renames of
     * {@link #publish}, when the output had been moved aside and its replacement not yet moved in.
     * If both exist, the replacement had been moved in: the old copy is only deleted.
     */
    public void recover() {
        try {
            putBack();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put back the previous output " + output, e);
        }
    }

    private void putBack() throws IOException {
        Path old = sibling("old");
        if (Files.exists(old)) {
            if (Files.exists(output)) {
                FileTrees.deleteRecursively(old);
            } else {
                FileTrees.move(old, output);
            }
        }
    }

    /**
     * Replaces the output folder by the staging folder: two renames within one folder, so at every
     * moment either the old or the new complete site exists under one of the two names.
     */
    private void publish(Path staging) {
        Path old = sibling("old");
        try {
            putBack();
            if (Files.exists(output)) {
                FileTrees.move(output, old);
            }
            FileTrees.move(staging, output);
            FileTrees.deleteRecursively(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + output, e);
        }
    }

    /**
     * Replaces one file of the published output (the preview's quick update of an edited page):
     * written beside it and renamed over it, so a reader gets the old or the new page, never half.
     *
     * @param page the file's path relative to the output folder, e.g. {@code 2023/disputes.html}
     * @return the file's previous bytes, to put back with this method if the full rebuild fails
     */
    public byte[] replaceFile(String page, byte[] bytes) {
        Path target = output.resolve(page).normalize();
        if (!target.startsWith(output) || !Files.isRegularFile(target)) {
            throw new IllegalArgumentException("not a published page: " + page);
        }
        try {
            byte[] previous = Files.readAllBytes(target);
            FileTrees.writeAtomically(target, bytes);
            return previous;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + target, e);
        }
    }

    /** Throws the staging folder away after a failed build. */
    private void discard(Path staging) {
        try {
            FileTrees.deleteRecursively(staging);
        } catch (IOException e) {
            // Left-overs are harmless: the next build empties the staging folder first.
        }
    }

    private Path sibling(String what) {
        return output.resolveSibling("." + output.getFileName() + "." + what);
    }
}
