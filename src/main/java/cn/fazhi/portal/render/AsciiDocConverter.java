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

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Converts one AsciiDoc source file to an HTML fragment with AsciidoctorJ.
 *
 * <p>One Asciidoctor instance serves the whole process: creating it starts JRuby, which costs
 * seconds, so it is created on first use only and reused by later builds in {@code serve}.
 * Asciidoctor's warnings (a missing attribute, a section out of sequence...) are editor mistakes,
 * so they are returned as problems with the file's own line numbers.
 */
public final class AsciiDocConverter implements AutoCloseable {

    private static final Pattern INCLUDE = Pattern.compile("^include::.*\\[.*]\\s*$");

    private Asciidoctor asciidoctor;
    private final List<LogRecord> log = new ArrayList<>();

    /** The result of one conversion: the HTML fragment and the problems found. */
    public record Result(String html, List<Problem> problems) {
    }

    /**
     * Makes the figures of this build available to the {@code ind:} macro. Called once per build,
     * before converting; the instance's other extensions are replaced with it.
     */
    public synchronized void use(Indicators indicators) {
        Asciidoctor engine = engine();
        engine.unregisterAllExtensions();
        engine.javaExtensionRegistry().inlineMacro(new FigureMacro(indicators));
    }

    /**
     * @param year the report year the file belongs to; its figures are the ones {@code ind:} prints
     * @param anchorPrefix prefix of the paragraphs' stable anchors ({@code disputes} gives {@code disputes-p1}…)
     */
    public synchronized Result convert(TextFile file, int year, String anchorPrefix) {
        List<Problem> problems = new ArrayList<>(refusedLines(file));
        log.clear();
        Options options = Options.builder()
                // SECURE: no file system access from content (includes, docinfo); we refuse include:: ourselves
                // above so the editor gets a message instead of a silent link.
                .safe(SafeMode.SECURE)
                .standalone(false)
                .attributes(Attributes.builder()
                        .attribute("attribute-missing", "warn")
                        .attribute("reproducible", "")
                        .attribute("sectids", "")
                        .attribute("idprefix", "")
                        .attribute("idseparator", "-")
                        .attribute(FigureMacro.YEAR_ATTRIBUTE, String.valueOf(year))
                        .build())
                .build();
        String html = engine().convert(file.text(), options);
        for (LogRecord record : log) {
            if (record.getSeverity().ordinal() >= Severity.WARN.ordinal()) {
                int line = record.getCursor() == null ? 0 : record.getCursor().getLineNumber();
                problems.add(Problem.at(file.name(), line, "AsciiDoc: " + record.getMessage(),
                        "see the AsciiDoc notes in README.md"));
            }
        }
        return new Result(HtmlFragments.anchorParagraphs(html, anchorPrefix), problems);
    }

    private static List<Problem> refusedLines(TextFile file) {
        List<Problem> problems = new ArrayList<>();
        String[] lines = file.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (INCLUDE.matcher(lines[i]).matches()) {
                problems.add(Problem.at(file.name(), i + 1, "include:: is not allowed in report files (不允许引用其他文件)",
                        "put the text itself into this section file"));
            }
        }
        return problems;
    }

    private Asciidoctor engine() {
        if (asciidoctor == null) {
            asciidoctor = Asciidoctor.Factory.create();
            asciidoctor.registerLogHandler(log::add);
        }
        return asciidoctor;
    }

    @Override
    public synchronized void close() {
        if (asciidoctor != null) {
            asciidoctor.shutdown();
            asciidoctor = null;
        }
    }
}
