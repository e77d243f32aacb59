package cn.fazhi.portal.render;

import cn.fazhi.portal.Parallel;
import cn.fazhi.portal.load.Indicators;
import cn.fazhi.portal.load.InfoPage;
import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Section;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.problems.Problems;
import cn.fazhi.portal.problems.ProblemsException;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.load.FigureReferences;
import cn.fazhi.portal.load.TextFile;
import cn.fazhi.portal.problems.Problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converts a build's AsciiDoc files to HTML fragments: those not in the cache in parallel on all
 * cores (one {@link AsciidoctorEngine} serves every thread), each result cleaned and prepared once
 * ({@link HtmlFragments#prepare}), fresh or read back from the cache.
 */
public final class AsciiDocConverter implements AutoCloseable {

    private final AsciidoctorEngine engine = new AsciidoctorEngine();
    private final ConversionCache cache;
    private Indicators indicators = Indicators.NONE;
    private Addresses addresses;

    /** @param cacheDir folder for converted HTML kept between runs, or null to keep it in memory only */
    public AsciiDocConverter(Path cacheDir) {
        this(new ConversionCache(cacheDir));
    }

    private AsciiDocConverter(ConversionCache cache) {
        this.cache = cache;
    }

    /** A converter that converts every file every time, keeping nothing. */
    public static AsciiDocConverter uncached() {
        return new AsciiDocConverter(ConversionCache.disabled());
    }

    /** The result of one conversion: the converted file and the problems found. */
    public record Result(Fragment fragment, List<Problem> problems) {
    }

    /**
     * One file to convert.
     *
     * @param year the report year the file belongs to; its figures are the ones {@code ind:} prints (0: none)
     * @param anchorPrefix prefix of the paragraphs' stable anchors ({@code disputes} gives {@code disputes-p1}…)
     * @param nesting how many levels its headings move down on the year page (its section's level; 0: not nested)
     */
    public record Job(TextFile file, int year, String anchorPrefix, int nesting) {
    }

    /**
     * The {@code convert} stage: every AsciiDoc file of {@code site} (each year's landing file and
     * sections, the pages about the site), its figures linked to their pages at {@code at}.
     *
     * @throws ProblemsException with every problem found in any file
     */
    public Converted convert(Site site, Addresses at) {
        use(site.indicators(), at);
        limitEachConversionTo(site.config().limits().conversionTime());
        List<Job> jobs = new ArrayList<>();
        for (Report report : site.reports()) {
            jobs.add(new Job(report.landing(), report.year(), "preamble", 0));
            for (Section section : report.sections()) {
                jobs.add(job(report, section));
            }
        }
        for (InfoPage page : site.infoPages()) {
            jobs.add(new Job(page.source(), 0, page.slug(), 0));
        }
        Problems problems = new Problems();
        Map<String, Fragment> fragments = new HashMap<>();
        convertAll(jobs).forEach((name, result) -> {
            problems.addAll(result.problems());
            fragments.put(name, result.fragment());
        });
        problems.throwIfAny();
        return new Converted(fragments);
    }

    /** A section's conversion: its anchors are named after it, and on the year page it sits at its level. */
    public static Job job(Report report, Section section) {
        return new Job(section.source(), report.year(), section.slug(), section.level());
    }

    /**
     * Converts many files, those not in the cache in parallel on all cores (one Asciidoctor
     * instance serves every thread), and returns the results by file name. The cache on disk
     * then holds exactly these files' conversions.
     */
    public Map<String, Result> convertAll(List<Job> jobs) {
        Map<Job, String> keys = keys(jobs);
        Map<String, Result> results = convertEach(jobs, keys);
        cache.keepOnly(keys.values());
        return results;
    }

    private Map<Job, String> keys(List<Job> jobs) {
        Map<Job, String> keys = new HashMap<>();
        synchronized (this) { // the figures' values are part of the key
            jobs.forEach(job -> keys.put(job, key(job)));
        }
        return keys;
    }

    private Map<String, Result> convertEach(List<Job> jobs, Map<Job, String> keys) {
        Map<String, Result> results = new ConcurrentHashMap<>();
        List<Job> stored = new ArrayList<>(); // converted before, by another process: prepared again
        List<Job> misses = new ArrayList<>();
        synchronized (this) {
            for (Job job : jobs) {
                String key = keys.get(job);
                cache.prepared(key).ifPresentOrElse(fragment -> results.put(job.file().name(), new Result(fragment, List.of())),
                        () -> (cache.converted(key).isPresent() ? stored : misses).add(job));
            }
        }
        // When a file needs converting, Asciidoctor starts (seconds of JRuby, on one core) while the
        // conversions read back from the cache are prepared (Parallel's one exception).
        CompletableFuture<Void> starting = misses.isEmpty() ? CompletableFuture.completedFuture(null)
                : Parallel.beside("portal-asciidoctor-start", engine::ready);
        // Read back from the cache (converted by another process): cleaned and anchored again.
        List<Result> kept = Parallel.map(stored, job -> finish(job, keys.get(job),
                new AsciidoctorEngine.Raw(cache.converted(keys.get(job)).orElseThrow(), List.of()), false));
        for (int i = 0; i < stored.size(); i++) {
            results.put(stored.get(i).file().name(), kept.get(i));
        }
        if (misses.isEmpty()) {
            return results;
        }
        awaitStart(starting);
        // The first conversion runs alone: Asciidoctor sets up the extension's Ruby side lazily, and
        // doing that on two threads at once makes JRuby print a warning about a redefined constant.
        Job first = misses.get(0);
        results.put(first.file().name(), finish(first, keys.get(first), engine.convert(first.file(), first.year()), true));
        List<Job> rest = misses.subList(1, misses.size());
        List<Result> fresh = Parallel.map(rest, job -> finish(job, keys.get(job), engine.convert(job.file(), job.year()), true));
        for (int i = 0; i < rest.size(); i++) {
            results.put(rest.get(i).file().name(), fresh.get(i));
        }
        return results;
    }

    /** Waits for Asciidoctor's start, rethrowing what it threw. */
    private static void awaitStart(CompletableFuture<Void> starting) {
        try {
            starting.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw e;
        }
    }

    private String key(Job job) {
        return ConversionCache.key(ConversionCache.FORMAT, AsciidoctorEngine.VERSION, job.file().text(), String.valueOf(job.year()),
                job.anchorPrefix(), String.valueOf(job.nesting()), citedFigures(job.file(), job.year()));
    }

    /**
     * Cleans, anchors and (when there were no problems) stores a converted file: what every
     * conversion goes through before it is used, fresh or read back from the cache on disk. A fresh
     * conversion's links that the cleaning had to disarm are the editor's to fix.
     */
    private Result finish(Job job, String key, AsciidoctorEngine.Raw raw, boolean fresh) {
        Fragment fragment = HtmlFragments.prepare(raw.html(), job.anchorPrefix(), job.nesting());
        List<Problem> problems = new ArrayList<>(raw.problems());
        if (fresh) {
            fragment.refusedLinks().forEach(text -> problems.add(refusedLink(job.file(), text)));
        }
        if (problems.isEmpty()) {
            cache.put(key, raw.html(), fragment);
        }
        return new Result(fragment, problems);
    }

    /** A link to a script address, at the first line that holds its text. */
    private static Problem refusedLink(TextFile file, String text) {
        int line = 0;
        if (!text.isBlank()) {
            int at = file.text().indexOf(text);
            line = at < 0 ? 0 : 1 + (int) file.text().substring(0, at).chars().filter(c -> c == '\n').count();
        }
        return Problem.at(file.name(), line, "the link '" + Problem.quote(text) + "' goes to a script or data address, not a web page"
                + " (不允许链接到脚本地址)", "link only to web pages (https://…) or to pages of this site");
    }

    /**
     * Makes the figures of this build available to the {@code ind:} macro, which links them to
     * their pages at {@code addresses}. Called once per build, before converting; the instance's
     * other extensions are replaced with it.
     */
    public synchronized void use(Indicators indicators, Addresses addresses) {
        this.indicators = indicators;
        this.addresses = addresses;
        engine.use(indicators, addresses);
    }

    /** Sets how long one file's conversion may take ({@code limits.conversion_seconds} in data/site.yaml). */
    public void limitEachConversionTo(java.time.Duration limit) {
        engine.limitEachConversionTo(limit);
    }

    /**
     * The Asciidoctor options every file is converted with (public so the benchmark's floor converts
     * with exactly the same ones).
     */
    public static org.asciidoctor.Options options(int year) {
        return AsciidoctorEngine.options(year);
    }

    /** Converts one file (the preview's quick update). */
    public Result convert(Job job) {
        // The cache keeps it, but the file on disk is left for the full build that follows this
        // quick update of the preview.
        List<Job> jobs = List.of(job);
        return convertEach(jobs, keys(jobs)).get(job.file().name());
    }

    /**
     * What the {@code ind:} macro will print for each figure {@code file} cites (value, wording,
     * indicator name, link, and the markup itself): part of the cache key, so a change to any of
     * them, including to the macro's code, never serves an old conversion.
     */
    private String citedFigures(TextFile file, int year) {
        Set<String> ids = new TreeSet<>(FigureReferences.in(file.text()).ids());
        StringBuilder sb = new StringBuilder();
        for (String id : ids) {
            sb.append(id).append('=');
            if (addresses != null) {
                FigureMacro.html(indicators, addresses, id, year).ifPresent(sb::append);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Waits until the conversions of the last {@link #convertAll} are stored on disk. */
    public void awaitSaved() {
        cache.awaitSaved();
    }

    @Override
    public synchronized void close() {
        cache.awaitSaved();
        engine.close();
    }
}
