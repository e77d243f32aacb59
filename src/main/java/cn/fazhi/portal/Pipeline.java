package cn.fazhi.portal;

import cn.fazhi.portal.check.LinkChecker;
import cn.fazhi.portal.load.BaseUrl;
import cn.fazhi.portal.load.InfoPage;
import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Section;
import cn.fazhi.portal.load.SectionEdit;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.load.SiteLoader;
import cn.fazhi.portal.load.SourceScan;
import cn.fazhi.portal.load.SourceTree;
import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.Problems;
import cn.fazhi.portal.problems.ProblemsException;
import cn.fazhi.portal.publish.AtomicPublisher;
import cn.fazhi.portal.publish.BuildStamp;
import cn.fazhi.portal.render.AsciiDocConverter;
import cn.fazhi.portal.render.Fragment;
import cn.fazhi.portal.render.Hyperlinks;
import cn.fazhi.portal.derive.Citations;
import cn.fazhi.portal.derive.IndicatorPages;
import cn.fazhi.portal.derive.OpenData;
import cn.fazhi.portal.derive.ReportPages;
import cn.fazhi.portal.derive.SiteFiles;
import cn.fazhi.portal.derive.SearchPages;
import cn.fazhi.portal.render.JBakeBaker;
import cn.fazhi.portal.pages.Page;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CompletionException;

/**
 * Wires the stages in their one direction: load, render (convert), derive (pages, files), render (bake),
 * check, publish.
 * One instance may build many times (as {@code serve} does) and keeps Asciidoctor warm between.
 */
public final class Pipeline implements AutoCloseable {

    /** What to build and how. */
    public record Options(Path source, Path output, boolean drafts, String baseUrl) {
    }

    /**
     * What a successful build produced; {@code stages} are milliseconds per stage, in order;
     * {@code upToDate} when nothing had changed and the output was kept as it was.
     */
    public record Result(int pages, int externalLinks, long millis, Map<String, Long> stages, boolean upToDate) {
    }

    /** Wall time per stage of the current build, for --verbose and the benchmark. */
    private final Map<String, Long> stages = new LinkedHashMap<>();
    private long mark;

    private void lap(String stage) {
        long now = System.nanoTime();
        stages.put(stage, (now - mark) / 1_000_000);
        mark = now;
    }

    private final AsciiDocConverter converter;
    /** What the last build into the output was made from; null: always build. */
    private final BuildStamp stamp;

    /** What a build's pages were made from: the site as loaded and every converted file. */
    private record Made(Site site, Map<String, Fragment> fragments) {
    }

    /** What one run of the stages produced: the link check's report and what the pages were made from. */
    private record Rendered(LinkChecker.Report links, Made made) {
    }

    /** What the last published build was made from; the preview's quick update starts from it. */
    private Made published;

    /** One page made ahead of the full build: its path in the site and its bytes. */
    public record QuickPage(String path, byte[] bytes) {
    }

    /** A pipeline that keeps converted sections in memory only (tests, one-off runs). */
    public Pipeline() {
        this((Path) null);
    }

    /**
     * @param cacheDir where converted sections are kept between runs, so an unchanged build
     *                 never starts Asciidoctor; null keeps them in memory only
     */
    public Pipeline(Path cacheDir) {
        this(new AsciiDocConverter(cacheDir), cacheDir == null ? null : new BuildStamp(cacheDir.resolve("last-build")));
    }

    private Pipeline(AsciiDocConverter converter, BuildStamp stamp) {
        this.converter = converter;
        this.stamp = stamp;
    }

    /**
     * The preview's pipeline: conversions cached in {@code cacheDir}, but every build runs (no
     * build stamp), so the preview always holds what its quick updates start from.
     */
    public static Pipeline forPreview(Path cacheDir) {
        return new Pipeline(new AsciiDocConverter(cacheDir), null);
    }

    /** A pipeline that converts every file on every build: the reference a cached build must equal. */
    public static Pipeline uncached() {
        return new Pipeline(AsciiDocConverter.uncached(), null);
    }


