package cn.fazhi.portal.init;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What tool.properties says about the running jar, and the download a new portal's workflow gets from it. */
class ToolReleaseTest {

    static final String FOLDER = "https://github.com/example-owner/portal/releases/download/v1.2.0";

    @Test
    void aReleaseNamesItsJarAndPage() {
        ToolRelease r = ToolRelease.of("1.2.0", FOLDER + "/");
        assertEquals("1.2.0", r.version());
        assertEquals(Optional.of(FOLDER + "/portal.jar"), r.jarUrl());
        assertEquals(Optional.of("https://github.com/example-owner/portal/releases/tag/v1.2.0"), r.page());
        assertEquals(Optional.of("https://github.com/example-owner/portal/blob/v1.2.0/docs/%E7%BC%96%E8%BE%91%E6%8C%87%E5%8D%97.md"),
                r.guide(), "the editors' guide of that very version");
    }

    @Test
    void aBuildWithoutAReleaseHasNoDownload() {
        assertEquals(Optional.empty(), ToolRelease.of("1.2.0", "").jarUrl());
        ToolRelease unfilled = ToolRelease.of("${project.version}", "${portal.release}");
        assertEquals(ToolRelease.UNKNOWN, unfilled.version());
        assertEquals(Optional.empty(), unfilled.release());
    }

    /** The address is written into a quoted YAML value and a shell command: nothing that could end either. */
    @Test
    void anAddressThatIsNotAPlainHttpsFolderIsNotUsed() {
        for (String bad : new String[] {"http://github.com/o/r/releases/download/v1", FOLDER + "'; rm -rf ~",
                FOLDER + " x", "https://github.com", FOLDER + "\nx"}) {
            assertEquals(Optional.empty(), ToolRelease.of("1.2.0", bad).release(), bad);
        }
        assertEquals(ToolRelease.UNKNOWN, ToolRelease.of("1.2.0' x", "").version());
    }

    /** The classes under test were built by Maven, which filled tool.properties in. */
    @Test
    void theRunningClassesKnowTheirVersion() {
        assertFalse(ToolRelease.current().version().equals(ToolRelease.UNKNOWN));
    }

    @Test
    void theDownloadIsCompleteOnlyForAReleasedJar(@TempDir Path tmp) throws IOException {
        Path jar = Files.writeString(tmp.resolve("portal.jar"), "abc");
        ToolDownload released = ToolDownload.of(ToolRelease.of("1.2.0", FOLDER), Optional.of(jar));
        assertTrue(released.complete());
        assertEquals(FOLDER + "/portal.jar", released.jarUrl());
        // SHA-256 of "abc" (FIPS 180-2, appendix B.1), as sha256sum prints it.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", released.sha256());

        ToolDownload unreleased = ToolDownload.of(ToolRelease.of("1.2.0", ""), Optional.of(jar));
        assertFalse(unreleased.complete());
        assertEquals("", unreleased.jarUrl() + unreleased.sha256(), "neither address nor checksum alone");
        ToolDownload fromClasses = ToolDownload.of(ToolRelease.of("1.2.0", FOLDER), Optional.empty());
        assertFalse(fromClasses.complete());
        assertEquals("", fromClasses.jarUrl() + fromClasses.sha256());
    }
}
