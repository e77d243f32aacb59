package cn.fazhi.portal.bench;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.cli.Main;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark corpus generator: real format, visibly fictional, deterministic, and it builds. */
class CorpusGeneratorTest {

    private static final Pattern FIGURE = Pattern.compile("ind:([a-z0-9-]+)\\[]");

    @Test
    void theSmallPresetBuildsWithExitZeroIntoTheExpectedPages(@TempDir Path tmp) throws IOException {
        Path src = CorpusGenerator.generate(CorpusGenerator.Spec.preset("small"), tmp.resolve("src"), Fixtures.REPO);
        Path out = tmp.resolve("out");
        build(src, out);

        int year = CorpusGenerator.FIRST_YEAR;
        Document yearPage = Fixtures.html(out.resolve(year + "/index.html"));
        assertTrue(yearPage.title().contains("虚构"), "the report title is marked fictional: " + yearPage.title());
        try (Stream<Path> pages = Files.list(out.resolve(String.valueOf(year)))) {
            // 12 section pages, the year page and the year's figures page.
            assertEquals(14, pages.count());
        }
        // Every one of the 12 x 10 references became a bound figure on the section pages.
        int figures = 0;
        for (Path section : sectionFiles(src.resolve("content/" + year))) {
            String slug = section.getFileName().toString().replaceFirst("^\\d{2}(-\\d{2})?-", "").replace(".adoc", "");
            Document page = Fixtures.html(out.resolve(year + "/" + slug + ".html"));
            int bound = page.select("main a.figure[data-indicator] data[value]").size();
            assertEquals(CorpusGenerator.FIGURES_PER_SECTION, bound, slug);
            assertEquals(1, page.select("main table.tableblock").size(), slug);
            assertEquals(2, page.select("main article h2").size() - page.select("main nav h2").size(), slug);
            assertEquals(3, page.select("main div.ulist li").size(), slug);
            figures += bound;
        }
        assertEquals(120, figures);
        assertTrue(Files.isRegularFile(out.resolve("indicators/index.html")));
    }

    @Test
    void theLargePresetHasTheRequestedShape(@TempDir Path tmp) throws IOException {
        Path src = CorpusGenerator.generate(CorpusGenerator.Spec.preset("large"), tmp, Fixtures.REPO);
        for (int y = 0; y < 10; y++) {
            int year = CorpusGenerator.FIRST_YEAR + y;
            List<Path> sections = sectionFiles(src.resolve("content/" + year));
            assertEquals(50, sections.size());
            for (Path s : sections) {
                String text = Files.readString(s);
                assertEquals(10, count(FIGURE.matcher(text)), s.toString());
                assertTrue(text.startsWith("= ") && text.contains("\n== ") && text.contains("\n|===\n")
                        && text.contains("\n* "), s.toString());
            }
            String values = Files.readString(src.resolve("data/" + year + ".yaml"));
            assertEquals(200, count(Pattern.compile("(?m)^  - indicator: ").matcher(values)));
        }
        String definitions = Files.readString(src.resolve("data/indicators.yaml"));
        assertEquals(200, count(Pattern.compile("(?m)^  - id: .*-(city|municipal|county)$").matcher(definitions)));
        assertTrue(Files.isRegularFile(src.resolve("templates/layout.ftl")));
        assertTrue(Files.readString(src.resolve("data/site.yaml")).contains("虚构"));
    }

