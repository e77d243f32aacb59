package cn.fazhi.portal.serve;

import cn.fazhi.portal.testsupport.SiteTrees;
import cn.fazhi.portal.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** serve: a saved change shows on the next reload; drafts are visible; only loopback is used. */
class PreviewTest {

    private static String get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    @Test
    void aSavedChangeShowsOnReloadAndABrokenEditKeepsTheLastGoodPreview(@TempDir Path tmp) throws Exception {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("src"));
        List<Object> outcomes = Collections.synchronizedList(new ArrayList<>());
        HttpClient http = HttpClient.newHttpClient();
        try (Preview preview = new Preview(src, tmp.resolve("preview"), tmp.resolve("cache"), 0, outcomes::add)) {
            int port = preview.port();
            assertTrue(get(http, port, "2032/draft-part.html").startsWith("200 "), "drafts are previewed");
            assertTrue(get(http, port, "2031/alpha.html").contains("虚构第一部分的正文"));

            Path file = src.resolve("content/2031/01-alpha.adoc");
            Files.writeString(file, Files.readString(file).replace("虚构第一部分的正文", "修改后的虚构正文"));
            waitForOutcomes(outcomes, 2);
            assertTrue(get(http, port, "2031/alpha.html").contains("修改后的虚构正文"));

            Files.writeString(file, "no title\n");
            waitForOutcomes(outcomes, 3);
            assertTrue(outcomes.get(outcomes.size() - 1) instanceof RuntimeException);
            assertTrue(get(http, port, "2031/alpha.html").contains("修改后的虚构正文"), "last good build still served");
            assertEquals("404", get(http, port, "../../etc/passwd").substring(0, 3));
        }
    }

    @Test
    void thePreviewIsBuiltForItsOwnAddressSoItsNotFoundPageWorksAtAnyDepth(@TempDir Path tmp) throws Exception {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("src"));
        HttpClient http = HttpClient.newHttpClient();
        try (Preview preview = new Preview(src, tmp.resolve("preview"), tmp.resolve("cache"), 0, outcome -> { })) {
            int port = preview.port();
            String missing = get(http, port, "2031/a/b/no-such-page.html");
            assertTrue(missing.startsWith("404 ") && missing.contains("页面未找到"), missing);
            assertTrue(missing.contains("href=\"/css/site.css?v="), "404 links start from the preview's root: " + missing);
            assertTrue(get(http, port, "css/site.css").startsWith("200 "));
            assertTrue(get(http, port, "index.html").contains("<link rel=\"canonical\" href=\"http://127.0.0.1:" + port + "/\">"));
        }
    }

    /**
     * Saving a section's text shows that section's page ahead of the full rebuild (the quick
     * update); the full rebuild then leaves exactly the site a clean build makes.
     */
    @Test
    void anEditedSectionsPageIsUpdatedFirstAndTheFullRebuildMatchesACleanBuild(@TempDir Path tmp) throws Exception {
        try (Watched w = Watched.start(tmp)) {
            Path src = w.src();
            List<Object> outcomes = w.outcomes();
            List<Preview.QuickUpdate> quick = w.quick();
            Path file = src.resolve("content/2031/01-01-beta.adoc");
            Files.writeString(file, Files.readString(file).replace("小节的正文", "小节修改后的正文"));
            waitForOutcomes(outcomes, 2);
            assertEquals(List.of("2031/beta.html"), quick.stream().map(Preview.QuickUpdate::page).toList());
            assertTrue(outcomes.get(1) instanceof cn.fazhi.portal.Pipeline.Result, String.valueOf(outcomes.get(1)));

            Path clean = tmp.resolve("clean");
            try (cn.fazhi.portal.Pipeline pipeline = cn.fazhi.portal.Pipeline.uncached()) {
                pipeline.build(new cn.fazhi.portal.Pipeline.Options(src, clean, true, "http://127.0.0.1:" + w.preview().port() + "/"));
            }
            assertTrue(Fixtures.read(clean.resolve("2031/beta.html")).contains("小节修改后的正文"));
            assertEquals(SiteTrees.checksums(clean), SiteTrees.checksums(w.out()));
        }
    }

    /**
     * An edit the section checks accept but the full build rejects (here a cross reference to an
     * anchor that does not exist, which only the link check finds): the quick page is put back, so
     * the preview still shows the last good build, byte for byte.
     */
    @Test
    void whenTheFullRebuildFailsTheQuickPageIsPutBack(@TempDir Path tmp) throws Exception {
        try (Watched w = Watched.start(tmp)) {
            List<Object> outcomes = w.outcomes();
            waitForOutcomes(outcomes, 1);
            java.util.Map<String, String> good = SiteTrees.checksums(w.out());
            Path file = w.src().resolve("content/2031/01-01-beta.adoc");
            Files.writeString(file, Files.readString(file) + "\n见<<no-such-anchor>>。\n");
            waitForOutcomes(outcomes, 2);
            assertEquals(1, w.quick().size(), "the quick update ran");
            assertTrue(outcomes.get(1) instanceof cn.fazhi.portal.problems.ProblemsException, String.valueOf(outcomes.get(1)));
            assertTrue(((cn.fazhi.portal.problems.ProblemsException) outcomes.get(1)).problems().stream()
                    .anyMatch(p -> p.message().contains("#no-such-anchor")), String.valueOf(outcomes.get(1)));
            assertEquals(good, SiteTrees.checksums(w.out()));
        }
    }

    @Test
    void onlyASingleSavedSectionFileTakesTheQuickPathAndEditorBackupFilesAreIgnored(@TempDir Path tmp) throws Exception {
        Path a = Files.writeString(tmp.resolve("01-a.adoc"), "= A\n");
        Path b = Files.writeString(tmp.resolve("02-b.adoc"), "= B\n");
        Path swap = Files.writeString(tmp.resolve(".01-a.adoc.swp"), "x");
        Path backup = Files.writeString(tmp.resolve("01-a.adoc~"), "x");
        Path yaml = Files.writeString(tmp.resolve("2031.yaml"), "year: 2031\n");
        assertEquals(java.util.Optional.of(a), Preview.editedSection(java.util.Set.of(a, swap, backup, tmp.resolve("4913"))));
        assertEquals(java.util.Optional.empty(), Preview.editedSection(java.util.Set.of(a, b)), "two sections");
        assertEquals(java.util.Optional.empty(), Preview.editedSection(java.util.Set.of(a, yaml)), "a section and data");
        assertEquals(java.util.Optional.empty(), Preview.editedSection(java.util.Set.of(yaml)), "data only");
        assertEquals(java.util.Optional.empty(), Preview.editedSection(java.util.Set.of()), "events were lost");
    }

    /** A preview of the fictional two-year tree, with every outcome and quick update it reported. */
    private record Watched(Path src, Path out, List<Object> outcomes, List<Preview.QuickUpdate> quick, Preview preview)
            implements AutoCloseable {
        static Watched start(Path tmp) throws java.io.IOException {
            Path src = Fixtures.sourceTree("two-years", tmp.resolve("src"));
            List<Object> outcomes = Collections.synchronizedList(new ArrayList<>());
            List<Preview.QuickUpdate> quick = Collections.synchronizedList(new ArrayList<>());
            Path out = tmp.resolve("preview");
            return new Watched(src, out, outcomes, quick, new Preview(src, out, out.resolveSibling("cache"), 0, outcomes::add, quick::add));
        }

        @Override
        public void close() throws java.io.IOException {
            preview.close();
        }
    }

    /** Waits (bounded) until the watcher has reported {@code n} builds. */
    private static void waitForOutcomes(List<Object> outcomes, int n) throws InterruptedException {
        for (int i = 0; i < 600 && outcomes.size() < n; i++) {
            Thread.sleep(100);
        }
        assertTrue(outcomes.size() >= n, "the preview rebuilt after the change");
    }
}
