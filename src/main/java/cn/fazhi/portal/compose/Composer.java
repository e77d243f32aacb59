package cn.fazhi.portal.compose;

import cn.fazhi.portal.cite.Citations;
import cn.fazhi.portal.history.Corrections;
import cn.fazhi.portal.load.Indicator;
import cn.fazhi.portal.load.InfoPage;
import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.load.SourceHistory;
import cn.fazhi.portal.navigate.Navigation;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.pages.Page;
import cn.fazhi.portal.render.Converted;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code compose} stage: one page model per page navigation lists, from the loaded site, the
 * converted text and the citations. Pages come out in navigation's order, which is the order the
 * site map and {@code sitemap.xml} list them.
 */
public final class Composer {

    private final Site site;
    private final Navigation navigation;
    private final ReportPages reports;
    private final IndicatorPages figures;
    private final SitePages about;

    /**
     * @param feed whether the site has feed.xml ({@code map.Feed#exists}), which every page then links to
     * @param history what git says of the source, for each page's 更新日期
     * @param corrections the corrections found in that history
     */
    public Composer(Site site, Addresses at, Navigation navigation, Converted converted, Citations citations, boolean feed,
                    SourceHistory history, Corrections corrections) {
        Frames frames = new Frames(navigation, site.config(), feed, new PageSources(site, at, history), corrections,
                at.corrections());
        this.site = site;
        this.navigation = navigation;
        this.reports = new ReportPages(site, at, navigation, frames, converted);
        this.figures = new IndicatorPages(site, at, frames, citations);
        this.about = new SitePages(site, at, navigation, frames, corrections);
    }

    /** Every page of the site, in navigation's order. */
    public List<Page> pages() {
        List<Page> made = new ArrayList<>();
        made.add(reports.home());
        for (Report report : site.reports()) {
            made.add(reports.year(report));
            for (int i = 0; i < report.sections().size(); i++) {
                made.add(reports.section(report, i));
            }
        }
        for (InfoPage info : site.infoPages()) {
            made.add(reports.about(info));
        }
        for (Report report : site.reports()) {
            if (!site.indicators().ofYear(report.year()).isEmpty()) {
                made.add(figures.yearFigures(report));
            }
        }
        made.add(figures.index());
        for (Indicator d : site.indicators().definitions()) {
            made.add(figures.indicator(d));
        }
        made.add(about.corrections());
        made.add(about.search());
        made.add(about.siteMap());
        made.add(about.notFound());
        return inNavigationOrder(made);
    }

    /** The page of section {@code index} of {@code report} alone (the preview's quick update). */
    public Page section(Report report, int index) {
        return reports.section(report, index);
    }

    /** Navigation decides which pages exist and in which order; a page it does not list is a fault here. */
    private List<Page> inNavigationOrder(List<Page> made) {
        Map<String, Page> byPath = new HashMap<>();
        made.forEach(p -> byPath.put(p.path(), p));
        List<Page> ordered = navigation.pages().stream().map(e -> byPath.get(e.address().path())).toList();
        if (ordered.contains(null) || ordered.size() != made.size()) {
            throw new IllegalStateException("the composed pages differ from the pages navigation lists");
        }
        return ordered;
    }
}
