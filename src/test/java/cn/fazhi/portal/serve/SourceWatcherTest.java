package cn.fazhi.portal.serve;

import cn.fazhi.portal.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What serve watches: the four folders a build reads, also those made while serving, and nothing else. */
class SourceWatcherTest {

    /** Only the source folder itself and the four folders a build reads are walked and watched. */
    @Test
    void onlyTheFoldersABuildReadsAreWatched(@TempDir Path src) throws IOException {
        for (String f : List.of("content/2031/a.adoc", "data/site.yaml", "target/preview/index.html", ".git/HEAD", "README.md")) {
            Files.createDirectories(src.resolve(f).getParent());
            Files.writeString(src.resolve(f), "x");
        }
        WatchedFolders folders = new WatchedFolders(src, List.of(src.resolve("content"), src.resolve("data"),
                src.resolve("templates"), src.resolve("assets")));
        List<String> dirs = new ArrayList<>();
        List<String> files = new ArrayList<>();
        folders.recursiveVisitFiles(src, d -> dirs.add(src.relativize(d).toString()), f -> files.add(src.relativize(f).toString()));
        assertEquals(List.of("", "content", "content/2031", "data"), dirs);
        assertEquals(List.of("content/2031/a.adoc", "data/site.yaml"), files);
        files.clear();
        folders.recursiveVisitFiles(src.resolve("target"), d -> files.add(d.toString()), f -> files.add(f.toString()));
        assertEquals(List.of(), files, "a folder made in the source folder is not walked unless a build reads it");
        assertTrue(folders.watched(src.resolve("templates/layout.ftl")), "also a folder that does not exist yet");
        assertFalse(folders.watched(src.resolve("target/preview/index.html")));
        assertFalse(folders.watched(src.resolve("README.md")));
        assertFalse(folders.watched(src.resolve("contents/x.adoc")));
    }

    /** The source needs only content/ and data/: a templates/ folder made while serving is watched from then on. */
    @Test
    void aTemplatesFolderMadeWhileServingIsWatched(@TempDir Path tmp) throws Exception {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("src"));
        assertFalse(Files.exists(src.resolve("templates")));
        List<Object> outcomes = Collections.synchronizedList(new ArrayList<>());
        try (Preview preview = new Preview(src, tmp.resolve("preview"), tmp.resolve("cache"), 0, outcomes::add)) {
            Files.createDirectories(src.resolve("templates"));
            String section = Files.readString(Fixtures.REPO.resolve("templates/section.ftl"))
                    .replace("<article class=\"report-section-page\">", "<article class=\"report-section-page\"><p>本地模板生效</p>");
            Files.writeString(src.resolve("templates/section.ftl"), section);
            for (int i = 0; i < 600 && !Fixtures.read(tmp.resolve("preview/2031/alpha.html")).contains("本地模板生效"); i++) {
                Thread.sleep(100);
            }
            assertTrue(Fixtures.read(tmp.resolve("preview/2031/alpha.html")).contains("本地模板生效"), String.valueOf(outcomes));
        }
    }
}
