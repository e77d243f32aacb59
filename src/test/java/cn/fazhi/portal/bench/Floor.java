package cn.fazhi.portal.bench;

import cn.fazhi.portal.load.Wording;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.ast.PhraseNode;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.InlineMacroProcessor;
import org.asciidoctor.extension.Name;
import org.asciidoctor.log.LogRecord;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark's floor: AsciidoctorJ alone converting every {@code .adoc} file of a source tree,
 * in one JVM with one Asciidoctor instance, the way {@code AsciiDocConverter} does it: the text
 * as a string, the same options and attributes, a log handler, and an equivalent {@code ind}
 * inline macro that prints the same {@code <a class="figure">} HTML from {@code data/<year>.yaml}.
 *
 * <p>Left out on purpose (they are the portal's own work, measured by the full build): loading and
 * validating, the paragraph anchors (jsoup), composing, JBake, open data, the link check, publishing.
 *
 * <pre>java -cp target/portal.jar:target/test-classes cn.fazhi.portal.bench.Floor SOURCE_DIR</pre>
 */
public final class Floor {

    private Floor() {
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        long start = System.nanoTime();
        Map<String, String> printed = figures(source.resolve("data"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source.resolve("content"))) {
            files = walk.filter(p -> p.toString().endsWith(".adoc")).sorted().toList();
        }
        long loaded = System.nanoTime();

        Asciidoctor asciidoctor = Asciidoctor.Factory.create();
        List<LogRecord> log = new ArrayList<>();
        asciidoctor.registerLogHandler(log::add);
        asciidoctor.javaExtensionRegistry().inlineMacro(new Ind(printed));
        long created = System.nanoTime();

        long bytes = 0;
        int warnings = 0;
        for (Path file : files) {
            String folder = file.getParent().getFileName().toString();
            log.clear();
            // Exactly the options the build converts with; site pages (content/pages) belong to no year.
            Options options = cn.fazhi.portal.render.AsciiDocConverter.options(folder.matches("\\d{4}") ? Integer.parseInt(folder) : 0);
            String html = asciidoctor.convert(Files.readString(file, StandardCharsets.UTF_8), options);
            bytes += html.length();
            warnings += log.size();
        }
        long converted = System.nanoTime();
        asciidoctor.shutdown();
        System.out.printf("floor: %d files, %d chars of HTML, %d log records; read %.2f s, Asciidoctor.create %.2f s, convert %.2f s%n",
                files.size(), bytes, warnings, (loaded - start) / 1e9, (created - loaded) / 1e9, (converted - created) / 1e9);
    }

    /** {@code "<id>@<year>"} to the figure's HTML, exactly as the portal's FigureMacro prints it. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> figures(Path data) throws IOException {
        Map<String, String> html = new HashMap<>();
        List<Path> years;
        try (Stream<Path> s = Files.list(data)) {
            years = s.filter(p -> p.getFileName().toString().matches("\\d{4}\\.yaml")).sorted().toList();
        }
        Map<String, String> names = new HashMap<>();
        Map<String, Object> definitions = new Yaml().load(Files.readString(data.resolve("indicators.yaml"), StandardCharsets.UTF_8));
        for (Map<String, Object> d : (List<Map<String, Object>>) definitions.getOrDefault("indicators", List.of())) {
            names.put(String.valueOf(d.get("id")), String.valueOf(d.get("name")));
        }
        for (Path file : years) {
            Map<String, Object> doc = new Yaml().load(Files.readString(file, StandardCharsets.UTF_8));
            String year = String.valueOf(doc.get("year"));
            for (Map<String, Object> v : (List<Map<String, Object>>) doc.get("values")) {
                String id = (String) v.get("indicator");
                BigDecimal value = new BigDecimal(String.valueOf(v.get("value")));
                Wording wording = Wording.parse(String.valueOf(v.getOrDefault("wording", "N"))).orElseThrow();
                html.put(id + "@" + year, "<a class=\"figure\" href=\"../indicators/" + id + ".html\" data-indicator=\"" + id
                        + "\"><data value=\"" + wording.quantity(value).toPlainString() + "\">" + wording.print(value) + "</data>"
                        + "<span class=\"visually-hidden\">" + org.jsoup.nodes.Entities.escape("（指标：" + names.getOrDefault(id, id) + "）")
                        + "</span></a>");
            }
        }
        return html;
    }

    @Name("ind")
    static final class Ind extends InlineMacroProcessor {
        private final Map<String, String> printed;

        Ind(Map<String, String> printed) {
            this.printed = printed;
        }

        @Override
        public PhraseNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
            String year = String.valueOf(parent.getDocument().getAttribute("portal-year"));
            String html = printed.get(target + "@" + year);
            if (html == null) {
                throw new IllegalStateException("no " + year + " value for indicator " + target);
            }
            return createPhraseNode(parent, "quoted", html);
        }
    }
}
