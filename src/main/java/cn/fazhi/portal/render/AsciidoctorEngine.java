package cn.fazhi.portal.render;

import cn.fazhi.portal.load.Indicators;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.load.TextFile;
import cn.fazhi.portal.problems.Problem;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The process's one Asciidoctor: creating it starts JRuby, which costs seconds, so it is created
 * once (in the background when a build will convert everything) and reused by later builds in
 * {@code serve}. It converts one file at a time per thread, with the portal's extensions (the
 * {@code ind:} macro for the current figures, the raw-HTML rule), within the time limit, and
 * returns Asciidoctor's HTML with the problems found: its warnings (a missing attribute, a section
 * out of sequence...) and the rule's findings, at the file's own line numbers.
 */
final class AsciidoctorEngine implements AutoCloseable {

    /** AsciidoctorJ's java.util.logging logger; held here so the level set on it is not collected with it. */
    private static final java.util.logging.Logger ASCIIDOCTOR_JUL = java.util.logging.Logger.getLogger("asciidoctor");
    /** Until a site's own limit is set: far beyond any real report file (the largest converts in well under a second). */
    private static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

    private Asciidoctor asciidoctor;
    /** Asciidoctor calls the log handler on the converting thread, so each thread collects its own. */
    private final ThreadLocal<List<LogRecord>> log = ThreadLocal.withInitial(ArrayList::new);
    /** The file the converting thread converts, for the raw-HTML rule. */
    private final ThreadLocal<RawHtmlRule.Scope> converting = new ThreadLocal<>();
    /** How long one file's conversion may take (README, "Security"). */
    private Deadline deadline = new Deadline(DEFAULT_TIME_LIMIT);
    private Indicators indicators = Indicators.NONE;
    private Addresses addresses;
    private Indicators registered;
    private Addresses registeredAt;

    /** Asciidoctor's HTML for one file and the problems found in it. */
    record Raw(String html, List<Problem> problems) {
    }

    /** The figures the {@code ind:} macro prints from now on, and where their pages are. */
    synchronized void use(Indicators indicators, Addresses addresses) {
        this.indicators = indicators;
        this.addresses = addresses;
    }

    /** Waits until Asciidoctor is ready, with the extensions for the current figures. */
    synchronized void ready() {
        engine();
    }

    /** Converts one file ({@link #ready} first). */
    Raw convert(TextFile file, int year) {
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
                        "see the editors' guide 编辑指南, 添加一个部分或小节"));
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
    synchronized void limitEachConversionTo(Duration limit) {
        if (!limit.equals(deadline.limit())) {
            deadline.close();
            deadline = new Deadline(limit);
        }
    }

    /**
     * The Asciidoctor options every file is converted with.
     */
    static Options options(int year) {
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

    private Asciidoctor engine() {
        if (asciidoctor == null) {
            asciidoctor = Asciidoctor.Factory.create();
            asciidoctor.registerLogHandler(record -> log.get().add(record));
            // AsciidoctorJ also hands every record to java.util.logging, which printed it to the
            // editor's terminal with a time stamp and Ruby source names, before our own message.
            ASCIIDOCTOR_JUL.setLevel(java.util.logging.Level.OFF);
        }
        if (registered != indicators || registeredAt != addresses) {
            if (registered != null) {
                asciidoctor.unregisterAllExtensions();
            }
            asciidoctor.javaExtensionRegistry().inlineMacro(new FigureMacro(indicators, addresses));
            asciidoctor.javaExtensionRegistry().treeprocessor(new RawHtmlRule(converting));
            registered = indicators;
            registeredAt = addresses;
        }
        return asciidoctor;
    }

    /**
     * The versions of AsciidoctorJ and of the Asciidoctor it runs (part of every conversion cache key), read
     * from the file AsciidoctorJ ships for it (its Maven metadata is not in every release).
     */
    static final String VERSION = asciidoctorjVersion();

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

    @Override
    public synchronized void close() {
        deadline.close();
        if (asciidoctor != null) {
            asciidoctor.shutdown();
            asciidoctor = null;
        }
    }
}
