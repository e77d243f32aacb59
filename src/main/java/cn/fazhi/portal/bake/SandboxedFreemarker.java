package cn.fazhi.portal.bake;

import cn.fazhi.portal.theme.Theme;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.StringTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.DefaultMemberAccessPolicy;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.SimpleHash;
import freemarker.template.TemplateException;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.template.AbstractTemplateEngine;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A JBake template engine (JBake's {@link AbstractTemplateEngine}, as its own engines are made) for
 * the editors' Freemarker templates, set up as JBake sets up Freemarker (its version settings,
 * encodings, time zone and template folder) but sandboxed.
 *
 * <p>JBake's own {@code FreemarkerTemplateEngine} makes its Freemarker configuration privately and
 * leaves {@code ?new} unrestricted, so a template could make
 * {@code freemarker.template.utility.Execute} and run commands; nothing in JBake lets a caller change
 * that. Here a template may not make Java objects nor reach their Java API ({@code ?api}); values
 * reach it through Freemarker's wrapper with its safe member access policy, which hides
 * {@code getClass()}, class loaders and reflection, and shows a page model's record components as
 * values ({@code content.frame.title}), never as methods to call. Templates cannot include files
 * outside templates/: Freemarker's names cannot back out of the folder, and its file loader refuses
 * a link that leads outside (both checked in HostileDataTest).
 *
 * <p>A template is looked up in the source's templates/ first, then in the built-in theme, also when
 * another template includes or imports it: a source that overrides only {@code layout.ftl} changes
 * the layout of every built-in page.
 */
final class SandboxedFreemarker extends AbstractTemplateEngine {

    private final Configuration freemarker;

    /** Made once per build; no content store: the templates show page models, never JBake's database. */
    SandboxedFreemarker(JBakeConfiguration config, Theme theme) {
        super(config, null);
        this.freemarker = configuration(config);
        freemarker.setTemplateLoader(loader(config.getTemplateFolder(), theme));
    }

    /** The source's templates/ (when it has one) before the theme's, as Freemarker looks them up. */
    private static TemplateLoader loader(File sourceTemplates, Theme theme) {
        List<TemplateLoader> loaders = new ArrayList<>();
        if (sourceTemplates.isDirectory()) {
            try {
                loaders.add(new FileTemplateLoader(sourceTemplates));
            } catch (IOException e) {
                // unreadable: the built-in templates alone are used, and the scan has reported the folder
            }
        }
        StringTemplateLoader builtIn = new StringTemplateLoader();
        theme.in(TEMPLATES).forEach(f -> builtIn.putTemplate(f.name().substring(TEMPLATES.length() + 1), f.text()));
        loaders.add(builtIn);
        return new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
    }

    private static final String TEMPLATES = "templates";

    @SuppressWarnings("deprecation") // JBake 2.7.0's own setting, kept so templates behave as under JBake
    private static Configuration configuration(JBakeConfiguration config) {
        Configuration freemarker = new Configuration(Configuration.DEFAULT_INCOMPATIBLE_IMPROVEMENTS);
        freemarker.setDefaultEncoding(config.getRenderEncoding());
        freemarker.setOutputEncoding(config.getOutputEncoding());
        if (config.getFreemarkerTimeZone() != null) {
            freemarker.setTimeZone(config.getFreemarkerTimeZone());
            freemarker.setSQLDateAndTimeTimeZone(config.getFreemarkerTimeZone());
        }
        // The same page on every machine: Freemarker would format numbers and dates (${n} without ?c)
        // in the JVM's default locale, and look for layout_en_US.ftl before layout.ftl. The site's
        // language is fixed, and a template is found by its own name only.
        freemarker.setLocale(Locale.SIMPLIFIED_CHINESE);
        freemarker.setLocalizedLookup(false);
        // A template error becomes a problem naming the template and line (TemplateProblems);
        // Freemarker's own log of it would print a stack trace to the editor's terminal.
        freemarker.setLogTemplateExceptions(false);
        freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        freemarker.setAPIBuiltinEnabled(false);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(freemarker.getIncompatibleImprovements());
        wrapper.setMemberAccessPolicy(DefaultMemberAccessPolicy.getInstance(freemarker.getIncompatibleImprovements()));
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.PROPERTY_ONLY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        freemarker.setObjectWrapper(wrapper.build());
        // A build reads each template once: an engine is made per build, so an edited template is
        // read by the next build; Freemarker's default looks at the file again every 5 s.
        freemarker.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        return freemarker;
    }

    @Override
    public void renderDocument(TemplateModel model, String templateName, Writer writer) throws RenderingException {
        try {
            freemarker.getTemplate(templateName).process(new SimpleHash(model, freemarker.getObjectWrapper()), writer);
        } catch (IOException | TemplateException e) {
            throw new RenderingException(e);
        }
    }
}
