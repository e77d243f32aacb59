package cn.fazhi.portal.render;

import cn.fazhi.portal.load.Indicators;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Converts a build's AsciiDoc files to HTML fragments: those not in the cache in parallel on all
 * cores (one {@link AsciidoctorEngine} serves every thread), each result cleaned and prepared once
 * ({@link HtmlFragments#prepare}), fresh or read back from the cache.
 */
public final class AsciiDocConverter implements AutoCloseable {

    private final AsciidoctorEngine engine = new AsciidoctorEngine();
    private final ConversionCache cache;
    private Indicators indicators = Indicators.NONE;

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
            if (!misses.isEmpty()) {
                engine.ready();
            }
        }
        if (stored.isEmpty() && misses.isEmpty()) {
            return results;
        }
        // JRuby threads only convert; cleaning and anchoring the HTML (jsoup) and storing it run on
        // plain Java threads: one beside the converting JRuby threads (two of those leave part of
        // the two cores idle), all cores when nothing needs converting.
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService post = Executors.newFixedThreadPool(misses.isEmpty() ? cores : 1, r -> daemon(r, "portal-html"));
        try {
            List<Future<?>> finishing = new ArrayList<>();
            for (Job job : stored) {
                String key = keys.get(job);
                String html = cache.converted(key).orElseThrow();
                finishing.add(post.submit(() -> results.put(job.file().name(), finish(job, key, new AsciidoctorEngine.Raw(html, List.of()), false))));
            }
            convertMisses(misses, keys, results, post, finishing);
            for (Future<?> f : finishing) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while converting", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            post.shutdownNow();
        }
        return results;
    }

    /** Converts {@code misses} on all cores; each result is finished on {@code post}. */
    private void convertMisses(List<Job> misses, Map<Job, String> keys, Map<String, Result> results, ExecutorService post,
                               List<Future<?>> finishing) throws InterruptedException, ExecutionException {
        if (misses.isEmpty()) {
            return;
        }
        // The first conversion runs alone: Asciidoctor sets up the extension's Ruby side lazily, and
        // doing that on two threads at once makes JRuby print a warning about a redefined constant.
        Job first = misses.get(0);
        results.put(first.file().name(), finish(first, keys.get(first), engine.convert(first.file(), first.year()), true));
        List<Job> rest = misses.subList(1, misses.size());
        int threads = Math.max(1, Math.min(rest.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> daemon(r, "asciidoctor"));
        try {
            List<Future<Future<?>>> running = new ArrayList<>();
            for (Job job : rest) {
                running.add(pool.submit(() -> {
                    AsciidoctorEngine.Raw raw = engine.convert(job.file(), job.year());
                    return post.submit(() -> results.put(job.file().name(), finish(job, keys.get(job), raw, true)));
                }));
            }
            for (Future<Future<?>> f : running) {
                finishing.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
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
     * Makes the figures of this build available to the {@code ind:} macro. Called once per build,
     * before converting; the instance's other extensions are replaced with it.
     */
    public synchronized void use(Indicators indicators) {
        this.indicators = indicators;
        engine.use(indicators);
    }

    /** Sets how long one file's conversion may take ({@code limits.conversion_seconds} in data/site.yaml). */
    public void limitEachConversionTo(java.time.Duration limit) {
        engine.limitEachConversionTo(limit);
    }

    /**
     * Starts creating Asciidoctor in the background when every file will have to be converted
     * anyway (nothing is cached, as in a first build or on CI): the JRuby start takes seconds and
     * then overlaps with loading and validating the sources instead of following it. With cached
     * conversions nothing starts, so a build that converts nothing never starts JRuby.
     */
    public synchronized void startIfCold() {
        if (cache.isEmpty()) {
            engine.start();
        }
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

    /** The values of the figures {@code file} cites, as the macro will print them: part of the cache key. */
    private String citedFigures(TextFile file, int year) {
        Set<String> ids = new TreeSet<>(FigureReferences.in(file.text()).ids());
        StringBuilder sb = new StringBuilder();
        for (String id : ids) {
            sb.append(id).append('=');
            indicators.figure(id, year).ifPresent(f -> sb.append(f.printed()).append('|').append(f.quantity().toPlainString()));
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
