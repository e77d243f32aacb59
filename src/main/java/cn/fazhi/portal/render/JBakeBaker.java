package cn.fazhi.portal.render;

import cn.fazhi.portal.load.SourceTree;
import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.ProblemsException;
import cn.fazhi.portal.pages.Page;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.jbake.app.Oven;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bakes the composed pages with JBake and the editors' Freemarker templates.
 *
 * <p>Each page is staged as a YAML <em>content</em> file whose fields are the page's model (see
 * the research notes: JBake renders YAML content with {@code template.<type>.file}, and the
 * pages are ordinary documents). The HTML bodies were converted before, once, so JBake never
 * parses AsciiDoc itself; JBake's own index, feed, archive, tag and sitemap pages are off.
 */
public final class JBakeBaker {

    private static final Pattern TEMPLATE_ERROR =
            Pattern.compile("(?s)in template \"([^\"]+)\" at line (\\d+)");

    // Map entries sorted by key: a model built with Map.of (whose order changes from JVM to JVM)
    // still stages the same bytes, so the whole build, work files included, is reproducible.
    private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build())
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /**
     * @param pages the pages to bake
     * @param tree the editors' sources (templates and assets are used from there)
     * @param work a scratch folder for the staged content, emptied first
     * @param output the folder the pages and assets are written to
     */
    public void bake(List<Page> pages, SourceTree tree, Path work, Path output) {
        Path content = work.resolve("content");
        Path data = work.resolve("data");
        try {
            FileTrees.deleteRecursively(work);
            Files.createDirectories(content);
            Files.createDirectories(data);
            for (Page page : pages) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("type", page.type());
                doc.put("status", "published");
                doc.putAll(page.model());
                Path file = content.resolve(page.path().replaceAll("\\.html$", ".yaml"));
                Files.createDirectories(file.getParent());
                yaml.writeValue(file.toFile(), doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> types = new TreeSet<>();
        pages.forEach(p -> types.add(p.type()));
        for (String type : types) {
            if (!Files.isRegularFile(tree.templates().resolve(type + ".ftl"))) {
                throw new ProblemsException(Problem.at("templates/" + type + ".ftl", 0,
                        "the template for '" + type + "' pages is missing", "restore it from git: git checkout -- templates/"));
            }
        }
        DefaultJBakeConfiguration config = new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(work.toFile(), output.toFile(), true);
        config.setContentFolder(content.toFile());
        config.setDataFolder(data.toFile());
        config.setTemplateFolder(tree.templates().toFile());
        config.setAssetFolder(tree.assets().toFile());
        config.setDatabaseStore("memory");
        for (String type : types) {
            config.setTemplateFileNameForDocType(type, type + ".ftl");
        }
        for (String off : List.of("index", "feed", "archive", "tags", "tagsindex", "sitemap", "error404")) {
            config.setProperty("render." + off, false);
        }
        // Exporting every JVM property into AsciiDoc attributes is a leak we do not want (research note 1).
        config.setProperty("asciidoctor.attributes.export", false);
        config.setProperty("render.encoding", "UTF-8");
        config.setProperty("template.encoding", "UTF-8");
        config.setProperty("jvm.locale", "zh_CN");
        config.setProperty("freemarker.timezone", "UTC");

        quietOrientDb();
        Oven oven = new Oven(config);
        try {
            oven.bake();
        } catch (RuntimeException e) {
            throw new ProblemsException(templateProblem(String.valueOf(e.getMessage())));
        }
        if (!oven.getErrors().isEmpty()) {
            throw new ProblemsException(oven.getErrors().stream()
                    .map(t -> templateProblem(String.valueOf(t.getMessage()))).distinct().toList());
        }
    }

    /**
     * OrientDB logs through java.util.logging, straight to the console; routing it into SLF4J lets
     * logback.xml keep it quiet, so a build prints a few lines an editor can read.
     */
    private static void quietOrientDb() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /** Freemarker names the template and line in its message; editors get that, not a stack trace. */
    static Problem templateProblem(String message) {
        Matcher m = TEMPLATE_ERROR.matcher(message);
        String first = message.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("Failed to render") && !l.startsWith("----")
                        && !l.startsWith("==>") && !l.startsWith("FTL stack trace"))
                .findFirst().orElse(message);
        if (m.find()) {
            return Problem.at("templates/" + m.group(1), Integer.parseInt(m.group(2)),
                    "template error: " + first, "undo the last change to this template, or see the Freemarker manual");
        }
        return Problem.at("templates", 0, "page rendering failed: " + first, "run with --verbose for details");
    }
}
