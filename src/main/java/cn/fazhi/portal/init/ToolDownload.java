package cn.fazhi.portal.init;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which portal.jar a new portal's workflow downloads and runs: the very jar that ran {@code init},
 * named by its version, its download address and its SHA-256. The checksum is computed from the
 * jar file itself rather than taken from anywhere else, so the workflow runs exactly the bytes the
 * person had in hand, and nothing else later put under the same address.
 *
 * @param version the tool's version ({@code PORTAL_VERSION})
 * @param jarUrl where the release's portal.jar is downloaded from; empty when not known
 * @param sha256 the jar's SHA-256 in lowercase hexadecimal; empty when not known
 */
public record ToolDownload(String version, String jarUrl, String sha256) {

    /**
     * The download of the running tool. Address and checksum are both known only for a released
     * jar: a jar built without a release has no address, and classes not in a jar (the tests) have
     * neither; then both are left empty, never one without the other.
     */
    public static ToolDownload of(ToolRelease release, Optional<Path> jar) throws IOException {
        if (release.jarUrl().isEmpty() || jar.isEmpty()) {
            return new ToolDownload(release.version(), "", "");
        }
        return new ToolDownload(release.version(), release.jarUrl().get(), RunningJar.sha256(jar.get()));
    }

    /** Whether the workflow can download and verify the jar as it is written. */
    public boolean complete() {
        return !jarUrl.isEmpty() && !sha256.isEmpty();
    }
}
