package cn.fazhi.portal.init;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The portal tool as it was built: its version and, for a published release, the folder its files
 * are downloaded from. Maven writes both into {@code tool.properties} when it builds the jar (a
 * filtered resource, see pom.xml): the jar's manifest is rewritten by the shade plugin and carries
 * neither, and the release address is known only to the release workflow that sets it.
 *
 * @param version the project's version, e.g. {@code 0.1.0}; {@link #UNKNOWN} when the classes were
 *                not built by Maven (an IDE's own compile leaves the placeholder unfilled)
 * @param release the download folder of this release, e.g.
 *                {@code https://github.com/owner/repo/releases/download/v0.1.0}, without a final
 *                '/'; empty for every build but a release's
 */
public record ToolRelease(String version, Optional<String> release) {

    public static final String UNKNOWN = "(development)";
    static final String RESOURCE = "/cn/fazhi/portal/tool.properties";
    /**
     * What a release folder may look like. It is written into a workflow and a shell command, so
     * nothing that could end a quoted YAML or shell string is let through (no quotes, no spaces).
     */
    private static final Pattern RELEASE = Pattern.compile("https://[A-Za-z0-9.-]+(/[A-Za-z0-9._~%+@-]+)+");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._+-]+");

    /** The release of the classes running now. */
    public static ToolRelease current() {
        Properties properties = new Properties();
        try (InputStream in = ToolRelease.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the portal's own classes", e);
        }
        return of(properties.getProperty("version", ""), properties.getProperty("release", ""));
    }

    /**
     * From the two values as written: an unfilled placeholder ({@code ${…}}) or anything that is not
     * a plain version or an https address counts as not known, rather than being copied into a
     * workflow where it would break it.
     */
    static ToolRelease of(String version, String release) {
        String v = version.strip();
        String r = release.strip().replaceAll("/+$", "");
        return new ToolRelease(VERSION.matcher(v).matches() ? v : UNKNOWN,
                RELEASE.matcher(r).matches() ? Optional.of(r) : Optional.empty());
    }

    /** Where this release's portal.jar is downloaded from, if it is a release. */
    public Optional<String> jarUrl() {
        return release.map(r -> r + "/portal.jar");
    }

    /**
     * The editors' guide of this very version ({@code docs/编辑指南.md} in the tool's repository at the
     * release's tag), if the release is a GitHub one: what a portal's editors read, in step with its tool.
     */
    public Optional<String> guide() {
        return release.filter(r -> r.matches("https://github\\.com/[^/]+/[^/]+/releases/download/[^/]+"))
                .map(r -> r.replace("/releases/download/", "/blob/") + "/docs/%E7%BC%96%E8%BE%91%E6%8C%87%E5%8D%97.md");
    }

    /** The release's page ({@code …/releases/tag/<tag>}), which lists its files and checksum, if known. */
    public Optional<String> page() {
        return release.filter(r -> r.matches("https://github\\.com/[^/]+/[^/]+/releases/download/[^/]+"))
                .map(r -> r.replace("/releases/download/", "/releases/tag/"));
    }
}
