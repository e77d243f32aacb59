package cn.fazhi.portal.render;

import cn.fazhi.portal.load.SourceTree;
import cn.fazhi.portal.pages.Page;
import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.ProblemsException;
import freemarker.template.Configuration;
import freemarker.template.SimpleHash;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.DefaultMemberAccessPolicy;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import org.jbake.app.Asset;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.model.DocumentModel;
import org.jbake.template.DelegatingTemplateEngine;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bakes the composed pages with JBake's {@link Renderer} and the editors' Freemarker templates, and
 * copies the assets with JBake's {@link Asset}.
 *
 * <p>We hand JBake finished page models instead of letting its {@code Oven} crawl files into
 * OrientDB: our pages already know their neighbours and tables, so the crawl, the database and
 * JBake's per-document-type O(n²) previous/next look-up (research notes, section 6) would be pure
 * cost. The templates do not query JBake's database, so no content store is made (nor shipped).
 */
public final class JBakeBaker {

    private static final Pattern TEMPLATE_ERROR =
            Pattern.compile("(?s)in template \"([^\"]+)\" (?:at|in) line (\\d+)"); // a run-time error, a syntax error

    private final SourceTree tree;
    private final DefaultJBakeConfiguration config;
    private final Renderer renderer;

    private JBakeBaker(SourceTree tree, DefaultJBakeConfiguration config) {
        this.tree = tree;
        this.config = config;
        this.renderer = renderer(config);
    }

    /**
     * JBake's configuration and template engine for baking into {@code output}, with every
     * {@code templates/<type>.ftl} as the template of pages of that type. Made before the pages
     * are (a cold build makes it while JRuby starts): loading JBake's configuration library takes
     * a few tenths of a second the first time.
     *
     * @param tree the editors' sources (templates and assets are used from there)
     * @param output the folder the pages and assets are written to
     */
    public static JBakeBaker open(SourceTree tree, Path output) {
        return new JBakeBaker(tree, configuration(tree, output));
    }

    /**
     * Bakes the pages (the assets are copied by {@link #copyAssets}).
     *
     * @param baked told of each page once its file is written
     */
    public void bake(List<Page> pages, java.util.function.Consumer<Page> baked) {
        requireTemplates(pages);
        for (Page page : pages) {
            render(renderer, page);
            baked.accept(page);
        }
    }

    /** Copies {@code assets/} into the output. */
    public void copyAssets() {
        Asset assets = new Asset(config);
        assets.copy();
        if (!assets.getErrors().isEmpty()) {
            throw new ProblemsException(Problem.at("assets", 0,
                    "cannot copy the assets: " + assets.getErrors().get(0).getMessage(), "check the files under assets/"));
        }
    }

