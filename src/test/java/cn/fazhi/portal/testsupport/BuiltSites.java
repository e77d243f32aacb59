package cn.fazhi.portal.testsupport;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.Pipeline;
import cn.fazhi.portal.cli.Cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * The sites many test classes read, each built once per test JVM, when first asked for, through the
 * public API ({@link Pipeline}) or the command line, exactly as the classes built them before:
 *
 * <ul>
 *   <li>{@link #real()}: the real site from the repository's own content, no drafts, the base URL of
 *       {@code data/site.yaml} ({@code https://example.gov.cn/fzzf/});</li>
 *   <li>{@link #realUnderSubPath()}: the real site built by the command line with
 *       {@code --base-url} {@value #SUB_PATH_BASE};</li>
 *   <li>{@link #twoYears()}: the fictional two-year fixture built by the command line, no drafts,
 *       its own base URL ({@code https://example.invalid/demo/});</li>
 *   <li>{@link #twoYearsPreview()}: the same fixture with drafts, as a preview shows it.</li>
 * </ul>
 *
 * <p>The folders are shared and must only be read. A test that must change a site copies it first
 * ({@link #copy}). Each accessor checks that no file of the site changed since it was built (every
 * file's SHA-256), so a test that wrote into a shared site fails the next test that reads it,
 * instead of letting it pass or fail on someone else's output.
 *
 * <p>A build that fails is reported as the cause of every test that asks for that site.
 */
public final class BuiltSites {

    /** The base URL {@link #realUnderSubPath()} is built for (the site is served from its path). */
    public static final String SUB_PATH_BASE = "https://www.example.org/gov/fzzf/";

    private static final Path ROOT = createRoot();

    private static final Site REAL = new Site("real", dir -> {
        try (Pipeline pipeline = new Pipeline()) {
            pipeline.build(new Pipeline.Options(Fixtures.REPO, dir, false, null));
        }
    });

    private static final Site REAL_UNDER_SUB_PATH = new Site("real-sub-path", dir ->
            cli("build", "--source", Fixtures.REPO.toString(), "--output", dir.toString(), "--base-url", SUB_PATH_BASE));

    private static final Site TWO_YEARS = new Site("two-years", dir ->
            cli("build", "--source", twoYearsSource().toString(), "--output", dir.toString()));

    private static final Site TWO_YEARS_PREVIEW = new Site("two-years-preview", dir -> {
        try (Pipeline pipeline = new Pipeline()) {
            pipeline.build(new Pipeline.Options(twoYearsSource(), dir, true, null));
        }
    });

    private static Path twoYearsSource;

    private BuiltSites() {
    }

    /** The real site: {@code new Pipeline().build(new Options(Fixtures.REPO, dir, false, null))}. */
    public static Path real() {
        return REAL.get();
    }

    /**
     * The path of the base URL {@code site} was built for (its home page's canonical address), e.g.
     * {@code /fzzf/}: a test server serves the site from it, so that 404.html, whose links start from
     * that path, finds its files.
     */
    public static String basePath(Path site) {
        return java.net.URI.create(Fixtures.html(site.resolve("index.html")).select("link[rel=canonical]").attr("href")).getPath();
    }

    /** The real site: {@code build --source REPO --output dir --base-url} {@value #SUB_PATH_BASE}. */
    public static Path realUnderSubPath() {
        return REAL_UNDER_SUB_PATH.get();
    }

    /** The fictional two-year fixture: {@code build --source <fixture> --output dir}. */
    public static Path twoYears() {
        return TWO_YEARS.get();
    }

    /** The fictional two-year fixture with drafts: {@code new Options(<fixture>, dir, true, null)}. */
    public static Path twoYearsPreview() {
        return TWO_YEARS_PREVIEW.get();
    }

    /** The SHA-256 of every file of {@link #twoYears()} (as {@link SiteTrees#checksums} gives them). */
    public static SortedMap<String, String> twoYearsChecksums() {
        twoYears();
        return TWO_YEARS.checksums;
    }

    /**
     * The source tree both two-year sites are built from ({@link Fixtures#sourceTree}): read it only;
     * a test that changes sources makes its own copy.
     */
    public static synchronized Path twoYearsSource() {
        if (twoYearsSource == null) {
            twoYearsSource = Fixtures.sourceTree("two-years", ROOT.resolve("two-years-source"));
        }
        return twoYearsSource;
    }

    /** An asset's address without its version ({@code js/reader.js?v=0123456789} to {@code js/reader.js}: bake.Assets). */
    public static String withoutVersion(String address) {
        return address.replaceFirst("\\?v=[0-9a-f]{10}$", "");
    }

    /** A copy of a built site at {@code target} (which must not exist yet), for a test that changes it. */
    public static Path copy(Path site, Path target) {
        if (Files.exists(target)) {
            throw new IllegalArgumentException("the copy's folder exists already: " + target);
        }
        Fixtures.copyTree(site, target);
        return target;
    }

    private static void cli(String... args) {
        Cli.Run run = Cli.run(args);
        if (run.exit() != 0) {
            throw new IllegalStateException("portal " + String.join(" ", args) + " exited " + run.exit() + ":\n"
                    + run.out() + run.err());
        }
    }

    /** One shared site: built once, then checked against its fingerprint each time it is handed out. */
    private static final class Site {
        private final String name;
        private final Builder builder;
        private Path dir;
        private SortedMap<String, String> checksums;
        private RuntimeException failure;

        Site(String name, Builder builder) {
            this.name = name;
            this.builder = builder;
        }

        synchronized Path get() {
            if (failure != null) {
                throw new IllegalStateException("the shared site '" + name + "' could not be built", failure);
            }
            if (dir == null) {
                Path target = ROOT.resolve(name);
                try {
                    builder.build(target);
                } catch (RuntimeException | Error e) {
                    failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                    throw new IllegalStateException("the shared site '" + name + "' could not be built", e);
                }
                checksums = SiteTrees.checksums(target);
                if (checksums.isEmpty()) {
                    failure = new IllegalStateException("the build of '" + name + "' left an empty folder");
                    throw failure;
                }
                dir = target;
                return dir;
            }
            SortedMap<String, String> now = SiteTrees.checksums(dir);
            if (!now.equals(checksums)) {
                throw new IllegalStateException("a test changed the shared site '" + name + "' (copy it with "
                        + "BuiltSites.copy before changing it):\n" + SiteTrees.differences(checksums, now));
            }
            return dir;
        }
    }

    /** Builds a site into a folder that does not exist yet. */
    private interface Builder {
        void build(Path dir);
    }

    private static Path createRoot() {
        try {
            Path root = Files.createTempDirectory("portal-built-sites-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root), "built-sites-cleanup"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort, at exit
        }
    }
}
