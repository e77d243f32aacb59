package cn.fazhi.portal.artifact;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The class-data archive beside the jar was made from a training build that really built the site:
 * a build that stops early (wrong usage, a refused option) leaves an archive without Asciidoctor's
 * and the bake's classes, which Java accepts silently and every cold build then pays for.
 */
class ClassDataArchiveIT {

    @Test
    void theTrainingBuildBuiltTheRealSite() throws IOException {
        Path jar = Path.of(System.getProperty("portal.jar", "target/portal.jar"));
        Path archive = jar.resolveSibling("portal.jsa");
        Assumptions.assumeTrue(Files.isRegularFile(archive), "no class-data archive (mvn package -Dportal.cds.skip)");
        String log = Files.readString(jar.resolveSibling("cds-training.log"));
        assertTrue(log.lines().anyMatch(l -> l.startsWith("Built ") && l.contains(" pages into ")), "the training build's output:\n" + log);
    }
}