    /**
     * Builds the site into a staging folder and, if every stage succeeds, replaces the output.
     *
     * @throws cn.fazhi.portal.problems.ProblemsException with every problem found, output untouched
     */
    public synchronized Result build(Options options) {
        long start = System.nanoTime();
        String inputs = null;
        // Before anything is read, the stamp's digest included: links are refused, sizes known.
        List<SourceScan.Entry> scanned = scan(new SourceTree(options.source()));
        if (stamp != null) {
            if (!stamp.isRecorded()) {
                // This build will run, so JRuby's start (seconds) need not wait for the digest.
                converter.startIfCold();
            }
            inputs = BuildStamp.inputs(scanned, "drafts=" + options.drafts() + " base=" + options.baseUrl());
            Optional<BuildStamp.Recorded> kept = stamp.upToDate(inputs, options.output().toAbsolutePath().normalize());
            if (kept.isPresent()) {
                long millis = (System.nanoTime() - start) / 1_000_000;
                return new Result(kept.get().pages(), kept.get().externalLinks(), millis, Map.of("up to date", millis), true);
            }
            stamp.forget();
        }
        AtomicPublisher publisher = new AtomicPublisher(options.output());
        Path staging = publisher.stage();
        try {
            Rendered rendered = render(options, staging, scanned);
            LinkChecker.Report links = rendered.links();
            publisher.publish(staging);
            published = rendered.made();
            if (stamp != null) {
                stamp.record(inputs, options.output().toAbsolutePath().normalize(), links.pages(), links.external().size());
            }
            lap("publish");
            return new Result(links.pages(), links.external().size(), (System.nanoTime() - start) / 1_000_000,
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stages)), false);
        } catch (RuntimeException | Error e) {
            publisher.discard(staging);
            throw e;
        } finally {
            converter.awaitSaved(); // the conversion cache is written while the pages are made
        }
    }

    /** The source's files, found once per build before anything is read. */
    private static List<SourceScan.Entry> scan(SourceTree tree) {
        SiteLoader.requireContent(tree);
        return SourceScan.scan(tree);
    }

    private Rendered render(Options options, Path into, List<SourceScan.Entry> scanned) {
        stages.clear();
        mark = System.nanoTime();
        converter.startIfCold();
        SourceTree tree = new SourceTree(options.source());
        Site site = new SiteLoader().load(tree, scanned);
        if (!options.drafts()) {
            site = site.withoutDrafts();
        }
        if (options.baseUrl() != null) {
            BaseUrl.check(options.baseUrl(), "--base-url", 0).ifPresent(p -> {
                throw new ProblemsException(p);
            });
            site = site.withConfig(site.config().withBaseUrl(options.baseUrl()));
        }
        lap("load");
        // Made before converting: in a cold build JRuby is still starting, so this takes no time.
        JBakeBaker baker = JBakeBaker.open(tree, into);
        Map<String, Fragment> fragments = new HashMap<>();
        SiteFiles siteFiles = new SiteFiles(site, name -> fragments.get(name).html());
        SearchPages search = new SearchPages();
        LinkChecker.Scans scans = new LinkChecker.Scans();
        // The pages that need no converted text are baked and parsed for the link check first, for
        // the same reason: this also loads Freemarker, the templates they share and the parser, so
        // the pages baked after converting find them ready.
        Page searchPage = search.page(site);
        Page notFound = siteFiles.notFoundPage();
        baker.bake(List.of(searchPage, notFound), page -> scans.scan(into.resolve(page.path())));
        // The figure pages' tables and charts too; only their citations wait for the conversion.
        IndicatorPages.Uncited figurePages = new IndicatorPages().uncited(site);
        fragments.putAll(convertAll(site));
        lap("convert");
        // Two threads from here on. This one composes the pages and bakes them with JBake. The
        // other finds the figures' citations (the figure pages need them) while this one composes
        // the report pages, writes the files that need no baking (open data, sitemap and feed, the
        // search index), then parses each page as soon as it is baked, for the link check.
        Site composed = site;
        ShownFragments shown = new ShownFragments(fragments.values());
        CompletableFuture<Citations> citationsFound = new CompletableFuture<>();
        CompletableFuture<List<Page>> pagesComposed = new CompletableFuture<>();
        BlockingQueue<Optional<Page>> baked = new LinkedBlockingQueue<>();
        CompletableFuture<Void> files = CompletableFuture.runAsync(() -> {
            try {
                Citations citations = Citations.find(composed, fragments::get);
                citationsFound.complete(citations);
                new OpenData().write(composed, citations, into);
                List<Page> all = pagesComposed.join();
                siteFiles.write(all, into);
                search.writeIndex(all, composed, fragments::get, into);
                for (Optional<Page> page = baked.take(); page.isPresent(); page = baked.take()) {
                    scans.scan(into.resolve(page.get().path()), shown.in(page.get()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                citationsFound.completeExceptionally(e); // the composing thread must not wait for it
                throw e;
            }
        }, Pipeline::daemon);
        try {
            List<Page> pages = new ArrayList<>(new ReportPages().compose(site, fragments::get));
            pages.addAll(figurePages.cite(joined(citationsFound)));
            pages.add(searchPage);
            pages.add(siteFiles.siteMapPage(pages));
            pages.add(notFound);
            pagesComposed.complete(pages);
            lap("derive");
            baker.bake(pages.stream().filter(p -> p != searchPage && p != notFound).toList(),
                    page -> baked.add(Optional.of(page)));
            baker.copyAssets();
        } catch (RuntimeException | Error e) {
            pagesComposed.completeExceptionally(e);
            baked.add(Optional.empty());
            files.exceptionally(ignored -> null).join(); // stop writing before the staging folder goes
            throw e;
        }
        // Every page is baked: this thread now parses the pages still waiting, alongside the other.
        for (Optional<Page> page = baked.poll(); page != null; page = baked.poll()) {
            scans.scan(into.resolve(page.get().path()), shown.in(page.get()));
        }
        baked.add(Optional.empty());
        lap("bake");
        joined(files);
        lap("files");
        LinkChecker.Report links = new LinkChecker(siteFiles.baseUrl()).check(into, scans);
        lap("check");
        if (!links.broken().isEmpty()) {
            Problems problems = new Problems();
            links.broken().forEach(b -> problems.add("site/" + b.page(), 0, "broken link '" + b.link() + "': " + b.reason(),
                    "fix the link in the section text or the template that makes this page"));
            problems.throwIfAny();
        }
        return new Rendered(links, new Made(site, fragments));
    }

    /**
     * The converted files' HTML as the composed pages hold it, so the link check can take each
     * file's links and ids as they were found when it was prepared instead of parsing it again on
     * every page that shows it. Found by identity: a page's model holds the very strings.
     */
    private static final class ShownFragments {
        private final Map<String, Hyperlinks> byHtml = new IdentityHashMap<>();

        ShownFragments(Collection<Fragment> fragments) {
            for (Fragment f : fragments) {
                if (!f.html().isEmpty()) { // an empty file's "" is the very "" of every empty value
                    byHtml.put(f.html(), f.hyperlinks());
                    byHtml.put(f.nested(), f.hyperlinks());
                }
            }
        }

        /** The converted files {@code page} shows. */
        List<LinkChecker.Embedded> in(Page page) {
            List<LinkChecker.Embedded> found = new ArrayList<>();
            collect(page.model(), found);
            return found;
        }

        private void collect(Object value, List<LinkChecker.Embedded> found) {
            if (value instanceof String text && byHtml.containsKey(text)) {
                found.add(new LinkChecker.Embedded(text, byHtml.get(text)));
            } else if (value instanceof Map<?, ?> map) {
                map.values().forEach(v -> collect(v, found));
            } else if (value instanceof Collection<?> items) {
                items.forEach(v -> collect(v, found));
            }
        }
    }

    /** The future's value; its failure rethrown as it was thrown. */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void daemon(Runnable task) {
        Thread t = new Thread(task, "portal-files");
        t.setDaemon(true);
        t.start();
    }

    private Map<String, Fragment> convertAll(Site site) {
        converter.use(site.indicators());
        converter.limitEachConversionTo(site.config().limits().conversionTime());
        List<AsciiDocConverter.Job> jobs = new ArrayList<>();
        for (Report report : site.reports()) {
            jobs.add(new AsciiDocConverter.Job(report.landing(), report.year(), "preamble", 0));
            for (Section section : report.sections()) {
                jobs.add(job(report, section));
            }
        }
        for (InfoPage page : site.infoPages()) {
            jobs.add(new AsciiDocConverter.Job(page.source(), 0, page.slug(), 0));
        }
        Problems problems = new Problems();
        Map<String, Fragment> fragments = new HashMap<>();
        converter.convertAll(jobs).forEach((name, result) -> {
            problems.addAll(result.problems());
            fragments.put(name, result.fragment());
        });
        problems.throwIfAny();
        return fragments;
    }

    /** A section's conversion: its anchors are named after it, and on the year page it sits at its level. */
    private static AsciiDocConverter.Job job(Report report, Section section) {
        return new AsciiDocConverter.Job(section.source(), report.year(), section.slug(), section.level());
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
        if (published == null) {
            return Optional.empty();
        }
        Site site = published.site();
        Optional<SectionEdit> found = SectionEdit.of(site, file);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SectionEdit edit = found.get();
        AsciiDocConverter.Result converted = converter.convert(job(edit.report(), edit.section()));
        if (!converted.problems().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Fragment> fragments = new HashMap<>(published.fragments());
        fragments.put(edit.section().source().name(), converted.fragment());
        Page page = new ReportPages().sectionPage(site, edit.report(), edit.index(), fragments::get);
        Path scratch = null;
        try {
            scratch = java.nio.file.Files.createTempDirectory("portal-quick");
            return Optional.of(new QuickPage(page.path(), JBakeBaker.open(site.tree(), scratch).bakeOne(page)));
        } catch (java.io.IOException e) {
            return Optional.empty();
        } finally {
            if (scratch != null) {
                try {
                    cn.fazhi.portal.render.FileTrees.deleteRecursively(scratch);
                } catch (java.io.IOException e) {
                    // a left-over temporary folder is harmless
                }
            }
        }
    }

    /** What {@link #check} found: the problems, or, when there are none, the external links (sorted). */
    public record CheckResult(List<Problem> problems, java.util.Set<String> externalLinks) {
    }

    /**
     * Runs every stage a build runs, into a throw-away folder, and publishes nothing.
     *
     * @return the problems found (empty when the sources are fine) and the external links listed
     */
    public CheckResult check(Path source, Path scratch) {
        try {
            LinkChecker.Report links = render(new Options(source, scratch.resolve("site"), false, null),
                    scratch.resolve("site"), scan(new SourceTree(source))).links();
            return new CheckResult(List.of(), links.external());
        } catch (cn.fazhi.portal.problems.ProblemsException e) {
            return new CheckResult(e.problems(), java.util.Set.of());
        }
    }

    @Override
    public void close() {
        converter.close();
    }
}
