package cn.fazhi.portal.cli;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.init.StarterFiles;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.load.SiteLoader;
import cn.fazhi.portal.load.SourceTree;
import cn.fazhi.portal.theme.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code init}: a new portal source that the portal checks and builds at once, made all at once
 * or not at all, never into a folder that holds anything.
 */
class InitCommandTest {

    static final List<String> FILES = List.of(".github/workflows/publish.yml", ".gitignore", "README.md",
            "content/2031/01-example.adoc", "content/2031/index.adoc", "data/indicators.yaml", "data/non-quantities.yaml",
            "data/site.yaml");

    /** The promise of the command: a new portal passes check and builds, with only content/ and data/. */
    @Test
    void aNewPortalPassesCheckAndBuilds(@TempDir Path tmp) {
        Path portal = tmp.resolve("portal");
        Cli.Run init = Cli.run("init", portal.toString(), "--name", "虚构市法治政府建设年度报告（测试）");
        assertEquals(0, init.exit(), init.err());
        Cli.Run check = Cli.run("check", "--source", portal.toString());
        assertEquals(0, check.exit(), check.err());
        assertTrue(check.out().contains("No problems found"), check.out());
        Cli.Run build = Cli.run("build", "--source", portal.toString());
        assertEquals(0, build.exit(), build.err());
        assertTrue(Files.isRegularFile(portal.resolve("target/site/index.html")), "the site is built into target/site");
    }

    @Test
    void itWritesTheFilesOfAPortalAndSaysWhatToDoNext(@TempDir Path tmp) {
        Path portal = tmp.resolve("a/b/portal"); // missing folders are made
        Cli.Run r = Cli.run("init", portal.toString(), "--year", "2031");
        assertEquals(0, r.exit(), r.err());
        assertEquals(FILES, List.copyOf(Fixtures.texts(portal).keySet()));
        for (String file : FILES) {
            assertTrue(r.out().contains(file), "lists " + file + ":\n" + r.out());
        }
        for (String command : new String[] {"serve --source ", "check --source ", "build --source "}) {
            assertTrue(r.out().contains(command + portal), r.out());
        }
        assertTrue(r.out().contains("下一步"), r.out());
        // Tests run from classes, not from a released jar: the workflow cannot name its download.
        assertTrue(r.err().contains("warning: this portal.jar is not a published release"), r.err());
        assertTrue(r.err().contains("PORTAL_JAR_URL and PORTAL_SHA256"), r.err());
        assertNoStagingBeside(portal);
    }

    /** Settings, indicator definitions and the draft report load as the portal reads them. */
    @Test
    void theSourceItMakesLoadsWithTheNameAndADraftReportAndNoIndicators(@TempDir Path tmp) {
        Path portal = tmp.resolve("portal");
        String name = "O'Brien: 虚构市 #1 \"测试\"";
        assertEquals(0, Cli.run("init", portal.toString(), "--name", name, "--year", "2031").exit());
        Site site = new SiteLoader(Theme.builtIn()).load(new SourceTree(portal));
        assertEquals(name, site.config().name(), "the name survives YAML quoting");
        assertEquals("https://example.invalid/", site.config().baseUrl());
        assertEquals("", site.config().owner(), "unknown facts are empty, shown as 待补充");
        assertEquals(1, site.reports().size());
        assertEquals(2031, site.reports().get(0).year());
        assertTrue(site.reports().get(0).draft(), "the first report is a draft");
        assertTrue(site.reports().get(0).sections().get(0).draft());
        assertTrue(site.indicators().definitions().isEmpty());
    }

    @Test
    void withoutANameTheSettingsHoldAVisiblePlaceholder(@TempDir Path tmp) {
        Path portal = tmp.resolve("portal");
        assertEquals(0, Cli.run("init", portal.toString()).exit());
        assertEquals(StarterFiles.NAME_PLACEHOLDER, new SiteLoader(Theme.builtIn()).load(new SourceTree(portal)).config().name());
    }

    /** The examples left commented out are valid once uncommented as the comments say. */
    @Test
    void theCommentedExamplesAreValidWhenUncommented(@TempDir Path tmp) throws IOException {
        Path portal = tmp.resolve("portal");
        assertEquals(0, Cli.run("init", portal.toString(), "--year", "2031").exit());
        Path indicators = portal.resolve("data/indicators.yaml");
        String text = Files.readString(indicators);
        assertTrue(text.contains("areas: []\nindicators: []\n"));
        Files.writeString(indicators, uncommentFrom(text.replace("areas: []\nindicators: []\n", ""), "# areas:"));
        Path settings = portal.resolve("data/site.yaml");
        String settingsText = Files.readString(settings);
        assertTrue(settingsText.contains("\n# search_examples: [法律援助, 2031 行政复议]\n"), "left commented out");
        Files.writeString(settings, uncommentFrom(settingsText.replace("# search_examples:", "search_examples:"), "# limits:"));
        Site site = new SiteLoader(Theme.builtIn()).load(new SourceTree(portal));
        assertEquals(List.of("example-indicator"), site.indicators().definitions().stream().map(d -> d.id()).toList());
        assertEquals("示例指标", site.indicators().definitions().get(0).name());
        assertEquals(60, site.config().limits().conversionTime().toSeconds());
        assertEquals(List.of("法律援助", "2031 行政复议"), site.config().searchExamples());
    }