    @Test
    void theIndicatorsPresetBindsEveryIndicatorsValueOnceAYearInTheProseOfSectionsOf2To4Kb(@TempDir Path tmp) throws IOException {
        Path src = CorpusGenerator.generate(CorpusGenerator.Spec.preset("indicators"), tmp, Fixtures.REPO);
        String definitions = Files.readString(src.resolve("data/indicators.yaml"));
        List<String> ids = ids(Pattern.compile("(?m)^  - id: (.*-(?:city|municipal|county))$"), definitions);
        assertEquals(200, ids.size());
        for (int y = 0; y < 10; y++) {
            int year = CorpusGenerator.FIRST_YEAR + y;
            List<Path> sections = sectionFiles(src.resolve("content/" + year));
            assertEquals(50, sections.size());
            Map<String, String> boundIn = new java.util.TreeMap<>();
            for (Path s : sections) {
                long bytes = Files.size(s);
                assertTrue(bytes >= CorpusGenerator.MIN_SECTION_BYTES && bytes <= CorpusGenerator.MAX_SECTION_BYTES, s + ": " + bytes);
                String text = Files.readString(s);
                assertTrue(text.startsWith("= ") && text.contains("\n|===\n") && text.contains("\n* "), s.toString());
                for (String line : text.split("\n")) {
                    Matcher m = FIGURE.matcher(line);
                    while (m.find()) {
                        assertFalse(line.startsWith("|") || line.startsWith("* "), "a figure outside the prose: " + line);
                        String slug = s.getFileName().toString().replaceFirst("^\\d{2}(-\\d{2})?-", "").replace(".adoc", "");
                        assertNull(boundIn.put(m.group(1), slug), m.group(1) + " bound twice in " + year);
                    }
                }
            }
            assertEquals(new java.util.TreeSet<>(ids), boundIn.keySet(), "every indicator bound once in " + year);
            // Every indicator has a value in every year, which names the section that binds it.
            String values = Files.readString(src.resolve("data/" + year + ".yaml"));
            Matcher v = Pattern.compile("(?m)^  - indicator: (\\S+)\n    value: \\S+\n    wording: .*\n    section: (\\S+)$").matcher(values);
            Map<String, String> sectionOf = new java.util.TreeMap<>();
            while (v.find()) {
                sectionOf.put(v.group(1), v.group(2));
            }
            assertEquals(boundIn, sectionOf, String.valueOf(year));
        }
        assertTrue(Files.readString(src.resolve("content/2031/index.adoc")).contains("虚构"));
    }

    @Test
    void aScaledDownIndicatorsCorpusBuildsWithoutWarningsEveryFigureBound(@TempDir Path tmp) throws IOException {
        // The indicators shape at 2 years x 5 sections x 20 indicators, to keep the suite quick.
        CorpusGenerator.Spec spec = new CorpusGenerator.Spec("indicators-test", 2, 5, 20, CorpusGenerator.Figures.ONCE_EACH, 7L);
        Path src = CorpusGenerator.generate(spec, tmp.resolve("src"), Fixtures.REPO);
        Path out = tmp.resolve("out");
        String[] streams = build(src, out);
        assertEquals("", streams[1], "no warning on stderr");
        for (int y = 0; y < 2; y++) {
            int year = CorpusGenerator.FIRST_YEAR + y;
            int figures = 0;
            for (Path section : sectionFiles(src.resolve("content/" + year))) {
                String slug = section.getFileName().toString().replaceFirst("^\\d{2}(-\\d{2})?-", "").replace(".adoc", "");
                Document page = Fixtures.html(out.resolve(year + "/" + slug + ".html"));
                int bound = page.select("main a.figure[data-indicator] data[value]").size();
                assertEquals(count(FIGURE.matcher(Files.readString(section))), bound, slug);
                assertEquals(1, page.select("main table.tableblock").size(), slug);
                figures += bound;
            }
            assertEquals(20, figures, "each of the 20 indicators bound once in " + year);
        }
        try (Stream<Path> pages = Files.list(out.resolve("indicators"))) {
            assertEquals(21, pages.filter(p -> p.toString().endsWith(".html")).count(), "20 indicator pages and the index");
        }
    }

    @Test
    void theSameSpecGivesTheSameBytesAndAForeignFolderIsNeverOverwritten(@TempDir Path tmp) throws IOException {
        CorpusGenerator.Spec spec = CorpusGenerator.Spec.preset("small");
        Map<String, String> first = Fixtures.texts(CorpusGenerator.generate(spec, tmp.resolve("a"), Fixtures.REPO));
        Map<String, String> second = Fixtures.texts(CorpusGenerator.generate(spec, tmp.resolve("b"), Fixtures.REPO));
        assertEquals(first, second);
        // Regenerating over an earlier corpus replaces it, again with the same bytes.
        assertEquals(first, Fixtures.texts(CorpusGenerator.generate(spec, tmp.resolve("a"), Fixtures.REPO)));

        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("keep.txt"), "not a corpus");
        assertThrows(IllegalArgumentException.class, () -> CorpusGenerator.generate(spec, foreign, Fixtures.REPO));
        assertTrue(Files.exists(foreign.resolve("keep.txt")));
    }

    /** Builds {@code src} into {@code out} in this JVM, asserts exit 0 and returns stdout and stderr. */
    private static String[] build(Path src, Path out) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            exit = Main.run("build", "--source", src.toString(), "--output", out.toString());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertEquals(0, exit, e.toString(StandardCharsets.UTF_8));
        return new String[] {o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
    }

    private static List<String> ids(Pattern p, String text) {
        Matcher m = p.matcher(text);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static List<Path> sectionFiles(Path yearDir) throws IOException {
        try (Stream<Path> s = Files.list(yearDir)) {
            return s.filter(p -> !p.getFileName().toString().equals("index.adoc")).sorted().toList();
        }
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
