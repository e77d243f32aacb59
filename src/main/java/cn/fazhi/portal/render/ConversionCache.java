package cn.fazhi.portal.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converted files ({@link Fragment}s) by content address, in memory and optionally on disk, so that an unchanged
 * build never starts JRuby and a preview rebuild converts only the file that changed.
 *
 * <p>The key hashes everything the HTML depends on (see {@link #key}): the file's text, its year
 * and anchor prefix, the values of the figures it cites, the AsciidoctorJ version and the
 * version of our own conversion settings. It cannot serve stale output: a change to any input
 * is a different key. Only conversions without problems are stored.
 *
 * <p>On disk the cache is one file, {@value #PACK}: a JSON object of key to {@link Fragment}, read whole on
 * first use and replaced whole (written beside it, then renamed) by {@link #keepOnly}. One file, not
 * one per section: creating hundreds of small files cost more than the rest of a cold build's
 * writing. It holds the entries of the last build. Two processes saving at once cannot corrupt it: the last rename wins, and
 * every entry either process wrote is correct for its key.
 */
final class ConversionCache {

    /** Bump whenever conversion options or HTML post-processing change. */
    static final String FORMAT = "portal-conversion-5";
    /** The cache file in the cache folder. */
    static final String PACK = "conversions.json";

    /**
     * Made on first use: loading Jackson takes a tenth of a second, and a cold build asks whether
     * the cache is empty before it starts JRuby.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final Map<String, Fragment> memory = new ConcurrentHashMap<>();
    private final Path dir;
    private final boolean enabled;
    private boolean loaded;
    /** The keys the file on disk holds (or will, once {@link #saving} is done), as far as this process knows. */
    private Set<String> onDisk = Set.of();
    /** The write of the file on disk under way, if any. */
    private CompletableFuture<Void> saving = CompletableFuture.completedFuture(null);

    /** @param dir folder for the on-disk layer, or null for memory only */
    ConversionCache(Path dir) {
        this(dir, true);
    }

    private ConversionCache(Path dir, boolean enabled) {
        this.dir = dir;
        this.enabled = enabled;
    }

    /** A cache that stores nothing: every file is converted every time (for reference builds in tests). */
    static ConversionCache disabled() {
        return new ConversionCache(null, false);
    }

    static String key(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** True when no conversion is stored at all (or caching is off): then every file must be converted. */
    boolean isEmpty() {
        if (!enabled) {
            return true;
        }
        load();
        return memory.isEmpty();
    }

    Optional<Fragment> get(String key) {
        if (!enabled) {
            return Optional.empty();
        }
        load();
        return Optional.ofNullable(memory.get(key));
    }

    void put(String key, Fragment fragment) {
        if (!enabled) {
            return;
        }
        load();
        memory.put(key, fragment);
    }

    /**
     * Keeps the entries of {@code keys} (a build's files) and forgets every other, in memory and
     * on disk, so entries for text that has since changed do not pile up. The file is written on
     * a thread of its own (writing a large site's conversions takes a tenth of a second that the
     * build need not wait for), and only when that changes it; {@link #awaitSaved} waits for it.
     */
    synchronized void keepOnly(java.util.Collection<String> keys) {
        if (!enabled) {
            return;
        }
        Map<String, Fragment> kept = new TreeMap<>();
        keys.forEach(k -> {
            Fragment fragment = memory.get(k);
            if (fragment != null) {
                kept.put(k, fragment);
            }
        });
        memory.keySet().retainAll(kept.keySet());
        if (dir == null || kept.keySet().equals(onDisk)) {
            return;
        }
        awaitSaved(); // one write at a time, in order
        onDisk = Set.copyOf(kept.keySet());
        saving = CompletableFuture.runAsync(() -> write(kept), task -> {
            Thread t = new Thread(task, "portal-cache");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Waits until the last {@link #keepOnly} is on disk (or failed to get there). */
    synchronized void awaitSaved() {
        saving.exceptionally(e -> null).join();
    }

    /** A failure only costs later conversions: the cache is an optimisation. */
    private void write(Map<String, Fragment> kept) {
        try {
            FileTrees.writeAtomically(dir.resolve(PACK), Json.MAPPER.writeValueAsBytes(new Pack(FORMAT, kept)));
        } catch (IOException e) {
            // Not stored: the next build converts these files again.
        }
    }

    /** The file on disk. */
    private record Pack(String format, Map<String, Fragment> entries) {
    }

    /** Earlier versions stored each entry as {@code <key>.html}; those files are never read now. */
    private void removeOneFilePerEntryLayout() {
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().endsWith(".html"))::iterator) {
                Files.deleteIfExists(f);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // harmless: they are never read
        }
    }

    /** Reads the file on disk once; an unreadable or foreign file counts as empty. */
    private synchronized void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        removeOneFilePerEntryLayout();
        if (dir == null || !Files.isRegularFile(dir.resolve(PACK))) {
            return;
        }
        try {
            Pack pack = Json.MAPPER.readValue(dir.resolve(PACK).toFile(), Pack.class);
            if (FORMAT.equals(pack.format()) && pack.entries() != null) {
                pack.entries().forEach((key, fragment) -> {
                    if (fragment != null && fragment.html() != null && fragment.nested() != null) {
                        memory.put(key, fragment);
                    }
                });
                onDisk = Set.copyOf(memory.keySet());
            }
        } catch (IOException | RuntimeException e) {
            memory.clear(); // a damaged file: convert everything again
        }
    }
}
