package cn.fazhi.portal.navigate;

import cn.fazhi.portal.theme.Theme;
import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.load.SiteLoader;
import cn.fazhi.portal.load.SourceTree;
import cn.fazhi.portal.pages.Addresses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Navigation of the fictional two-year site, made in memory from the loaded site alone. */
class NavigationTest {

    @TempDir
    static Path tmp;
    static Site site;
    static Addresses at;
    static Navigation nav;

    @BeforeAll
    static void load() {
        site = new SiteLoader(Theme.builtIn()).load(new SourceTree(Fixtures.sourceTree("two-years", tmp))).withoutDrafts();
        at = Addresses.of(site.config().baseUrl());
        nav = Navigation.of(site, at);
    }

    private static List<String> paths(List<Navigation.Entry> entries) {
        return entries.stream().map(e -> e.address().path()).toList();
    }

    @Test
    void everyPageIsListedOnceInTheSitesOrder() {
        assertEquals(List.of("index.html", "2031/index.html", "2031/alpha.html", "2031/beta.html", "2031/gamma.html",
                "2032/index.html", "2032/alpha.html", "accessibility.html", "2031/figures.html", "2032/figures.html",
                "indicators/index.html", "indicators/fictional-cases.html", "indicators/fictional-rate.html",
                "indicators/fictional-amount.html", "corrections.html", "search.html", "sitemap.html", "404.html"), paths(nav.pages()));
    }

    @Test
    void breadcrumbsGoFromTheHomePageDownThroughTheYearAndThePart() {
        assertEquals(List.of("index.html", "2031/index.html", "2031/alpha.html"), paths(nav.above(at.section(2031, "beta"))));
        assertEquals(List.of(site.config().name(), "2031年报告", "一、虚构第一部分"),
                nav.above(at.section(2031, "beta")).stream().map(Navigation.Entry::label).toList());
        assertEquals(List.of("index.html", "indicators/index.html"), paths(nav.above(at.indicator("fictional-rate"))));
        assertEquals(List.of("index.html", "2031/index.html"), paths(nav.above(at.yearFigures(2031))));
        assertEquals(List.of(), nav.above(at.home()));
        assertEquals(List.of(), nav.above(at.notFound()), "the 404 page is shown at any depth: no breadcrumbs");
    }

    @Test
    void previousAndNextStayWithinTheReportAndFollowItsReadingOrder() {
        assertTrue(nav.previous(at.section(2031, "alpha")).isEmpty());
        assertEquals("2031/beta.html", nav.next(at.section(2031, "alpha")).orElseThrow().address().path());
        assertEquals("2031/beta.html", nav.previous(at.section(2031, "gamma")).orElseThrow().address().path());
        assertTrue(nav.next(at.section(2031, "gamma")).isEmpty(), "the next year's first section is not next");
        assertEquals(List.of("2031/beta.html"), paths(nav.below(at.section(2031, "alpha"))));
    }

    @Test
    void theSiteMapGroupsTheHomePageEachYearNewestFirstTheFiguresAndTheRestButNotItselfOrThe404Page() {
        List<Navigation.Group> groups = nav.siteMap();
        assertEquals(List.of("首页", "2032年报告", "2031年报告", "指标数据", "其他页面"),
                groups.stream().map(Navigation.Group::title).toList());
        Navigation.Node year = groups.get(2).items().get(0);
        assertEquals("2031/index.html", year.entry().address().path());
        assertEquals(List.of("2031/alpha.html", "2031/gamma.html", "2031/figures.html"),
                year.children().stream().map(n -> n.entry().address().path()).toList());
        assertEquals(List.of("2031/beta.html"),
                year.children().get(0).children().stream().map(n -> n.entry().address().path()).toList());
        assertEquals(List.of("accessibility.html", "corrections.html", "search.html"),
                groups.get(4).items().stream().map(n -> n.entry().address().path()).toList());
    }

    @Test
    void addressesGiveRelativeAbsoluteAndBasePathForms() {
        var beta = at.section(2031, "beta");
        assertEquals("../indicators/fictional-rate.html", at.indicator("fictional-rate").from(beta));
        assertEquals("2031/beta.html#beta-p1", beta.at("beta-p1").from(at.home()));
        assertEquals(at.baseUrl(), at.home().absolute(), "the home page's address is the base URL itself");
        assertEquals(at.baseUrl() + "2031/beta.html#beta-p1", beta.at("beta-p1").absolute());
        assertEquals("/demo/2031/beta.html", beta.fromBasePath());
        assertEquals("../", beta.root());
    }
}
