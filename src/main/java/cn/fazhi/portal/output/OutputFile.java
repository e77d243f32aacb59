package cn.fazhi.portal.output;

import java.nio.charset.StandardCharsets;

/**
 * One file of the site being built, held in memory until it is published.
 *
 * @param path the file's path from the site root, forward slashes, e.g. {@code 2023/index.html}
 * @param bytes its content
 */
public record OutputFile(String path, byte[] bytes) {

    /** A text file, in UTF-8. */
    public static OutputFile text(String path, String text) {
        return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The content as UTF-8 text. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
