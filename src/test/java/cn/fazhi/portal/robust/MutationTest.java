package cn.fazhi.portal.robust;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.Pipeline;
import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.ProblemsException;
import cn.fazhi.portal.testsupport.SiteTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Robustness under random damage: seeded mutations of the real content and data (deleted,
 * duplicated or swapped lines, truncated files, random bytes), each checked in-process. Every run
 * must end as "no problems" or as problems with a message, never an uncaught exception or a
 * hang, and a failed build must leave the published site as it was.
 *
 * <p>{@code -Dmutations=N} sets the number of runs (default 200); {@code -Dmutations.seed=S}
 * the seed. A soak: {@code mvn -B verify -Dtest=MutationTest -Dmutations=5000}.
 */
class MutationTest {

    private static final int RUNS = Integer.getInteger("mutations", 200);
    private static final long SEED = Long.getLong("mutations.seed", 20231231L);

    @TempDir
    Path tmp;

    @Test
    void randomDamageNeverCrashesHangsOrTouchesThePublishedSite() throws IOException {
        Path src = Fixtures.realSourceCopy(tmp.resolve("src"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(src)) {
            files = walk.filter(p -> p.toString().endsWith(".adoc") || p.toString().endsWith(".yaml")).sorted().toList();
        }
        Path published = tmp.resolve("site");
        Random random = new Random(SEED);
        int clean = 0;
        int rejected = 0;
        try (Pipeline pipeline = new Pipeline()) {
            pipeline.build(new Pipeline.Options(src, published, false, null));
            Map<String, String> good = SiteTrees.checksums(published);
            for (int run = 0; run < RUNS; run++) {
                Path file = files.get(random.nextInt(files.size()));
                byte[] original = Files.readAllBytes(file);
                String what = mutate(file, original, random);
                String label = "run " + run + " (seed " + SEED + "): " + what + " in " + src.relativize(file);
                try {
                    List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(60),
                            () -> pipeline.check(src).problems(), label + " hung");
                    if (problems.isEmpty()) {
                        clean++;
                    } else {
                        rejected++;
                        for (Problem p : problems) {
                            assertFalse(p.file().isBlank() || p.message().isBlank(), label + ": a problem without message: " + p);
                        }
                    }
                    if (run % 20 == 0) {
                        // A real build of the damaged sources: on failure the published site is untouched.
                        try {
                            pipeline.build(new Pipeline.Options(src, published, false, null));
                            pipeline.build(new Pipeline.Options(src, published, false, null));
                        } catch (ProblemsException e) {
                            assertEquals(good, SiteTrees.checksums(published), label + ": the site changed");
                        }
                        Files.write(file, original);
                        pipeline.build(new Pipeline.Options(src, published, false, null));
                        good = SiteTrees.checksums(published);
                    }
                } catch (RuntimeException | Error e) {
                    if (e instanceof org.opentest4j.AssertionFailedError a) {
                        throw a;
                    }
                    fail(label + ": uncaught " + e, e);
                } finally {
                    Files.write(file, original);
                }
                try (Stream<Path> siblings = Files.list(tmp)) {
                    assertTrue(siblings.noneMatch(p -> p.getFileName().toString().startsWith(".site.staging")),
                            label + ": a staging folder was left behind");
                }
            }
        }
        assertEquals(RUNS, clean + rejected);
        assertTrue(rejected > RUNS / 4, "most damage is caught: " + rejected + " of " + RUNS);
        System.out.printf("mutation runs: %d, rejected with messages: %d, still valid: %d%n", RUNS, rejected, clean);
    }

    /** Applies one random damage to {@code file} and says what it was. */
    private static String mutate(Path file, byte[] original, Random random) throws IOException {
        List<String> lines = new ArrayList<>(Arrays.asList(new String(original, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1)));
        int op = random.nextInt(6);
        int i = random.nextInt(lines.size());
        switch (op) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, lines.get(i));
            case 2 -> {
                int j = random.nextInt(lines.size());
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
            case 3 -> {
                Files.write(file, Arrays.copyOf(original, random.nextInt(original.length + 1)));
                return "truncated";
            }
            case 4 -> {
                byte[] bytes = original.clone();
                for (int k = 0; k < 1 + random.nextInt(8) && bytes.length > 0; k++) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                Files.write(file, bytes);
                return "random bytes";
            }
            default -> {
                String line = lines.get(i);
                String junk = List.of(":", "- ", "  ", "\t", "= ", "[", "]", "ind:", "{x}", "|===", "****", "'", "\"", "#", "<b>")
                        .get(random.nextInt(15));
                int at = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
                lines.set(i, line.substring(0, at) + junk + line.substring(at));
            }
        }
        Files.writeString(file, String.join("\n", lines));
        return List.of("deleted line", "duplicated line", "swapped lines", "", "", "inserted text").get(op) + " " + (i + 1);
    }
}
