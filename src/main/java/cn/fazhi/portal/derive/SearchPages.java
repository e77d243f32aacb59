package cn.fazhi.portal.derive;

import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Section;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.pages.Page;
import cn.fazhi.portal.render.Fragment;
import cn.fazhi.portal.search.SearchIndex;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Site search: the search page ({@code search.html}) and the index it searches, made from the
 * same page models the templates show, so a result says exactly what its page says. Indexed:
 * every report section, each year's report page (title and preamble; its sections are indexed
 * on their own pages) and every indicator page. See {@link SearchIndex} for the format.
 */
public final class SearchPages {

    /** The search page: the form, with a year filter built from the years the site has. */
    public Page page(Site site) {
        Map<String, Object> m = PageModels.base(site, "站内搜索", Addresses.search(), false);
        m.put("years", site.reports().stream().map(Report::year).sorted(Comparator.reverseOrder()).toList());
        m.put("indicators_path", site.indicators().definitions().isEmpty() ? "" : Addresses.indicators());
        m.put("crumbs", List.of(PageModels.crumb(site.config().name(), "index.html")));
        return new Page(Addresses.search(), "search", m);
    }

    /**
     * Writes the index of {@code pages} into the site folder {@code out}.
     *
     * @param converted the converted files by source file name: the report pages' text
     */
    public SearchIndex.Stats writeIndex(List<Page> pages, Site site, Function<String, Fragment> converted, Path out) {
        return new SearchIndex().write(documents(pages, site, converted), out);
    }

    /** The searchable documents among {@code pages}, in the pages' order. */
    public List<SearchIndex.Document> documents(List<Page> pages, Site site, Function<String, Fragment> converted) {
        // A report page's text is its converted file's text, found when the file was converted.
        Map<String, List<String>> text = new HashMap<>();
        for (Report report : site.reports()) {
            text.put(Addresses.year(report.year()), converted.apply(report.landing().name()).blocks());
            for (Section s : report.sections()) {
                text.put(Addresses.section(report.year(), s.slug()), converted.apply(s.source().name()).blocks());
            }
        }
        List<SearchIndex.Document> docs = new ArrayList<>();
        for (Page page : pages) {
            Map<String, Object> m = page.model();
            switch (page.type()) {
                case "year" -> docs.add(new SearchIndex.Document(page.path(), string(m, "title"), "年度报告",
                        List.of((Integer) m.get("year")), text.get(page.path())));
                case "section" -> {
                    List<Map<String, Object>> crumbs = list(m, "crumbs");
                    String context = crumbs.size() > 2 ? "年度报告 · " + crumbs.get(2).get("title") : "年度报告";
                    docs.add(new SearchIndex.Document(page.path(), string(m, "title"), context,
                            List.of((Integer) m.get("year")), text.get(page.path())));
                }
                case "indicator" -> docs.add(indicator(page));
                default -> {
                    // home, figure tables, indicator index, site pages: lists of links to indexed pages
                }
            }
        }
        return docs;
    }

    /**
     * An indicator page is found by its name, definition and values. The report sentences it quotes
     * are not indexed here: their section is, and a search for 法律援助 should not list every figure
     * that shares a sentence with it.
     */
    private static SearchIndex.Document indicator(Page page) {
        Map<String, Object> m = page.model();
        List<String> text = new ArrayList<>();
        text.add("定义：" + string(m, "definition"));
        List<Integer> years = new ArrayList<>();
        for (Map<String, Object> row : list(m, "rows")) {
            years.add((Integer) row.get("year"));
            text.add(row.get("year") + "年：" + row.get("with_unit"));
        }
        return new SearchIndex.Document(page.path(), string(m, "title"), "指标数据 · " + string(m, "area"), years, text);
    }

    private static String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : v.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? List.of() : (List<Map<String, Object>>) v;
    }
}
