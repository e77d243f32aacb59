package cn.fazhi.portal.render;

import cn.fazhi.portal.load.Indicators;
import cn.fazhi.portal.load.TextFile;
import cn.fazhi.portal.problems.Problem;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

import cn.fazhi.portal.load.References;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.List;

/**
 * Converts one AsciiDoc source file to an HTML fragment with AsciidoctorJ.
 *
 * <p>One Asciidoctor instance serves the whole process: creating it starts JRuby, which costs
 * seconds, so it is created on first use only and reused by later builds in {@code serve}.
 * Asciidoctor's warnings (a missing attribute, a section out of sequence...) are editor mistakes,
 * so they are returned as problems with the file's own line numbers.
 */
public final class AsciiDocConverter implements AutoCloseable {

    /** AsciidoctorJ's java.util.logging logger; held here so the level set on it is not collected with it. */
    private static final java.util.logging.Logger ASCIIDOCTOR_JUL = java.util.logging.Logger.getLogger("asciidoctor");

    private Asciidoctor asciidoctor;
    /** Asciidoctor being created in the background by {@link #startIfCold}, or null. */
    private CompletableFuture<Asciidoctor> starting;
    /** Asciidoctor calls the log handler on the converting thread, so each thread collects its own. */
    private final ThreadLocal<List<LogRecord>> log = ThreadLocal.withInitial(ArrayList::new);
    /** The file the converting thread converts, for the raw-HTML rule. */
    private final ThreadLocal<RawHtmlRule.Scope> converting = new ThreadLocal<>();
    /** How long one file's conversion may take (README, "Security"). */
    private Deadline deadline = new Deadline(DEFAULT_TIME_LIMIT);
    private final ConversionCache cache;
    /** Until a site's own limit is set: far beyond any real report file (the largest converts in well under a second). */
    private static final java.time.Duration DEFAULT_TIME_LIMIT = java.time.Duration.ofSeconds(60);
    private Indicators indicators = Indicators.NONE;
    private Indicators registered;

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
                engine();
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
                finishing.add(post.submit(() -> results.put(job.file().name(), finish(job, key, new Raw(html, List.of()), false))));
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
        results.put(first.file().name(), finish(first, keys.get(first), convertRaw(first.file(), first.year()), true));
        List<Job> rest = misses.subList(1, misses.size());
        int threads = Math.max(1, Math.min(rest.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> daemon(r, "asciidoctor"));
        try {
            List<Future<Future<?>>> running = new ArrayList<>();
            for (Job job : rest) {
                running.add(pool.submit(() -> {
                    Raw raw = convertRaw(job.file(), job.year());
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
        return ConversionCache.key(ConversionCache.FORMAT, ASCIIDOCTORJ, job.file().text(), String.valueOf(job.year()),
                job.anchorPrefix(), String.valueOf(job.nesting()), citedFigures(job.file(), job.year()));
    }

    /** Asciidoctor's HTML for one file and the problems it logged. */
    private record Raw(String html, List<Problem> problems) {
    }

    /**
     * Cleans, anchors and (when there were no problems) stores a converted file: what every
     * conversion goes through before it is used, fresh or read back from the cache on disk. A fresh
     * conversion's links that the cleaning had to disarm are the editor's to fix.
     */
    private Result finish(Job job, String key, Raw raw, boolean fresh) {
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
        return Problem.at(file.name(), line, "the link '" + text + "' goes to a script or data address, not a web page"
                + " (不允许链接到脚本地址)", "link only to web pages (https://…) or to pages of this site");
    }

    /**
     * Makes the figures of this build available to the {@code ind:} macro. Called once per build,
     * before converting; the instance's other extensions are replaced with it.
     */
    public synchronized void use(Indicators indicators) {
        this.indicators = indicators;
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
        Matcher m = References.MACRO.matcher(file.text());
        Set<String> ids = new TreeSet<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        StringBuilder sb = new StringBuilder();
        for (String id : ids) {
            sb.append(id).append('=');
            indicators.figure(id, year).ifPresent(f -> sb.append(f.printed()).append('|').append(f.quantity().toPlainString()));
            sb.append('\n');
        }
        return sb.toString();
    }

    private Raw convertRaw(TextFile file, int year) {
        List<Problem> problems = new ArrayList<>();
        List<LogRecord> log = this.log.get();
        log.clear();
        RawHtmlRule.Scope scope = RawHtmlRule.Scope.of(file.text());
        converting.set(scope);
        Options options = options(year);
        Optional<String> converted;
        try {
            converted = deadline.within(() -> asciidoctor.convert(file.text(), options));
        } catch (StackOverflowError e) {
            return new Raw("", List.of(Problem.at(file.name(), 0, "the file nests blocks or lists too deeply to be read (嵌套层次过深)",
                    "nest lists and blocks at most a few levels deep")));
        } finally {
            converting.remove();
        }
        if (converted.isEmpty()) {
            return new Raw("", List.of(tooSlow(file)));
        }
        for (RawHtmlRule.Finding f : scope.found()) {
            problems.add(Problem.at(file.name(), f.line(), f.message(), f.hint()));
        }
        for (LogRecord record : log) {
            if (record.getSeverity().ordinal() >= Severity.WARN.ordinal()) {
                int line = record.getCursor() == null ? 0 : record.getCursor().getLineNumber();
                problems.add(Problem.at(file.name(), line, "AsciiDoc: " + record.getMessage(),
                        "see the AsciiDoc notes in README.md"));
            }
        }
        return new Raw(converted.get(), problems);
    }

    /** A conversion past the time limit, at the file's longest line (a crafted line is the usual cause). */
    private Problem tooSlow(TextFile file) {
        String[] lines = file.text().split("\n", -1);
        int longest = 0;
        for (int i = 1; i < lines.length; i++) {
            longest = lines[i].length() > lines[longest].length() ? i : longest;
        }
        return Problem.at(file.name(), longest + 1, "converting this file took longer than " + deadline.limit().toSeconds()
                        + " s and was stopped; its longest line has " + lines[longest].length() + " characters (转换超时)",
                "split very long lines and paragraphs, and look for long runs of *, _ or ` characters");
    }

    /** Sets how long one file's conversion may take ({@code limits.conversion_seconds} in data/site.yaml). */
    public synchronized void limitEachConversionTo(java.time.Duration limit) {
        if (!limit.equals(deadline.limit())) {
            deadline.close();
            deadline = new Deadline(limit);
        }
    }

    /**
     * The Asciidoctor options every file is converted with (public so the benchmark's floor converts
     * with exactly the same ones).
     */
    public static Options options(int year) {
        return Options.builder()
                // SECURE: no file system access from content (includes, docinfo). include:: and raw
                // HTML are refused with a message before conversion (load.SourceRules).
                .safe(SafeMode.SECURE)
                .standalone(false)
                .sourcemap(true) // source lines for the raw-HTML rule
                .attributes(Attributes.builder()
                        .attribute("attribute-missing", "warn")
                        .attribute("reproducible", "")
                        .attribute("sectids", "")
                        .attribute("idprefix", "")
                        .attribute("idseparator", "-")
                        .attribute(FigureMacro.YEAR_ATTRIBUTE, String.valueOf(year))
                        .build())
                .build();
    }

    /**
     * Starts creating Asciidoctor in the background when every file will have to be converted
     * anyway (nothing is cached, as in a first build or on CI): the JRuby start takes seconds and
     * then overlaps with loading and validating the sources instead of following it. With cached
     * conversions nothing starts, so a build that converts nothing never starts JRuby.
     */
    public synchronized void startIfCold() {
        if (asciidoctor != null || starting != null || !cache.isEmpty()) {
            return;
        }
        starting = CompletableFuture.supplyAsync(Asciidoctor.Factory::create, task -> daemon(task, "asciidoctor-start").start());
    }

    private Asciidoctor engine() {
        if (asciidoctor == null) {
            if (starting != null) {
                try {
                    asciidoctor = starting.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } finally {
                    starting = null;
                }
            } else {
                asciidoctor = Asciidoctor.Factory.create();
            }
            asciidoctor.registerLogHandler(record -> log.get().add(record));
            // AsciidoctorJ also hands every record to java.util.logging, which printed it to the
            // editor's terminal with a time stamp and Ruby source names, before our own message.
            ASCIIDOCTOR_JUL.setLevel(java.util.logging.Level.OFF);
        }
        if (registered != indicators) {
            if (registered != null) {
                asciidoctor.unregisterAllExtensions();
            }
            asciidoctor.javaExtensionRegistry().inlineMacro(new FigureMacro(indicators));
            asciidoctor.javaExtensionRegistry().treeprocessor(new RawHtmlRule(converting));
            registered = indicators;
        }
        return asciidoctor;
    }

    /**
     * The versions of AsciidoctorJ and of the Asciidoctor it runs, part of every cache key, read
     * from the file AsciidoctorJ ships for it (its Maven metadata is not in every release).
     */
    private static final String ASCIIDOCTORJ = asciidoctorjVersion();

    static String asciidoctorjVersion() {
        try (var in = Asciidoctor.class.getResourceAsStream("/META-INF/asciidoctorj-version.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version.asciidoctorj", "unknown") + "/" + p.getProperty("version.asciidoctor", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Waits until the conversions of the last {@link #convertAll} are stored on disk. */
    public void awaitSaved() {
        cache.awaitSaved();
    }

    @Override
    public synchronized void close() {
        cache.awaitSaved();
        deadline.close();
        if (starting != null) {
            // A build that failed before converting: do not wait for JRuby, stop it once it is up.
            starting.thenAccept(Asciidoctor::shutdown);
            starting = null;
        }
        if (asciidoctor != null) {
            asciidoctor.shutdown();
            asciidoctor = null;
        }
    }
}
