package cn.fazhi.portal.init;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A new folder is written all at once or not at all. */
class NewFolderTest {

    /** The second file cannot be written (its folder would be the first file): nothing is left. */
    private static Map<String, String> unwritable() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a", "first\n");
        files.put("a/b", "second\n");
        return files;
    }

    @Test
    void aWriteThatFailsLeavesNothingBehind(@TempDir Path tmp) {
        Path target = tmp.resolve("x/y/portal");
        assertThrows(IOException.class, () -> NewFolder.write(target, "x/y/portal", unwritable()));
        assertEquals(List.of(), list(tmp), "neither the folder, its staging folder nor the folders above it");
    }

    @Test
    void aWriteIntoAnEmptyFolderThatFailsLeavesItEmpty(@TempDir Path tmp) throws IOException {
        Path target = Files.createDirectory(tmp.resolve("portal"));
        assertThrows(IOException.class, () -> NewFolder.write(target, "portal", unwritable()));
        assertEquals(List.of(), list(target));
        assertEquals(List.of(target), list(tmp));
    }

    @Test
    void aStagingFolderLeftByAKilledInitIsNeverTouched(@TempDir Path tmp) throws Exception {
        Path left = Files.createDirectory(tmp.resolve(".portal.init-staging"));
        Files.writeString(left.resolve("half"), "");
        NewFolder.write(tmp.resolve("portal"), "portal", Map.of("data/site.yaml", "name: x\n"));
        assertEquals("name: x\n", Files.readString(tmp.resolve("portal/data/site.yaml")));
        assertEquals(List.of(left.resolve("half")), list(left));
        assertEquals(List.of(left, tmp.resolve("portal")), list(tmp));
    }

    @Test
    void aLinkToNothingIsRefused(@TempDir Path tmp) throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("portal"), tmp.resolve("gone"));
        InitRefused e = assertThrows(InitRefused.class, () -> NewFolder.write(link, "portal", Map.of("a", "")));
        assertTrue(e.format().startsWith("portal: error: this is a link to nothing"), e.format());
        assertEquals(List.of(link), list(tmp));
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
