package cn.fazhi.portal;

import cn.fazhi.portal.bake.Assets;
import cn.fazhi.portal.bake.Baker;
import cn.fazhi.portal.bake.PageCache;
import cn.fazhi.portal.check.LinkChecker;
import cn.fazhi.portal.cite.Citations;
import cn.fazhi.portal.compose.Composer;
import cn.fazhi.portal.history.Corrections;
import cn.fazhi.portal.history.Shallow;
import cn.fazhi.portal.load.BaseUrl;
import cn.fazhi.portal.load.NonQuantities;
import cn.fazhi.portal.load.NumberInventory;
import cn.fazhi.portal.load.StatutoryCalendar;
import cn.fazhi.portal.load.SectionEdit;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.load.SiteLoader;
import cn.fazhi.portal.load.Publications;
import cn.fazhi.portal.load.SourceDate;
import cn.fazhi.portal.load.SourceHistory;
import cn.fazhi.portal.load.SourceScan;
import cn.fazhi.portal.load.SourceTree;
import cn.fazhi.portal.map.Feed;
import cn.fazhi.portal.map.SiteMapFiles;
import cn.fazhi.portal.navigate.Navigation;
import cn.fazhi.portal.opendata.OpenData;
import cn.fazhi.portal.output.OutputCatalog;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.pages.Page;
import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.Problems;
import cn.fazhi.portal.problems.ProblemsException;
import cn.fazhi.portal.publish.AtomicPublisher;
import cn.fazhi.portal.publish.BuildStamp;
import cn.fazhi.portal.render.AsciiDocConverter;
import cn.fazhi.portal.render.Converted;
import cn.fazhi.portal.search.SearchDocuments;
import cn.fazhi.portal.search.SearchIndex;
import cn.fazhi.portal.theme.Theme;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The build, as a list of stages, each a function from what the ones before made to what it makes:
 * load → convert → navigate → cite → compose → bake → map, index, open data → check → publish.
 * Stages run one after another; within convert, bake and check the items run on all cores
 * ({@link Parallel}). Every stage after convert adds files to the output catalog; only publish
 * writes. One instance may build many times (as {@code serve} does) and keeps Asciidoctor warm.
 */
public final class Pipeline implements AutoCloseable {

    /** What to build and how. */
    public record Options(Path source, Path output, boolean drafts, String baseUrl) {
    }

    /**
     * What a successful build produced; {@code stages} are milliseconds per stage, in order;
     * {@code upToDate} when nothing had changed and the output was kept as it was; {@code warnings}
     * what the build found to look at (numbers not accounted for) and what it could do only in part
     * (a shallow history): to print, never to fail on; none when it was up to date; {@code remade} the
     * paths of the pages the bake laid out anew (the others were published before, made from the
     * same inputs, and were kept: {@link PageCache}).
     */
    public record Result(int pages, int externalLinks, long millis, Map<String, Long> stages, boolean upToDate,
                         List<Problem> warnings, List<String> remade) {
    }

    /** One page made ahead of the full build: its path in the site and its bytes. */
    public record QuickPage(String path, byte[] bytes) {
    }

    /**
     * What {@link #check} found: the problems, or, when there are none, the external links (sorted);
     * the warnings about the sources (with or without problems); the source's files that replace a
     * built-in theme file by a different one; and the reminder of the statutory calendar, which
     * depends on the date of the check, not on the sources ({@link StatutoryCalendar}).
     */
    public record CheckResult(List<Problem> problems, List<Problem> warnings, Set<String> externalLinks,
                              List<String> overrides, List<Problem> calendar) {
    }

    /** What one run of the stages made, and what from: the preview's quick update starts from it. */
    private record Built(Site site, Addresses at, Navigation navigation, Citations citations, Converted converted,
                         boolean feed, SourceHistory history, Corrections corrections, OutputCatalog output,
                         LinkChecker.Report links, List<Problem> warnings, List<String> remade, Assets assets) {
    }

    /** The load stage's site, as published, and its warnings. */
    private record Loaded(Site site, List<Problem> warnings) {
    }

    private final AsciiDocConverter converter;
    /** What the last build into the output was made from; null: always build. */
    private final BuildStamp stamp;
    /** The cache folder, where {@link PageCache} keeps what each page was made from; null: bake every page. */
    private final Path cacheDir;
    private Built published;
    /** The theme built into the portal, read at the first build (an unchanged build never needs it). */
    private Theme theme;

    /** A pipeline that keeps converted sections in memory only (tests, one-off runs). */
    public Pipeline() {
        this((Path) null);
    }

    /**
     * @param cacheDir where converted sections are kept between runs, so an unchanged build
     *                 never starts Asciidoctor; null keeps them in memory only
     */
    public Pipeline(Path cacheDir) {
        this(new AsciiDocConverter(cacheDir), cacheDir == null ? null : new BuildStamp(cacheDir.resolve("last-build")), cacheDir);
    }

