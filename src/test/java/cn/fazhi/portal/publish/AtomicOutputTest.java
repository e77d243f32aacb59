package cn.fazhi.portal.publish;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.Pipeline;
import cn.fazhi.portal.problems.ProblemsException;
import cn.fazhi.portal.testsupport.BuiltSites;
import cn.fazhi.portal.testsupport.SiteTrees;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A build that fails, however it fails, leaves the previous output byte-identical: every file
 * of it is compared by SHA-256 before and after.
 */
class AtomicOutputTest {

    @TempDir
    Path tmp;
    Path source;
    Path output;
    SortedMap<String, String> before;

    /**
     * The last good site: the fixture as a build of these sources makes it ({@link BuiltSites#twoYears()},
     * built once per JVM from the same fixture), copied into this test's folder.
     */
    @BeforeEach
    void buildTheLastGoodSite() {
        source = Fixtures.sourceTreeWithOwnTheme("two-years", tmp.resolve("src"));
        output = BuiltSites.copy(BuiltSites.twoYears(), tmp.resolve("out"));
        before = SiteTrees.checksums(output);
        assertTrue(before.containsKey("2031/index.html") && before.containsKey("sitemap.xml"), before.keySet().toString());
    }

    private void assertOutputUntouched() {
        SortedMap<String, String> after = SiteTrees.checksums(output);
        assertEquals(before, after, "the previous output changed:\n" + SiteTrees.differences(before, after));
    }

    @Test
    void badDataLeavesThePreviousOutputByteIdentical() throws IOException {
        Path data = source.resolve("data/2031.yaml");
        Files.writeString(data, Files.readString(data).replace("indicator: fictional-rate", "indicator: no-such-indicator"));
        try (Pipeline pipeline = new Pipeline()) {
            ProblemsException e = assertThrows(ProblemsException.class,
                    () -> pipeline.build(new Pipeline.Options(source, output, false, null)));
            assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("data/2031.yaml")), e.problems().toString());
        }
        assertOutputUntouched();
        assertFalse(Files.exists(tmp.resolve(".out.staging")), "the staging folder is thrown away");
    }

    @Test
    void anExceptionMidBakeLeavesThePreviousOutputByteIdentical() throws IOException {
        // The home and year pages bake fine; the first section page throws inside Freemarker.
        Path template = source.resolve("templates/section.ftl");
        Files.writeString(template, Files.readString(template).replace("<h1>${content.frame.title}</h1>",
                "<h1>${content.frame.title}</h1>${content.no_such_field.at_all}"));
        try (Pipeline pipeline = new Pipeline()) {
            ProblemsException e = assertThrows(ProblemsException.class,
                    () -> pipeline.build(new Pipeline.Options(source, output, false, null)));
            assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("templates/section.ftl")), e.problems().toString());
        }
        assertOutputUntouched();
    }

    /**
     * A build killed while it publishes. Only publish writes, and it writes a staging folder first;
     * the child is killed the moment that folder appears. Whenever the kill lands, the output is the
     * whole previous site or, if the swap was already done, the whole new one: never a mix.
     */
    @Test
    void aKilledBuildLeavesThePreviousOrTheNewOutputWholeAndTheNextBuildSucceeds() throws Exception {
        // Change the sources so that a completed build would change the output.
        Path alpha = source.resolve("content/2031/01-alpha.adoc");
        Files.writeString(alpha, Files.readString(alpha).replace("虚构第一部分的正文", "被中断的构建写入的正文"));
        Path staging = tmp.resolve(".out.staging");
        Path copy = tmp.resolve("expected-src");
        Fixtures.copyTree(source, copy);
        Path expectedOut = tmp.resolve("expected-out");
        try (Pipeline pipeline = new Pipeline()) {
            pipeline.build(new Pipeline.Options(copy, expectedOut, false, null));
        }
        SortedMap<String, String> complete = SiteTrees.checksums(expectedOut);

        // In the JVM it was started in: the process killed is the one that publishes.
        Process build = SiteTrees.portal(List.of("-Dportal.relaunch=false"), "build", "--source", source.toString(),
                "--output", output.toString()).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            while (build.isAlive() && !Files.exists(staging)) {
                Thread.onSpinWait();
            }
            build.destroyForcibly();  // SIGKILL: no shutdown hook, no cleanup
            assertTrue(build.waitFor(60, TimeUnit.SECONDS), "the killed build exits");
        } finally {
            build.destroyForcibly();
        }
        // Killed between publish's two renames, the previous site waits whole beside the output,
        // and the next build puts it back first (the test below); otherwise the output is whole.
        Path aside = tmp.resolve(".out.old");
        SortedMap<String, String> after = Files.exists(output) ? SiteTrees.checksums(output) : SiteTrees.checksums(aside);
        assertTrue(after.equals(before) || after.equals(complete),
                "the output is neither the previous site nor the new one:\n" + SiteTrees.differences(before, after));

        try (Pipeline pipeline = new Pipeline()) {
            pipeline.build(new Pipeline.Options(source, output, false, null));
        }
        assertEquals(complete, SiteTrees.checksums(output));
        assertFalse(Files.exists(staging), "the next build cleaned up what the killed one left");
    }

    @Test
    void aBuildKilledBetweenTheTwoRenamesIsRepairedByTheNextBuildEvenIfThatOneFails() throws IOException {
        // The state a build killed inside AtomicPublisher.publish leaves: the output moved aside,
        // its replacement not yet moved in.
        Files.move(output, tmp.resolve(".out.old"));
        Files.createDirectories(tmp.resolve(".out.staging/2031"));
        Files.writeString(tmp.resolve(".out.staging/2031/index.html"), "half a site");

        Files.writeString(source.resolve("content/2031/index.adoc"), "no title here\n");
        try (Pipeline pipeline = new Pipeline()) {
            assertThrows(ProblemsException.class, () -> pipeline.build(new Pipeline.Options(source, output, false, null)));
        }
        assertOutputUntouched();
        assertFalse(Files.exists(tmp.resolve(".out.old")));
    }

    private static boolean hasHtml(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.anyMatch(p -> p.toString().endsWith(".html"));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;  // the folder changes while we look; look again
        }
    }
}
