package cn.fazhi.portal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import nu.validator.client.EmbeddedValidator;
import nu.validator.validation.SimpleDocumentValidator;

/**
 * Runs the Nu HTML Checker (vnu, Maven artifact {@code nu.validator:validator}) in-process over
 * generated HTML files and returns its <em>errors</em> (warnings and info messages are ignored).
 *
 * <p>Uses {@link SimpleDocumentValidator} the way vnu's own command-line client does: the HTML5
 * schema is set up once per instance and the validator is reused for every file (~3-10 ms per
 * page after warm-up; {@link EmbeddedValidator} rebuilds the schema on every call, ~250 ms per
 * page). Same schema ({@link EmbeddedValidator#SCHEMA_URL}) and messages as the W3C checker's
 * HTML mode; no network access (remote entities are not loaded, language detection is off).
 *
 * <p>Not thread-safe; use one instance per thread. Typical use:
 *
 * <pre>{@code
 * List<HtmlValidator.HtmlError> errors = HtmlValidator.validateDirectory(outputDir);
 * assertTrue(errors.isEmpty(), HtmlValidator.format(errors));
 * }</pre>
 */
public final class HtmlValidator {

    /** One validator error. {@code file} is relative to the validated directory (or as given). */
    public record HtmlError(Path file, int line, int column, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + message;
        }
    }

    private final SimpleDocumentValidator validator;
    private final Collector collector = new Collector();

    /** Sets up the HTML5 schema (about 0.3 s on first use in a JVM). */
    public HtmlValidator() {
        try {
            // (html5 schema, no XML/"polyglot" assertions, no language detection)
            validator = new SimpleDocumentValidator(true, false, true);
            validator.setUpMainSchema(EmbeddedValidator.SCHEMA_URL, new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            validator.setUpValidatorAndParsers(collector, false, false);
        } catch (Exception e) {
            throw new IllegalStateException("Could not initialise the Nu HTML Checker", e);
        }
    }

    /** Validates every {@code *.html} file under {@code dir} (recursively) with a fresh validator. */
    public static List<HtmlError> validateDirectory(Path dir) {
        return new HtmlValidator().validateAll(dir);
    }

    /**
     * Validates every {@code *.html} file under {@code dir} (recursively, sorted by path). The
     * {@link HtmlError#file()} of each error is relative to {@code dir}.
     *
     * @throws IllegalArgumentException if {@code dir} is not a directory
     */
    public List<HtmlError> validateAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Not a directory: " + dir);
        }
        List<HtmlError> errors = new ArrayList<>();
        for (Path file : htmlFiles(dir)) {
            errors.addAll(validate(file, dir.relativize(file)));
        }
        return Collections.unmodifiableList(errors);
    }

    /** Validates one HTML file; {@link HtmlError#file()} is {@code file} as given. */
    public List<HtmlError> validateFile(Path file) {
        return validate(file, file);
    }

    /** All {@code *.html} files under {@code dir}, recursively, sorted. */
    public static List<Path> htmlFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".html"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One error per line, for assertion messages. */
    public static String format(List<HtmlError> errors) {
        return errors.size() + " HTML error(s):\n"
                + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n"));
    }

    private List<HtmlError> validate(Path file, Path reportedName) {
        collector.start(reportedName);
        try {
            validator.checkHtmlFile(file.toFile(), true);
        } catch (SAXParseException e) {
            collector.add(e); // already reported through fatalError, normally; keep it anyway
        } catch (SAXException e) {
            collector.errors.add(new HtmlError(reportedName, 0, 0, "Checker failure: " + e));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return collector.finish();
    }

    /** Collects errors and fatal errors of the current file; warnings (incl. info) are ignored. */
    private static final class Collector implements ErrorHandler {
        private Path current;
        private List<HtmlError> errors = new ArrayList<>();

        void start(Path file) {
            current = file;
            errors = new ArrayList<>();
        }

        List<HtmlError> finish() {
            List<HtmlError> result = errors.stream().distinct().collect(Collectors.toUnmodifiableList());
            errors = new ArrayList<>();
            return result;
        }

        void add(SAXParseException e) {
            errors.add(new HtmlError(current, e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
        }

        @Override
        public void warning(SAXParseException e) {
            // warnings and "info" messages are not errors
        }

        @Override
        public void error(SAXParseException e) {
            add(e);
        }

        @Override
        public void fatalError(SAXParseException e) {
            add(e);
        }
    }
}
