package cn.fazhi.portal.serve;

import cn.fazhi.portal.render.CacheFolders;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where {@code serve} writes its preview unless told otherwise: beside the build caches, in
 * {@code $XDG_CACHE_HOME/portal/preview-<digest of the source folder>/site} (or under
 * {@code ~/.cache/portal}), one folder per source folder. Not in the source folder: serve replaces
 * the preview folder at every rebuild, nothing there belongs in a commit, and an editor's folder
 * stays as the editor left it.
 */
public final class PreviewFolder {

    private PreviewFolder() {
    }

    /**
     * @param source the portal's source folder
     * @param env the environment
     * @param home the user's home folder
     */
    public static Path forSource(Path source, Map<String, String> env, Path home) {
        // The caches' root by the same rule as theirs (CacheFolders): <root>/portal/<key>.
        Path portal = CacheFolders.forOutput(source, env, home).getParent();
        return portal.resolve("preview-" + key(source.toAbsolutePath().normalize().toString())).resolve("site");
    }

    private static String key(String where) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(where.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
