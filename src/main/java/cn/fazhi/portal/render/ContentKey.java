package cn.fazhi.portal.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key of something made from several parts: of a conversion (ConversionCache), of a page
 * (bake.PageCache), of a template file. SHA-256, because a key is trusted to mean "the same
 * inputs": a checksum that anyone writing the inputs could make collide would let one input pass
 * for another.
 */
public final class ContentKey {

    private ContentKey() {
    }

    /** The SHA-256 of {@code parts}, each preceded by its length, so that no two lists of parts give the same key. */
    public static String of(String... parts) {
        MessageDigest sha = sha256();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) ':');
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The SHA-256 of {@code bytes}, in hex: a part of a key made of bytes (a template file, a page's model). */
    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
