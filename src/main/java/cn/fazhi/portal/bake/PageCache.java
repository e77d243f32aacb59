package cn.fazhi.portal.bake;

import cn.fazhi.portal.output.OutputFile;
import cn.fazhi.portal.pages.Page;
import cn.fazhi.portal.render.ContentKey;
import cn.fazhi.portal.render.FileTrees;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which pages of the last published build can be published again as they are, so that a build
 * after an edit lays out only the pages whose inputs changed.
 *
 * <p>A page's bytes are a function of its template set and its model: the bake reads nothing else
 * (no clock, no files but templates/; see {@link SandboxedFreemarker}). So a page is keyed by the
 * SHA-256 of: this format, the {@code layout} (the portal's code, every template file of the source
 * and of the built-in theme, JBake's configuration: {@link Baker#layout}), the page's path,
 * template name, model type and the SHA-256 of the model written out as JSON (every record
 * component, nested, with exact string escaping). Nothing a template can show is outside the key,
 * and no edit can be made to give an old key: a page of a changed model is always laid out again.
 *
 * <p>The cache file ({@value #FILE}, in the cache folder) holds, per page path, the key and the
 * checksum of the bytes the last successful build published there. The bytes themselves are not
 * kept in the cache folder: they are read back from the published output, and used only when they
 * still have that checksum. So a page is reused only as the portal published it at that very path,
 * and a cache folder from elsewhere (restored by CI, say) can at worst make a build keep a page the
 * portal made before, never publish bytes the portal did not make. The file is written only after
 * a build is published, and an unreadable one counts as empty: then every page is baked.
 */
public final class PageCache {

    /** Bump whenever the key's parts or the file's form change. */
    static final String FORMAT = "portal-page-3";
    /** The cache file in the cache folder. */
    public static final String FILE = "pages.json";

    /**
     * Writes models and the cache file. A model Jackson sees no property of fails (its default): a
     * model whose values only a template could see would otherwise be keyed as {@code {}}, and its
     * pages never laid out again.
     */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The file on disk: page path to entry. */
    private record Pack(String format, Map<String, Entry> pages) {
    }

    /** One page as published: its key and the checksum of its bytes ({@link #checksum}). */
    private record Entry(String key, String bytes) {
    }

    private final Path file;
    private final Path output;
    private final String code;
    private Map<String, Entry> last;
    private final Map<String, Entry> made = new ConcurrentHashMap<>();

    /**
     * @param file   the cache file, e.g. {@code <cache>/pages.json}; null: reuse nothing, record nothing
     * @param output the published output the pages are read back from
     * @param code   the portal's own code (a new version may lay pages out differently), part of every key
     */
    public PageCache(Path file, Path output, String code) {
        this.file = file;
        this.output = output == null ? null : output.toAbsolutePath().normalize();
        this.code = code;
    }

    /** A cache that reuses nothing and records nothing (check, reference builds). */
    public static PageCache none() {
        return new PageCache(null, null, "");
    }

    /** Whether this cache keeps pages between builds (if not, no page needs a key). */
    boolean keeps() {
        return file != null;
    }

    /**
     * The key of {@code page} laid out with {@code layout}. The model's JSON is digested with
     * SHA-256, not a CRC like the published bytes ({@link #checksum}): an author of the source
     * chooses the model, and a CRC is linear, so an edit could be made to give the old checksum and
     * keep the old page (11.7 MB of models on the 727 pages of {@code large}: about 0.1 s of CPU).
     */
    static String key(String layout, Page page) {
        try {
            return ContentKey.of(FORMAT, layout, page.path(), page.template(), page.model().getClass().getName(),
                    ContentKey.of(JSON.writeValueAsBytes(page.model())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a page model that cannot be written as JSON: " + page.path(), e);
        }
    }

    /** The portal's code, as given. */
    String code() {
        return code;
    }

    /** The page as the last build published it, if its key is the same and the file still holds those bytes. */
    Optional<OutputFile> reuse(String path, String key) {
        if (file == null) {
            return Optional.empty();
        }
        Entry e = last().get(path);
        if (e == null || !key.equals(e.key())) {
            return Optional.empty();
        }
        Optional<Path> published = FileTrees.publishedFile(output, path);
        if (published.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(published.get());
            return checksum(bytes).equals(e.bytes()) ? Optional.of(new OutputFile(path, bytes)) : Optional.empty();
        } catch (IOException | RuntimeException ex) {
            return Optional.empty(); // gone or unreadable: baked again
        }
    }

    /** Records a page of this build (reused or baked), to be saved once the build is published. */
    void made(String key, OutputFile page) {
        if (file != null) {
            made.put(page.path(), new Entry(key, checksum(page.bytes())));
        }
    }

    /** Saves this build's pages, after it was published; a failure only costs the next build time. */
    public void save() {
        if (file == null) {
            return;
        }
        try {
            FileTrees.writeAtomically(file, JSON.writeValueAsBytes(new Pack(FORMAT, new TreeMap<>(made))));
        } catch (IOException | RuntimeException e) {
            forget();
        }
    }

    /** Removes the file (the output it describes is no longer there). */
    private void forget() {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // entries that no longer match the output are never used: their digests differ
        }
    }

    private synchronized Map<String, Entry> last() {
        if (last == null) {
            last = Map.of();
            try {
                if (Files.isRegularFile(file)) {
                    Pack p = JSON.readValue(file.toFile(), Pack.class);
                    if (FORMAT.equals(p.format()) && p.pages() != null) {
                        last = Map.copyOf(p.pages());
                    }
                }
            } catch (IOException | RuntimeException e) {
                last = Map.of(); // unreadable or foreign: bake every page
            }
        }
        return last;
    }

    /**
     * The length and two 32-bit checksums (CRC-32C and CRC-32, different polynomials) of
     * {@code bytes}: 64 bits that any accidental change alters but for a chance of 1 in 2^64.
     * Used for the bytes the portal published, which no author chooses (a changed page is told
     * from an unchanged one by its key): on the JIT's first tier, which one-off builds run on,
     * SHA-256 of the 22 MB of pages took 0.6–1.2 s on session 9's machine, CRCs are the
     * processor's own instructions at every tier.
     */
    static String checksum(byte[] bytes) {
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(bytes);
        java.util.zip.CRC32 d = new java.util.zip.CRC32();
        d.update(bytes);
        return bytes.length + "-" + Long.toHexString(c.getValue()) + "-" + Long.toHexString(d.getValue());
    }

}
