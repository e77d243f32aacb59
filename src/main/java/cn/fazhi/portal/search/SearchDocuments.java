package cn.fazhi.portal.search;

import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Section;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.pages.IndicatorPage;
import cn.fazhi.portal.pages.Page;
import cn.fazhi.portal.pages.SectionPage;
import cn.fazhi.portal.pages.YearPage;
import cn.fazhi.portal.render.Converted;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the search index holds, made from the same page models the templates show, so a result says
 * exactly what its page says. Indexed: every report section, each year's report page (title and
 * preamble; its sections are indexed on their own pages) and every indicator page. The home page,
 * the figure tables and the other pages are lists of links to indexed pages.
 */
public final class SearchDocuments {

    private SearchDocuments() {
    }

    /** The searchable documents among {@code pages}, in the pages' order. */
    public static List<SearchIndex.Document> of(List<Page> pages, Site site, Addresses at, Converted converted) {
        // A report page's text is its converted file's text, found when the file was converted.
        Map<String, List<String>> text = new HashMap<>();
        for (Report report : site.reports()) {
            text.put(at.year(report.year()).path(), converted.of(report.landing()).blocks());
            for (Section s : report.sections()) {
                text.put(at.section(report.year(), s.slug()).path(), converted.of(s.source()).blocks());
            }
        }
        List<SearchIndex.Document> docs = new ArrayList<>();
        for (Page page : pages) {
            if (page.model() instanceof YearPage year) {
                docs.add(new SearchIndex.Document(page.path(), year.frame().title(), "年度报告", List.of(year.year()),
                        text.get(page.path())));
            } else if (page.model() instanceof SectionPage section) {
                var crumbs = section.frame().crumbs();
                String context = crumbs.size() > 2 ? "年度报告 · " + crumbs.get(2).title() : "年度报告";
                docs.add(new SearchIndex.Document(page.path(), section.frame().title(), context, List.of(section.year()),
                        text.get(page.path())));
            } else if (page.model() instanceof IndicatorPage indicator) {
                docs.add(indicator(page, indicator));
            }
        }
        return docs;
    }

    /**
     * An indicator page is found by its name, definition and values. The report sentences it quotes
     * are not indexed here: their section is, and a search for 法律援助 should not list every figure
     * that shares a sentence with it.
     */
    private static SearchIndex.Document indicator(Page page, IndicatorPage m) {
        List<String> text = new ArrayList<>();
        text.add("定义：" + m.definition());
        List<Integer> years = new ArrayList<>();
        for (IndicatorPage.Value v : m.values()) {
            years.add(v.year());
            text.add(v.year() + "年：" + v.withUnit());
        }
        return new SearchIndex.Document(page.path(), m.frame().title(), "指标数据 · " + m.area(), years, text);
    }
}
