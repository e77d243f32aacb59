package cn.fazhi.portal.publish;

import cn.fazhi.portal.output.OutputCatalog;
import cn.fazhi.portal.output.OutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Publishing links a file the output already holds with the same bytes instead of writing it, and
 * never writes into a published file: the site before stays whole until the swap, and whole when
 * the publish fails.
 */
class UnchangedFilesTest {

    private static OutputCatalog site(String... pathsAndTexts) {
        OutputCatalog c = new OutputCatalog();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            c.add(List.of(OutputFile.text(pathsAndTexts[i], pathsAndTexts[i + 1])));
        }
        return c;
    }

    private static Object inode(Path f) throws IOException {
        return Files.getAttribute(f, "unix:ino");
    }

    @Test
    void anUnchangedFileIsTheSameFileAndAChangedOneANewOne(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("site");
        AtomicPublisher publisher = new AtomicPublisher(out);
        publisher.publish(site("index.html", "首页（虚构）", "2031/a.html", "甲（虚构）"));
        Object index = inode(out.resolve("index.html"));
        Object a = inode(out.resolve("2031/a.html"));
        // Kept open as a reader of the old site would: what it reads must not change under it.
        Path oldA = dir.resolve("old-a.html");
        Files.createLink(oldA, out.resolve("2031/a.html"));

        publisher.publish(site("index.html", "首页（虚构）", "2031/a.html", "甲，改过（虚构）", "2031/b.html", "乙（虚构）"));

        assertEquals(index, inode(out.resolve("index.html")), "the unchanged file was linked, not written");
        assertNotEquals(a, inode(out.resolve("2031/a.html")), "the changed file is a new file");
        assertEquals("甲，改过（虚构）", Files.readString(out.resolve("2031/a.html")));
        assertEquals("甲（虚构）", Files.readString(oldA), "the old site's file was never written into");
        assertEquals("乙（虚构）", Files.readString(out.resolve("2031/b.html")));
    }

    @Test
    void aFailedPublishLeavesTheSiteBeforeWhole(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("site");
        AtomicPublisher publisher = new AtomicPublisher(out);
        publisher.publish(site("index.html", "首页（虚构）", "2031/a.html", "甲（虚构）"));
        // The first file is linked into the staging folder, the second cannot be written: the path
        // is not inside the site, and publish throws after the link was made.
        OutputCatalog bad = site("index.html", "首页（虚构）", "zz/../../outside.html", "外（虚构）");
        assertThrows(IllegalStateException.class, () -> publisher.publish(bad));
        assertEquals("首页（虚构）", Files.readString(out.resolve("index.html")));
        assertEquals("甲（虚构）", Files.readString(out.resolve("2031/a.html")));
        assertEquals(List.of("2031", "index.html"), Files.list(out).map(p -> p.getFileName().toString()).sorted().toList());
    }
}
