package cn.fazhi.portal.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converted HTML by content address, in memory and optionally on disk, so that an unchanged
 * build never starts JRuby and a preview rebuild converts only the file that changed.
 *
 * <p>The key hashes everything the HTML depends on (see {@link #key}): the file's text, its year
 * and anchor prefix, the values of the figures it cites, the AsciidoctorJ version and the
 * version of our own conversion settings. It cannot serve stale output: a change to any input
 * is a different key. Only conversions without problems are stored.
 */
final class ConversionCache {

    /** Bump whenever conversion options or HTML post-processing change. */
    static final String FORMAT = "portal-conversion-3";

    private final Map<String, String> memory = new ConcurrentHashMap<>();
    private final Path dir;
    private final boolean enabled;

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
        if (!memory.isEmpty() || dir == null) {
            return memory.isEmpty();
        }
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            return entries.noneMatch(p -> p.getFileName().toString().endsWith(".html"));
        } catch (IOException e) {
            return true; // no folder yet
        }
    }

    Optional<String> get(String key) {
        if (!enabled) {
            return Optional.empty();
        }
        String hit = memory.get(key);
        if (hit != null || dir == null) {
            return Optional.ofNullable(hit);
        }
        Path file = dir.resolve(key + ".html");
        try {
            if (Files.isRegularFile(file)) {
                String html = Files.readString(file, StandardCharsets.UTF_8);
                memory.put(key, html);
                return Optional.of(html);
            }
        } catch (IOException e) {
            // An unreadable entry is a miss: the file is converted again.
        }
        return Optional.empty();
    }

    void put(String key, String html) {
        if (!enabled) {
            return;
        }
        memory.put(key, html);
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, dir.resolve(key + ".html"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(key + ".html"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The cache is an optimisation: failing to store an entry only costs a later conversion.
        }
    }
}
