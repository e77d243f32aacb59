package cn.fazhi.portal.bake;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page is the same on every machine: a portal's own template that prints a number without
 * {@code ?c}, or has a sibling named like a locale ({@code section_de_DE.ftl}), gives the same page
 * whatever the JVM's default locale (an editor's laptop in English, a CI runner in German), and the
 * same page an incremental build keeps.
 */
class TemplateLocaleTest {

    @TempDir
    Path tmp;

    @Test
    void aNumberInAnOwnTemplateIsFormattedTheSameWhateverTheMachinesLocale() throws IOException {
        Path source = Fixtures.sourceTree("two-years", tmp.resolve("src"));
        Path templates = Files.createDirectories(source.resolve("templates"));
        String theme = Fixtures.read(Fixtures.REPO.resolve("templates/section.ftl"));
        String marked = "<article class=\"report-section-page\">";
        assertTrue(theme.contains(marked));
        Files.writeString(templates.resolve("section.ftl"), theme.replace(marked, marked + "<p class=\"n\">${12345.5}</p>"));
        Files.writeString(templates.resolve("section_de_DE.ftl"), "<p>虚构：只在德语区域设置下被选用的模板</p>");

        String german = sectionPage(source, Locale.GERMANY, "de");
        String english = sectionPage(source, Locale.US, "us");
        assertTrue(english.contains("<p class=\"n\">12,345.5</p>"), "formatted as in Chinese: 12,345.5");
        assertEquals(english, german, "the same page under de_DE and en_US");
    }

    private String sectionPage(Path source, Locale locale, String name) throws IOException {
        Locale before = Locale.getDefault();
        Locale.setDefault(locale);
        try (Pipeline p = Pipeline.uncached()) {
            Path out = tmp.resolve("site-" + name);
            p.build(new Pipeline.Options(source, out, false, null));
            return Files.readString(out.resolve("2031/beta.html"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