    /**
     * Bakes one page (no assets) and returns its bytes: the preview's quick update of an edited
     * section's page, baked by a baker opened on a scratch folder.
     */
    public byte[] bakeOne(Page page) {
        requireTemplates(List.of(page));
        render(renderer, page);
        try {
            return Files.readAllBytes(config.getDestinationFolder().toPath().resolve(page.path()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void requireTemplates(List<Page> pages) {
        Set<String> types = new TreeSet<>();
        pages.forEach(p -> types.add(p.type()));
        for (String type : types) {
            if (!Files.isRegularFile(tree.templates().resolve(type + ".ftl"))) {
                throw new ProblemsException(Problem.at("templates/" + type + ".ftl", 0,
                        "the template for '" + type + "' pages is missing", "restore it from git: git checkout -- templates/"));
            }
        }
    }

    private static DefaultJBakeConfiguration configuration(SourceTree tree, Path output) {
        DefaultJBakeConfiguration config = new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(tree.root().toFile(), output.toFile(), true);
        config.setTemplateFolder(tree.templates().toFile());
        config.setAssetFolder(tree.assets().toFile());
        for (String type : templateTypes(tree)) {
            config.setTemplateFileNameForDocType(type, type + ".ftl");
        }
        config.setProperty("render.encoding", "UTF-8");
        config.setProperty("template.encoding", "UTF-8");
        config.setProperty("freemarker.timezone", "UTC");
        return config;
    }

    /** The page types the templates folder has a template for, in name order. */
    private static Set<String> templateTypes(SourceTree tree) {
        Set<String> types = new TreeSet<>();
        try (java.util.stream.Stream<Path> files = Files.list(tree.templates())) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ftl"))
                    .forEach(n -> types.add(n.substring(0, n.length() - ".ftl".length())));
        } catch (java.io.IOException e) {
            // no templates folder: every page then reports its missing template
        }
        return types;
    }

    private static Renderer renderer(DefaultJBakeConfiguration config) {
        // JBake's API forces a content store on us: the constructors of org.jbake.app.Renderer and
        // org.jbake.template.DelegatingTemplateEngine take an org.jbake.app.ContentStore (OrientDB).
        // None is made and OrientDB is not shipped: Renderer.render(DocumentModel), the only method
        // called, never reads it, and neither does OncePerBakeEngine. Only JBake's own crawl,
        // index and tag pages and its template model extractors would, and they are never used.
        return new Renderer(null, config, new OncePerBakeEngine(config));
    }

    /**
     * JBake's delegating template engine without its per-page costs. For every page JBake copies
     * its whole configuration into a new map (a third of the bake's own time on a large site) and
     * looks for the template file on disk; here the map is made once per bake, and the templates
     * were checked before baking.
     *
     * <p>And the page's model is handed to Freemarker as it is. JBake's Freemarker engine wraps it
     * in a lazy model that first asks JBake's content-store extractors for every top-level name a
     * template reads ({@code content}, dozens of times a page); for a name they do not serve it
     * throws an exception and only then looks in the model: a fifth of the bake's time. Those
     * extractors ({@code db}, {@code published_posts}, {@code tags}...) query JBake's content store,
     * which is never started here, so a template could not use them anyway. Freemarker is set up as
     * JBake's engine sets it up (JBake's version settings, encodings, time zone, template folder).
     */
    private static final class OncePerBakeEngine extends DelegatingTemplateEngine {
        private final Configuration freemarker;
        private final Map<String, Object> configuration;

        OncePerBakeEngine(JBakeConfiguration config) {
            super(null, config); // no content store: see renderer()
            this.freemarker = freemarker(config);
            this.configuration = Collections.unmodifiableMap(new HashMap<>(config.asHashMap()));
        }

        @SuppressWarnings("deprecation") // JBake 2.7.0's own setting, kept so templates behave as under JBake
        private static Configuration freemarker(JBakeConfiguration config) {
            Configuration freemarker = new Configuration(Configuration.DEFAULT_INCOMPATIBLE_IMPROVEMENTS);
            freemarker.setDefaultEncoding(config.getRenderEncoding());
            freemarker.setOutputEncoding(config.getOutputEncoding());
            if (config.getFreemarkerTimeZone() != null) {
                freemarker.setTimeZone(config.getFreemarkerTimeZone());
                freemarker.setSQLDateAndTimeTimeZone(config.getFreemarkerTimeZone());
            }
            // A template error becomes a problem naming the template and line (templateProblem);
            // Freemarker's own log of it would print a stack trace to the editor's terminal.
            freemarker.setLogTemplateExceptions(false);
            // A template is trusted less than code: it may not make Java objects ("x"?new, e.g.
            // freemarker.template.utility.Execute, which runs commands) nor reach their Java API
            // (?api). Values reach it through the wrapper Freemarker uses by default for these
            // settings, made here with its safe member access policy named, which hides getClass(),
            // class loaders and reflection. Templates cannot include files outside templates/:
            // Freemarker's names cannot back out of the folder ("../x" is not found), and its file
            // loader refuses a link that leads outside (both checked in HostileDataTest).
            freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
            freemarker.setAPIBuiltinEnabled(false);
            DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(freemarker.getIncompatibleImprovements());
            wrapper.setMemberAccessPolicy(DefaultMemberAccessPolicy.getInstance(freemarker.getIncompatibleImprovements()));
            freemarker.setObjectWrapper(wrapper.build());
            // One bake reads each template once: a baker is opened per build, so an edited template
            // is read by the next build; Freemarker's default looks at the file again every 5 s.
            freemarker.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
            try {
                freemarker.setDirectoryForTemplateLoading(config.getTemplateFolder());
            } catch (java.io.IOException e) {
                // no templates folder: every page then reports its missing template
            }
            return freemarker;
        }

        @Override
        public void renderDocument(TemplateModel model, String templateName, Writer writer) throws RenderingException {
            model.setVersion(config.getVersion());
            model.setConfig(configuration);
            try {
                freemarker.getTemplate(templateName).process(new SimpleHash(model, freemarker.getObjectWrapper()), writer);
            } catch (java.io.IOException | TemplateException e) {
                throw new RenderingException(e);
            }
        }
    }

    private static void render(Renderer renderer, Page page) {
        DocumentModel doc = new DocumentModel();
        doc.putAll(page.model());
        doc.setType(page.type());
        doc.setStatus("published");
        doc.setUri(page.path());
        doc.setRootPath("../".repeat((int) page.path().chars().filter(c -> c == '/').count()));
        try {
            renderer.render(doc);
        } catch (Exception e) {
            throw new ProblemsException(templateProblem(page.path(), e));
        }
    }

    /** Freemarker names the template and line in its message; editors get that, not a stack trace. */
    static Problem templateProblem(String page, Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        String message = all.toString();
        Matcher m = TEMPLATE_ERROR.matcher(message);
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String first = firstLine(String.valueOf(root.getMessage()), String.valueOf(root));
        if (m.find()) {
            String plain = plain(first);
            return Problem.at("templates/" + m.group(1), Integer.parseInt(m.group(2)),
                    "template error while making " + page + ": " + plain, plain.contains(SANDBOX)
                            ? "a template may use only the page's values and the other templates in templates/; undo the last change to this template"
                            : "undo the last change to this template, or see the Freemarker manual");
        }
        return Problem.at("templates", 0, "making " + page + " failed: " + first, "run with --verbose for details");
    }

    private static final String MISSING = "The following has evaluated to null or missing: ";
    private static final Pattern SYNTAX = Pattern.compile("Syntax error in template \"[^\"]+\" in line \\d+, (column \\d+): (.*?)(?:, but was expecting.*)?");

    private static final String SANDBOX = "(模板不允许";
    private static final Pattern NEW = Pattern.compile("Instantiating (\\S+) is not allowed in the template for security reasons\\..*");
    private static final Pattern NOT_FOUND = Pattern.compile("Template not found for name \"(.*)\"\\..*");

    /** Freemarker's commonest messages in plain words, each with the Chinese term the other messages give. */
    private static String plain(String freemarker) {
        Matcher refused = NEW.matcher(freemarker);
        if (refused.matches()) {
            return "it makes the Java object " + refused.group(1) + ", which a template may not do " + SANDBOX + "创建 Java 对象)";
        }
        if (freemarker.startsWith("Can't use ?api")) {
            return "it uses ?api, which a template may not use " + SANDBOX + "使用 ?api)";
        }
        Matcher missing = NOT_FOUND.matcher(freemarker);
        if (missing.matches() && (missing.group(1).startsWith("../") || missing.group(1).contains("/../"))) {
            return "it includes \"" + missing.group(1) + "\", outside templates/, which a template may not read "
                    + SANDBOX + "读取 templates/ 以外的文件)";
        }
        if (freemarker.startsWith(MISSING)) {
            return "it uses a value this page does not have: " + freemarker.substring(MISSING.length()) + " (模板引用了不存在的值)";
        }
        Matcher syntax = SYNTAX.matcher(freemarker);
        if (syntax.matches()) {
            return "the template is not well formed at " + syntax.group(1) + ": " + syntax.group(2) + " (模板语法错误)";
        }
        return freemarker + " (模板错误)";
    }

    /**
     * The first line of Freemarker's message, and, when it ends in a colon, the detail on the next
     * line: the missing expression ("The following has evaluated to null or missing:" / "==>
     * content.titel  [in template…]") or what the parser found ("Encountered "/", but…"): it is
     * what the editor has to look for.
     */
    private static String firstLine(String message, String fallback) {
        List<String> lines = message.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("----") && !l.startsWith("FTL stack trace")).toList();
        int at = 0;
        while (at < lines.size() && lines.get(at).startsWith("==>")) {
            at++;
        }
        if (at == lines.size()) {
            return fallback;
        }
        String first = lines.get(at);
        if (first.endsWith(":") && at + 1 < lines.size()) {
            // The detail is on the next line: the missing expression, or what the parser found.
            String next = lines.get(at + 1);
            first = first + " " + (next.startsWith("==>") ? next.substring(3).replaceFirst("\\s*\\[in template .*$", "").strip() : next);
        }
        return first;
    }
}
