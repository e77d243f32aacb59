package cn.fazhi.portal.bake;

import cn.fazhi.portal.Parallel;
import cn.fazhi.portal.load.SourceTree;
import cn.fazhi.portal.output.OutputFile;
import cn.fazhi.portal.pages.Page;
import cn.fazhi.portal.problems.ProblemsException;
import cn.fazhi.portal.theme.Theme;
import cn.fazhi.portal.render.ContentKey;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.template.model.TemplateModel;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The {@code bake} stage: lays every composed page out with the Freemarker templates
 * ({@code templates/<template>.ftl}: the source's own, else the built-in theme's), through JBake's
 * configuration and template-engine interface,
 * into files of the output catalog. Pages are baked on all cores ({@link Parallel}); the page models
 * are immutable and Freemarker's templates are safe to share between threads.
 *
 * <p>JBake is used for what it gives a site whose pages are already composed: its configuration
 * (folders, encodings, time zone) and its template model ({@code content}, {@code config},
 * {@code version}). Its {@code Oven} crawl and OrientDB content store are not used (our pages already
 * know their neighbours and tables), nor its {@code Renderer} and asset copy, which write to disk
 * themselves: here only the publish stage writes.
 */
public final class Baker {

    private final SourceTree tree;
    private final Theme theme;
    private final DefaultJBakeConfiguration config;
    private final Map<String, Object> configValues;
    private final SandboxedFreemarker engine;
    private final Assets assets;

    /**
     * Reads JBake's configuration and prepares the templates of {@code tree} over those of {@code theme}.
     *
     * @param assets the site's assets, whose addresses with their versions templates link to ({@code assets})
     */
    public Baker(SourceTree tree, Theme theme, Assets assets) {
        this.tree = tree;
        this.theme = theme;
        this.assets = assets;
        // JBake's destination setting is read only by its Renderer and asset copy, which are not used.
        this.config = new JBakeConfigurationFactory().createDefaultJbakeConfiguration(tree.root().toFile(),
                tree.root().toFile(), false);
        config.setTemplateFolder(tree.templates().toFile());
        config.setProperty("render.encoding", "UTF-8");
        config.setProperty("template.encoding", "UTF-8");
        config.setProperty("freemarker.timezone", "UTC");
        this.configValues = Collections.unmodifiableMap(withoutSystemProperties(config.asHashMap()));
        this.engine = new SandboxedFreemarker(config, theme);
    }

    /**
     * JBake's settings without the Java system properties it copies into them ({@code java.class.path}
     * as {@code java_class_path}, the command line, the home folder, the JVM's flags...): a page must
     * not depend on how the JVM was started (a build with {@code --verbose}, or in the relaunched
     * JVM, would lay out every page anew), and they are no business of a public page. No template
     * of the theme reads {@code config}.
     */
    private static Map<String, Object> withoutSystemProperties(Map<String, Object> settings) {
        Map<String, Object> kept = new HashMap<>(settings);
        System.getProperties().stringPropertyNames().forEach(p -> kept.remove(p.replace('.', '_')));
        return kept;
    }

    /**
     * What {@link #bake(List, PageCache)} made: every page in the pages' order, and the
     * paths of those laid out anew (the others were published before with the same key).
     */
    public record Baked(List<OutputFile> files, List<String> remade) {
    }

    /**
     * Every page, in the pages' order: those {@code cache} holds under the same key as published,
     * the others laid out.
     *
     * @throws ProblemsException naming the template and line of each page that could not be made
     */
    public Baked bake(List<Page> pages, PageCache given) {
        Optional<String> known = layout(given.code());
        PageCache cache = known.isPresent() ? given : PageCache.none(); // a template unreadable: lay out every page
        String layout = known.orElse("");
        record One(OutputFile file, boolean remade) {
        }
        // Parallel rethrows the first failure in the pages' order: the same page's problem every time.
        List<One> done = Parallel.map(pages, page -> {
            String key = cache.keeps() ? PageCache.key(layout, page) : "";
            Optional<OutputFile> kept = cache.reuse(page.path(), key);
            OutputFile file = kept.orElseGet(() -> bakeOne(page));
            cache.made(key, file);
            return new One(file, kept.isEmpty());
        });
        return new Baked(done.stream().map(One::file).toList(),
                done.stream().filter(One::remade).map(o -> o.file().path()).toList());
    }

    /**
     * What every page's bytes depend on besides its model: the portal's code, JBake's configuration
     * values and version (templates can show them), the assets' versioned addresses (every page
     * links the style sheet and scripts), and every template file a page can use: all
     * files under the source's templates/ and the built-in theme's, by name and bytes. Empty when a
     * template file cannot be read: then no page is kept.
     */
    Optional<String> layout(String code) {
        List<String> parts = new ArrayList<>(List.of(code, String.valueOf(config.getVersion())));
        assets.addresses().forEach((path, address) -> {
            parts.add("asset/" + path);
            parts.add(address);
        });
        new TreeMap<>(configValues).forEach((k, v) -> {
            parts.add(k);
            parts.add(String.valueOf(v));
        });
        Path templates = tree.templates();
        if (Files.isDirectory(templates)) {
            try (Stream<Path> walk = Files.walk(templates)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    parts.add("source/" + templates.relativize(f).toString().replace('\\', '/'));
                    parts.add(ContentKey.of(Files.readAllBytes(f)));
                }
            } catch (IOException | UncheckedIOException e) {
                return Optional.empty(); // the scan or the bake reports the file
            }
        }
        theme.in("templates").forEach(f -> {
            parts.add("theme/" + f.name());
            parts.add(ContentKey.of(f.bytes()));
        });
        return Optional.of(ContentKey.of(parts.toArray(String[]::new)));
    }

    /** One page, laid out (the preview's quick update of an edited section bakes it alone). */
    public OutputFile bakeOne(Page page) {
        TemplateModel model = new TemplateModel();
        model.put("content", page.model());
        model.put("assets", assets.addresses());
        model.setConfig(configValues);
        model.setVersion(config.getVersion());
        StringWriter html = new StringWriter();
        try {
            engine.renderDocument(model, page.template() + ".ftl", html);
        } catch (Exception e) {
            throw new ProblemsException(TemplateProblems.of(page.path(), e,
                    name -> Files.isRegularFile(tree.templates().resolve(name)),
                    name -> theme.file("templates/" + name).isPresent()));
        }
        return OutputFile.text(page.path(), html.toString());
    }
}