    private Pipeline(AsciiDocConverter converter, BuildStamp stamp, Path cacheDir) {
        this.converter = converter;
        this.stamp = stamp;
        this.cacheDir = cacheDir;
    }

    /**
     * The preview's pipeline: conversions cached in {@code cacheDir}, but every build runs (no
     * build stamp), so the preview always holds what its quick updates start from.
     */
    public static Pipeline forPreview(Path cacheDir) {
        return new Pipeline(new AsciiDocConverter(cacheDir), null, cacheDir);
    }

    /** A pipeline that converts every file on every build: the reference a cached build must equal. */
    public static Pipeline uncached() {
        return new Pipeline(AsciiDocConverter.uncached(), null, null);
    }

    /**
     * Builds the site and, if every stage succeeds, replaces the output with it.
     *
     * @throws ProblemsException with every problem found, output untouched
     */
    public synchronized Result build(Options options) {
        Stopwatch clock = new Stopwatch();
        AtomicPublisher publisher = new AtomicPublisher(options.output());
        publisher.recover(); // first finish what a build killed while publishing left half done
        List<SourceScan.Entry> scanned = scan(options.source());
        // Dates and corrections come from the history of content/ and data/: a new commit there changes them,
        // and changes the time of the last commit that changed them, recorded here.
        SourceDate date = sourceDate(options.source());
        Optional<String> inputs = stamp == null ? Optional.empty()
                : BuildStamp.inputs(scanned, "drafts=" + options.drafts() + " base=" + options.baseUrl()
                        + " date=" + date.instant().map(Object::toString).orElse(""));
        Optional<BuildStamp.Recorded> kept = stamp == null ? Optional.empty() : stamp.upToDate(inputs, outputOf(options));
        if (kept.isPresent()) {
            clock.lap("up to date");
            return new Result(kept.get().pages(), kept.get().externalLinks(), clock.total(), clock.laps(), true, List.of(),
                    List.of());
        }
        PageCache pages = pageCache(options);
        try {
            Built built = stages(options, scanned, date, clock, pages);
            publisher.publish(built.output());
            pages.save();
            clock.lap("publish");
            published = built;
            if (stamp != null) {
                stamp.record(inputs, outputOf(options), built.links().pages(), built.links().external().size());
            }
            return new Result(built.links().pages(), built.links().external().size(), clock.total(), clock.laps(), false,
                    built.warnings(), built.remade());
        } catch (RuntimeException | Error e) {
            if (stamp != null) {
                stamp.forget();
            }
            throw e;
        } finally {
            converter.awaitSaved(); // the conversion cache is written while the pages are made
        }
    }

    /** Where the bake finds the pages of the last build into this output, and records this build's. */
    private PageCache pageCache(Options options) {
        Optional<String> code = BuildStamp.code();
        return cacheDir == null || code.isEmpty() ? PageCache.none()
                : new PageCache(cacheDir.resolve(PageCache.FILE), outputOf(options), code.get());
    }

    /** The stages before publish, in order. */
    private Built stages(Options options, List<SourceScan.Entry> scanned, SourceDate date, Stopwatch clock, PageCache cache) {
        Theme theme = theme();
        Loaded loaded = load(options, scanned, theme);
        Site site = loaded.site();
        Addresses at = Addresses.of(site.config().baseUrl());
        clock.lap("load");
        Converted converted = converter.convert(site, at);
        clock.lap("convert");
        Navigation navigation = Navigation.of(site, at);
        Citations citations = Citations.find(site, at, converted);
        SourceHistory history = SourceHistory.read(site.tree(), SourceDate.epoch(site.tree(), System.getenv("SOURCE_DATE_EPOCH")),
                new Publications());
        clock.lap("history");
        Corrections corrections = Corrections.of(site, at, history);
        Feed feed = new Feed(history, corrections);
        List<Page> pages = new Composer(site, at, navigation, converted, citations, feed.exists(site), history, corrections).pages();
        clock.lap("compose");
        OutputCatalog output = new OutputCatalog();
        Assets assets = Assets.of(scanned, theme);
        Baker.Baked baked = new Baker(site.tree(), theme, assets).bake(pages, cache);
        output.add(baked.files());
        output.add(assets.files());
        clock.lap("bake");
        output.add(SiteMapFiles.of(pages, at));
        feed.of(site, at, converted).ifPresent(f -> output.add(List.of(f)));
        output.add(new SearchIndex().make(SearchDocuments.of(pages, site, at, converted)).files());
        output.add(new OpenData().of(site, at, citations));
        clock.lap("map, index, open data");
        LinkChecker.Report links = LinkChecker.check(output, at).throwIfBroken();
        clock.lap("check");
        List<Problem> warnings = new java.util.ArrayList<>(loaded.warnings());
        Shallow.warning(history).ifPresent(warnings::add);
        return new Built(site, at, navigation, citations, converted, feed.exists(site), history, corrections, output, links,
                List.copyOf(warnings), baked.remade(), assets);
    }

