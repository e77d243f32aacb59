package cn.fazhi.portal.publish;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An output folder can hold what no build put there: here a folder of the last site replaced by a
 * link to a folder outside it, holding the very bytes the next build makes. The next build reads
 * nothing through the link: it neither keeps those files as its pages nor links its release to them
 * (a hard link would make the published site and the folder outside it one file), and publishes a
 * site of its own files, equal to a clean build.
 */
class PlantedOutputTest {

    @TempDir
    Path tmp;

    @Test
    void aLinkedFolderInTheOutputIsNeitherReadNorLinkedTo() throws IOException {
        Path source = Fixtures.sourceTree("two-years", tmp.resolve("src"));
        Path cache = tmp.resolve("cache");
        Path output = tmp.resolve("out");
        build(source, output, cache);

        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere")).resolve("2031");
        Files.move(output.resolve("2031"), elsewhere);
        Files.createSymbolicLink(output.resolve("2031"), elsewhere);
        List<Path> outside = files(elsewhere);
        assertTrue(outside.size() > 2, outside.toString());

        Pipeline.Result r = build(source, output, cache);
        assertFalse(r.upToDate());
        assertFalse(Files.isSymbolicLink(output.resolve("2031")), "the link was replaced by a folder of the build's own");
        for (Path f : outside) {
            assertEquals(1, Files.getAttribute(f, "unix:nlink"), "no file of the release is linked to " + f);
            Path published = output.resolve("2031").resolve(elsewhere.relativize(f).toString());
            assertTrue(Files.isRegularFile(published), published.toString());
        }
        assertTrue(r.remade().contains("2031/index.html"), "pages behind the link were laid out, not kept: " + r.remade());

        Path clean = tmp.resolve("clean");
        try (Pipeline p = Pipeline.uncached()) {
            p.build(new Pipeline.Options(source, clean, false, null));
        }
        for (Path f : files(clean)) {
            String path = clean.relativize(f).toString();
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(output.resolve(path)), path);
        }
    }

    private static Pipeline.Result build(Path source, Path output, Path cache) {
        try (Pipeline p = new Pipeline(cache)) {
            return p.build(new Pipeline.Options(source, output, false, null));
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