    /** {@code text} with "# " taken off every comment line from the line {@code first} on. */
    private static String uncommentFrom(String text, String first) {
        int at = text.indexOf("\n" + first + "\n");
        assertTrue(at >= 0, "the example starts with " + first);
        StringBuilder out = new StringBuilder(text.substring(0, at + 1));
        for (String line : text.substring(at + 1).split("\n")) {
            out.append(line.startsWith("# ") ? line.substring(2) : line).append('\n');
        }
        return out.toString();
    }

    @Test
    void noFileNamesAnotherBodyOrKeepsATemplatePlaceholder(@TempDir Path tmp) {
        Path portal = tmp.resolve("portal");
        assertEquals(0, Cli.run("init", portal.toString()).exit());
        Fixtures.texts(portal).forEach((file, text) -> {
            for (String word : new String[] {"盘锦", "Panjin", "panjin", "@@"}) {
                assertFalse(text.contains(word), file + " contains " + word);
            }
        });
    }

    @Test
    void anEmptyFolderIsFilledInPlace(@TempDir Path tmp) throws IOException {
        Path portal = Files.createDirectory(tmp.resolve("portal"));
        Object before = Files.readAttributes(portal, "unix:ino").get("ino");
        assertEquals(0, Cli.run("init", portal.toString(), "--year", "2031").exit());
        assertEquals(FILES, List.copyOf(Fixtures.texts(portal).keySet()));
        assertEquals(before, Files.readAttributes(portal, "unix:ino").get("ino"), "the folder itself is kept (it may be the current one)");
        assertNoStagingBeside(portal);
    }

    /** An empty repository just cloned from GitHub holds .git alone: init fills it and leaves .git as it was. */
    @Test
    void aFreshlyClonedEmptyRepositoryIsFilledAndItsGitFolderKept(@TempDir Path tmp) throws IOException {
        Path portal = Files.createDirectories(tmp.resolve("portal/.git"));
        Files.writeString(portal.resolve("HEAD"), "ref: refs/heads/main\n");
        assertEquals(0, Cli.run("init", portal.getParent().toString(), "--year", "2031").exit());
        Map<String, String> files = Fixtures.texts(portal.getParent());
        assertEquals("ref: refs/heads/main\n", files.remove(".git/HEAD"));
        assertEquals(FILES, List.copyOf(files.keySet()));
    }

    @Test
    void aFolderThatIsNotEmptyIsRefusedAndLeftAsItWas(@TempDir Path tmp) throws IOException {
        Path portal = Files.createDirectory(tmp.resolve("my-portal"));
        Files.writeString(portal.resolve("notes.txt"), "mine\n");
        Cli.Run r = Cli.run("init", portal.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(portal + ": error: the folder is not empty; init writes only into a new or empty folder (目录非空)",
                r.err().lines().findFirst().orElseThrow());
        assertTrue(r.err().contains("hint: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(Map.of("notes.txt", "mine\n"), Fixtures.texts(portal));
        assertEquals(List.of(portal), list(tmp), "nothing written beside it either");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRefused(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("portal"), "a file\n");
        Cli.Run r = Cli.run("init", file.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith(file + ": error: this is a file, not a folder"), r.err());
        Cli.Run below = Cli.run("init", file.resolve("sub").toString());
        assertEquals(2, below.exit(), below.err());
        assertTrue(below.err().contains(file + " is a file, not a folder"), below.err());
        assertEquals("a file\n", Files.readString(file));
        assertEquals(List.of(file), list(tmp));
    }

    @Test
    void wrongOptionsExitTwoAndWriteNothing(@TempDir Path tmp) throws IOException {
        Path portal = tmp.resolve("portal");
        for (String[] args : new String[][] {{"--year", "99"}, {"--year", "twenty"}, {"--name", " "}, {"--name", "a\nb"}}) {
            Cli.Run r = Cli.run("init", portal.toString(), args[0], args[1]);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertEquals(2, Cli.run("init").exit(), "DIR is required");
        assertEquals(List.of(), list(tmp));
    }

    @Test
    void initHasHelp() {
        Cli.Run r = Cli.run("init", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Usage: portal init"), r.out());
        assertTrue(r.out().contains("--name") && r.out().contains("--year"), r.out());
    }

    private static void assertNoStagingBeside(Path portal) {
        assertTrue(list(portal.getParent()).stream().noneMatch(p -> p.getFileName().toString().contains("init-staging")),
                "no staging folder is left: " + list(portal.getParent()));
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
