package cn.fazhi.portal.bake;

import cn.fazhi.portal.Parallel;
import cn.fazhi.portal.load.SourceTree;
import cn.fazhi.portal.output.OutputFile;
import cn.fazhi.portal.pages.Page;
import cn.fazhi.portal.problems.ProblemsException;
import cn.fazhi.portal.theme.Theme;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.template.model.TemplateModel;

import java.io.StringWriter;
import java.nio.file.Files;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** Reads JBake's configuration and prepares the templates of {@code tree} over those of {@code theme}. */
    public Baker(SourceTree tree, Theme theme) {
        this.tree = tree;
        this.theme = theme;
        // JBake's destination setting is read only by its Renderer and asset copy, which are not used.
        this.config = new JBakeConfigurationFactory().createDefaultJbakeConfiguration(tree.root().toFile(),
                tree.root().toFile(), false);
        config.setTemplateFolder(tree.templates().toFile());
        config.setProperty("render.encoding", "UTF-8");
        config.setProperty("template.encoding", "UTF-8");
        config.setProperty("freemarker.timezone", "UTC");
        this.configValues = Collections.unmodifiableMap(new HashMap<>(config.asHashMap()));
        this.engine = new SandboxedFreemarker(config, theme);
    }

    /**
     * Every page, laid out, in the pages' order.
     *
     * @throws ProblemsException naming the template and line of each page that could not be made
     */
    public List<OutputFile> bake(List<Page> pages) {
        // Parallel rethrows the first failure in the pages' order: the same page's problem every time.
        return Parallel.map(pages, this::bakeOne);
    }

    /** One page, laid out (the preview's quick update of an edited section bakes it alone). */
    public OutputFile bakeOne(Page page) {
        TemplateModel model = new TemplateModel();
        model.put("content", page.model());
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
