package cn.fazhi.portal.compose;

import cn.fazhi.portal.theme.Theme;
import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.cite.Citations;
import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Section;
import cn.fazhi.portal.history.Corrections;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.load.SourceHistory;
import cn.fazhi.portal.load.SiteLoader;
import cn.fazhi.portal.load.SourceTree;
import cn.fazhi.portal.load.TextFile;
import cn.fazhi.portal.navigate.Navigation;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.pages.FiguresPage;
import cn.fazhi.portal.pages.IndicatorPage;
import cn.fazhi.portal.pages.Link;
import cn.fazhi.portal.pages.NotFoundPage;
import cn.fazhi.portal.pages.Page;
import cn.fazhi.portal.pages.SectionPage;
import cn.fazhi.portal.render.Converted;
import cn.fazhi.portal.render.Fragment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compose stage on the fictional two-year site, in memory: the converted text is made up here
 * (no Asciidoctor), one sentence of 2031's first part states the case count.
 */
class ComposerTest {

    @TempDir
    static Path tmp;
    static Addresses at;
    static Map<String, Page> pages = new HashMap<>();
    static List<Page> ordered;

    @BeforeAll
    static void compose() {
        Site site = new SiteLoader(Theme.builtIn()).load(new SourceTree(Fixtures.sourceTree("two-years", tmp))).withoutDrafts();
        at = Addresses.of(site.config().baseUrl());
        Map<String, Fragment> fragments = new HashMap<>();
        for (Report r : site.reports()) {
            fragments.put(r.landing().name(), fragment(r.landing(), List.of()));
            for (Section s : r.sections()) {
                List<Fragment.FigureMention> figures = s.slug().equals("alpha") && r.year() == 2031
                        ? List.of(new Fragment.FigureMention("fictional-cases", "alpha-p1", "全年受理虚构案件1200件。", 0, 8, 12))
                        : List.of();
                fragments.put(s.source().name(), fragment(s.source(), figures));
            }
        }
        site.infoPages().forEach(p -> fragments.put(p.source().name(), fragment(p.source(), List.of())));
        Converted converted = new Converted(fragments);
        Navigation navigation = Navigation.of(site, at);
        ordered = new Composer(site, at, navigation, converted, Citations.find(site, at, converted), true,
                SourceHistory.none(java.util.Optional.empty()),
                Corrections.of(site, at, SourceHistory.none(java.util.Optional.empty()))).pages();
        ordered.forEach(p -> pages.put(p.path(), p));
    }

    private static Fragment fragment(TextFile file, List<Fragment.FigureMention> figures) {
        String html = "<p>" + file.name() + "</p>";
        return new Fragment(html, html, List.of(file.name()), figures, List.of(), "", false);
    }

    @Test
    void pagesComeInNavigationsOrderOneModelPerKind() {
        assertEquals(18, ordered.size(), "with 更正记录");
        assertEquals("corrections", pages.get("corrections.html").template());
        assertEquals("index.html", ordered.get(0).path());
        assertEquals("404.html", ordered.get(ordered.size() - 1).path());
        assertEquals("section", pages.get("2031/beta.html").template());
    }

    /** Links are written from the page that shows them: up to the root, then down (as every page of the site does). */
    @Test
    void aSectionLinksItsReportItsNeighboursAndItsBreadcrumbsRelativeToItself() {
        SectionPage beta = (SectionPage) pages.get("2031/beta.html").model();
        assertEquals(new Link("虚构市2031年测试报告（虚构内容，仅供测试）", "../2031/index.html", false), beta.report());
        assertEquals("../2031/alpha.html", beta.previous().href());
        assertEquals("../2031/gamma.html", beta.next().href());
        assertEquals(List.of("../index.html", "../2031/index.html", "../2031/alpha.html"),
                beta.frame().crumbs().stream().map(Link::href).toList());
        assertEquals("../", beta.frame().root());
        assertEquals(at.baseUrl() + "2031/beta.html", beta.frame().canonical());
        assertEquals("2032-03-15", beta.frame().meta().pubdate());

        SectionPage first = (SectionPage) pages.get("2031/alpha.html").model();
        assertNull(first.previous());
        assertEquals(List.of("../2031/beta.html"), first.children().stream().map(Link::href).toList());
    }

    @Test
    void figuresLinkToTheSentenceThatStatesThemAndOnlyThere() {
        FiguresPage figures = (FiguresPage) pages.get("2031/figures.html").model();
        Map<String, String> sources = new HashMap<>();
        figures.groups().forEach(g -> g.rows().forEach(r -> sources.put(r.href(), r.source())));
        assertEquals("../2031/alpha.html#alpha-p1", sources.get("../indicators/fictional-cases.html"));
        assertNull(sources.get("../indicators/fictional-rate.html"), "no published sentence states it here");

        IndicatorPage cases = (IndicatorPage) pages.get("indicators/fictional-cases.html").model();
        assertEquals(1, cases.quotes().size());
        assertEquals("../2031/alpha.html#alpha-p1", cases.quotes().get(0).href());
        assertEquals("全年受理虚构案件1200件。", cases.quotes().get(0).sentence());
        assertTrue(cases.hasChange());
    }

    @Test
    void theNotFoundPageLinksFromTheBasePathAndHasNoCanonicalAddress() {
        NotFoundPage missing = (NotFoundPage) pages.get("404.html").model();
        assertEquals("/demo/index.html", missing.home());
        assertEquals("/demo/sitemap.html", missing.siteMap());
        assertEquals(List.of("/demo/2032/index.html", "/demo/2031/index.html"),
                missing.reports().stream().map(Link::href).toList());
        assertEquals("/demo/", missing.frame().root());
        assertEquals("", missing.frame().canonical());
    }
}
