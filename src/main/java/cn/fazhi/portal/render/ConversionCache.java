package cn.fazhi.portal.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asciidoctor's output for each source file by content address, in memory and optionally on disk,
 * so that an unchanged build never starts JRuby and a preview rebuild converts only the file that
 * changed.
 *
 * <p>The key hashes everything the HTML depends on (see {@link #key}): the file's text, its year
 * and anchor prefix, the exact HTML the figure macro prints for each figure it cites (so a new
 * value, a renamed indicator or a change to the macro's code is a new key), the AsciidoctorJ
 * version and the version of our own conversion settings. It cannot serve stale output: a change
 * to any input is a different key. Only conversions without problems are stored.
 *
 * <p>What comes from disk is not trusted: the file holds only Asciidoctor's raw HTML, and every
 * entry read from it is cleaned and prepared again ({@link HtmlFragments#prepare}) like a fresh
 * conversion, so a planted or damaged file can never publish active content. An entry whose digest
 * does not match its key and HTML is dropped. Prepared {@link Fragment}s are kept in memory only,
 * for the process that prepared them (the preview's rebuilds).
 *
 * <p>On disk the cache is one file, {@value #PACK}: a JSON object of key to entry, read whole on
 * first use and replaced whole (written beside it, then renamed) by {@link #keepOnly}. One file, not
 * one per section: creating hundreds of small files cost more than the rest of a cold build's
 * writing. It holds the entries of the last build. Two processes saving at once cannot corrupt it: the last rename wins, and
 * every entry either process wrote is correct for its key.
 */
final class ConversionCache {

    /** Bump whenever conversion options or the stored form change. */
    static final String FORMAT = "portal-conversion-6";
    /** The cache file in the cache folder. */
    static final String PACK = "conversions.json";

    /**
     * Made on first use: loading Jackson takes a tenth of a second, and a cold build asks whether
     * the cache is empty before it starts JRuby.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** Asciidoctor's HTML by key: converted by this process, or read from disk. */
    private final Map<String, String> converted = new ConcurrentHashMap<>();
    /** Fragments this process prepared, by key. */
    private final Map<String, Fragment> prepared = new ConcurrentHashMap<>();
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
        return ContentKey.of(parts);
    }


    /** The fragment this process prepared for {@code key}, if any. */
    Optional<Fragment> prepared(String key) {
        return enabled ? Optional.ofNullable(prepared.get(key)) : Optional.empty();
    }

    /** Asciidoctor's HTML for {@code key}, if stored: to be prepared (and so cleaned) before use. */
    Optional<String> converted(String key) {
        if (!enabled) {
            return Optional.empty();
        }
        load();
        return Optional.ofNullable(converted.get(key));
    }

    /** Stores a conversion without problems and the fragment prepared from it. */
    void put(String key, String html, Fragment fragment) {
        if (!enabled) {
            return;
        }
        load();
        converted.put(key, html);
        prepared.put(key, fragment);
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
        Map<String, Entry> kept = new TreeMap<>();
        keys.forEach(k -> {
            String html = converted.get(k);
            if (html != null) {
                kept.put(k, new Entry(html, digest(k, html)));
            }
        });
        converted.keySet().retainAll(kept.keySet());
        prepared.keySet().retainAll(kept.keySet());
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
    private void write(Map<String, Entry> kept) {
        try {
            FileTrees.writeAtomically(dir.resolve(PACK), Json.MAPPER.writeValueAsBytes(new Pack(FORMAT, kept)));
        } catch (IOException e) {
            // Not stored: the next build converts these files again.
        }
    }

    /** The file on disk. */
    private record Pack(String format, Map<String, Entry> entries) {
    }

    /** One stored conversion: Asciidoctor's HTML and the digest of its key and HTML. */
    private record Entry(String html, String digest) {
    }

    private static String digest(String key, String html) {
        return key(key, html);
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
                pack.entries().forEach((key, entry) -> {
                    if (entry != null && entry.html() != null && digest(key, entry.html()).equals(entry.digest())) {
                        converted.put(key, entry.html());
                    }
                });
                onDisk = Set.copyOf(converted.keySet());
            }
        } catch (IOException | RuntimeException e) {
            converted.clear(); // a damaged file: convert everything again
        }
    }
}
