package cn.fazhi.portal.render;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a build keeps what it reuses next time (the conversion cache and the record of the last
 * build): in the user's cache folder, one folder per output folder, never inside a source tree.
 * A commit can put any file into the source tree, {@code target/} included (ignored files can be
 * added by force), so a cache there could be planted; and a cache that crosses CI runs must not
 * be something a commit can write.
 */
public final class CacheFolders {

    private CacheFolders() {
    }

    /**
     * {@code $XDG_CACHE_HOME/portal/<digest of output>}, or {@code ~/.cache/portal/<digest of output>}
     * when that variable is not set (the XDG base-directory convention).
     *
     * @param output the folder the site is written to
     * @param env the environment
     * @param home the user's home folder
     */
    public static Path forOutput(Path output, Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path root = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        String where = output.toAbsolutePath().normalize().toString();
        return root.resolve("portal").resolve(ConversionCache.key(where).substring(0, 16));
    }

    /** Whether {@code cache} lies inside {@code source}, where a commit could plant its files. */
    public static boolean inside(Path cache, Path source) {
        return cache.toAbsolutePath().normalize().startsWith(source.toAbsolutePath().normalize());
    }
}
