package cn.fazhi.portal.artifact;

import cn.fazhi.portal.init.RunningJar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jar as shipped: {@code --version} prints the version Maven filtered into it, and {@code init}
 * run from a released jar writes a workflow that downloads that release's portal.jar and verifies
 * the SHA-256 of the very jar that ran. The release is simulated on a copy of the jar whose
 * tool.properties names a release folder, as {@code -Dportal.release} does in the release workflow.
 */
class ReleasedJarIT {

    static final Path JAR = Path.of(System.getProperty("portal.jar", "target/portal.jar"));
    static final String FOLDER = "https://github.com/example-owner/portal/releases/download/v";

    @Test
    void theJarPrintsItsVersion() throws Exception {
        Result r = run(JAR, Path.of("."), "--version");
        assertEquals(0, r.exit, r.output);
        assertEquals("portal " + version(JAR), r.output.strip());
        assertFalse(version(JAR).contains("${"), "Maven filled tool.properties in");
    }

    @Test
    void initFromAReleasedJarNamesItsDownloadAndChecksum(@TempDir Path tmp) throws Exception {
        Path released = Files.copy(JAR, tmp.resolve("portal.jar"));
        String release = FOLDER + version(JAR);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + released.toUri()), Map.of())) {
            Path properties = zip.getPath("cn/fazhi/portal/tool.properties");
            Files.writeString(properties, Files.readString(properties).replaceFirst("(?m)^release=.*$", "release=" + release));
        }
        Result r = run(released, tmp, "init", "portal");
        assertEquals(0, r.exit, r.output);
        assertFalse(r.output.contains("warning"), r.output);
        JsonNode env = new ObjectMapper(new YAMLFactory())
                .readTree(tmp.resolve("portal/.github/workflows/publish.yml").toFile()).path("env");
        assertEquals(version(JAR), env.path("PORTAL_VERSION").asText());
        assertEquals(release + "/portal.jar", env.path("PORTAL_JAR_URL").asText());
        assertEquals(RunningJar.sha256(released), env.path("PORTAL_SHA256").asText(), "the checksum of the jar that ran");
        assertTrue(Files.readString(tmp.resolve("portal/README.md")).contains(RunningJar.sha256(released)));
    }

    @Test
    void initFromAJarWithoutAReleaseLeavesTheDownloadToFillIn(@TempDir Path tmp) throws Exception {
        Result r = run(JAR.toAbsolutePath(), tmp, "init", "portal");
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("warning: this portal.jar is not a published release"), r.output);
        JsonNode env = new ObjectMapper(new YAMLFactory())
                .readTree(tmp.resolve("portal/.github/workflows/publish.yml").toFile()).path("env");
        assertEquals("", env.path("PORTAL_SHA256").asText());
    }

    private static String version(Path jar) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Properties p = new Properties();
            p.load(Files.newBufferedReader(zip.getPath("cn/fazhi/portal/tool.properties"), StandardCharsets.UTF_8));
            return p.getProperty("version");
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path jar, Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), output);
    }
}