    private synchronized Theme theme() {
        if (theme == null) {
            theme = Theme.builtIn();
        }
        return theme;
    }

    /** The date of a report without :date: (the source's last commit, else SOURCE_DATE_EPOCH, else none). */
    private static SourceDate sourceDate(Path source) {
        return SourceDate.of(new SourceTree(source), System.getenv("SOURCE_DATE_EPOCH"));
    }

    /** The source's files, found once per build before anything is read. */
    private static List<SourceScan.Entry> scan(Path source) {
        SourceTree tree = new SourceTree(source);
        SiteLoader.requireContent(tree);
        return SourceScan.scan(tree);
    }

    /**
     * The {@code load} stage: the site as this build publishes it (drafts left out, base URL given),
     * and the numbers of its published text that are not accounted for ({@link NumberInventory}).
     */
    private static Loaded load(Options options, List<SourceScan.Entry> scanned, Theme theme) {
        SourceTree tree = new SourceTree(options.source());
        Site site = new SiteLoader(theme).load(tree, scanned);
        Problems problems = new Problems();
        NonQuantities allowed = NonQuantities.load(tree, problems);
        problems.throwIfAny();
        List<Problem> warnings = NumberInventory.check(site, allowed);
        if (!options.drafts()) {
            site = site.withoutDrafts();
        }
        if (options.baseUrl() != null) {
            BaseUrl.check(options.baseUrl(), "--base-url", 0).ifPresent(p -> {
                throw new ProblemsException(p);
            });
            site = site.withConfig(site.config().withBaseUrl(options.baseUrl()));
        }
        return new Loaded(site, warnings);
    }

    private static Path outputOf(Options options) {
        return options.output().toAbsolutePath().normalize();
    }

    /**
     * The preview's quick update: the page of one edited section, made from the last published
     * build with only that section's text changed, so {@code serve} can show it at once and rebuild
     * the rest of the site after. Only the section's own page is made: the year page, search and
     * figure pages follow with the full build.
     *
     * @param file the saved file
     * @return the page, or empty when there is no published build yet or the change is not a plain
     *         text edit of one of its sections (see {@link SectionEdit}); the full build handles those
     */
    public synchronized Optional<QuickPage> quickSection(Path file) {
        Optional<SectionEdit> found = published == null ? Optional.empty() : SectionEdit.of(published.site(), file);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SectionEdit edit = found.get();
        AsciiDocConverter.Result converted = converter.convert(AsciiDocConverter.job(edit.report(), edit.section()));
        if (!converted.problems().isEmpty()) {
            return Optional.empty();
        }
        Built b = published;
        Page page = new Composer(b.site(), b.at(), b.navigation(), b.converted().with(edit.section().source(),
                converted.fragment()), b.citations(), b.feed(), b.history(), b.corrections()).section(edit.report(), edit.index());
        try {
            return Optional.of(new QuickPage(page.path(), new Baker(b.site().tree(), theme(), b.assets()).bakeOne(page).bytes()));
        } catch (ProblemsException e) {
            return Optional.empty(); // the full build reports it
        }
    }

    /**
     * Runs every stage a build runs and publishes nothing.
     *
     * @return the problems found (empty when the sources are fine), the external links listed and
     *         the source's overrides of the built-in theme
     */
    public CheckResult check(Path source, Clock today) {
        List<SourceScan.Entry> scanned;
        try {
            scanned = scan(source);
        } catch (ProblemsException e) {
            return new CheckResult(e.problems(), List.of(), Set.of(), List.of(), List.of());
        }
        List<String> overrides = scanned.stream().filter(e -> theme().overriddenBy(e.name(), e.path()))
                .map(SourceScan.Entry::name).toList();
        try {
            Built built = stages(new Options(source, null, false, null), scanned, sourceDate(source), new Stopwatch(),
                    PageCache.none());
            return new CheckResult(List.of(), built.warnings(), built.links().external(), overrides,
                    StatutoryCalendar.missing(built.site().reports(), today).stream().toList());
        } catch (ProblemsException e) {
            return new CheckResult(e.problems(), List.of(), Set.of(), overrides, List.of());
        }
    }

    /** {@link #check(Path, Clock)} by the clock of Asia/Shanghai, where the reports are due. */
    public CheckResult check(Path source) {
        return check(source, Clock.system(StatutoryCalendar.ZONE));
    }

    @Override
    public void close() {
        converter.close();
    }
}
