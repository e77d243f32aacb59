package cn.fazhi.portal.derive;

import cn.fazhi.portal.load.InfoPage;
import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Section;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.pages.Page;
import cn.fazhi.portal.render.Fragment;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides which pages the site has and what each one shows: the home page, one page per year
 * with the whole report, and one page per section with its neighbours. Everything a template
 * needs is computed here, so templates hold layout only.
 */
public final class ReportPages {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");

    /**
     * @param site the loaded site
     * @param html the converted files by source file name ({@code TextFile.name()})
     */
    public List<Page> compose(Site site, Function<String, Fragment> html) {
        List<Page> pages = new ArrayList<>();
        List<Report> newestFirst = site.reports().stream()
                .sorted(Comparator.comparingInt(Report::year).reversed()).toList();
        pages.add(home(site, newestFirst));
        for (Report report : site.reports()) {
            pages.add(yearPage(site, report, html));
            List<Section> sections = report.sections();
            for (int i = 0; i < sections.size(); i++) {
                pages.add(sectionPage(site, report, i, html));
            }
        }
        for (InfoPage info : site.infoPages()) {
            Map<String, Object> m = PageModels.base(site, info.title(), info.slug() + ".html", false);
            m.put("html", html.apply(info.source().name()).html());
            m.put("crumbs", List.of(PageModels.crumb(site.config().name(), "index.html")));
            pages.add(new Page(info.slug() + ".html", "info", m));
        }
        return pages;
    }

    private Page home(Site site, List<Report> newestFirst) {
        Map<String, Object> m = PageModels.base(site, site.config().name(), "index.html", false);
        List<Map<String, Object>> reports = newestFirst.stream().map(r -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("year", r.year());
            x.put("title", r.title());
            x.put("issuers", r.issuers());
            x.put("published", published(r));
            x.put("path", yearPath(r));
            x.put("draft", r.draft());
            return x;
        }).toList();
        m.put("reports", reports);
        m.put("crumbs", List.of());
        m.put("indicators_path", site.indicators().definitions().isEmpty() ? "" : Addresses.indicators());
        return new Page("index.html", "home", m);
    }

    private Page yearPage(Site site, Report report, Function<String, Fragment> html) {
        Map<String, Object> m = PageModels.base(site, report.title(), yearPath(report), report.draft());
        PageModels.fromReport(m, "年度报告", report);
        m.put("year", report.year());
        m.put("issuers", report.issuers());
        m.put("published", published(report));
        m.put("preamble", html.apply(report.landing().name()).html());
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Section s : report.sections()) {
            Map<String, Object> x = link(report, s);
            x.put("slug", s.slug());
            x.put("level", s.level());
            // On the year page a part's title is an h2 and a subsection's an h3; body headings go below.
            x.put("html", html.apply(s.source().name()).nested());
            sections.add(x);
        }
        m.put("sections", sections);
        m.put("figures_path", site.indicators().ofYear(report.year()).isEmpty() ? "" : Addresses.yearFigures(report.year()));
        m.put("crumbs", List.of(PageModels.crumb(site.config().name(), "index.html")));
        return new Page(yearPath(report), "year", m);
    }

    /** The page of section {@code index} of {@code report} (also used alone by the preview's quick update). */
    public Page sectionPage(Site site, Report report, int index, Function<String, Fragment> html) {
        Section s = report.sections().get(index);
        Map<String, Object> m = PageModels.base(site, s.title(), sectionPath(report, s), report.draft() || s.draft());
        PageModels.fromReport(m, "年度报告", report);
        m.put("year", report.year());
        m.put("slug", s.slug());
        m.put("report_title", report.title());
        m.put("report_path", yearPath(report));
        m.put("published", published(report));
        m.put("html", html.apply(s.source().name()).html());
        m.put("children", report.sections().stream()
                .filter(c -> c.parentSlug().equals(s.slug())).map(c -> link(report, c)).toList());
        m.put("prev_page", index > 0 ? link(report, report.sections().get(index - 1)) : Map.of());
        m.put("next_page", index + 1 < report.sections().size() ? link(report, report.sections().get(index + 1)) : Map.of());
        List<Map<String, Object>> crumbs = new ArrayList<>();
        crumbs.add(PageModels.crumb(site.config().name(), "index.html"));
        crumbs.add(PageModels.crumb(report.year() + "年报告", yearPath(report)));
        report.sections().stream().filter(p -> p.slug().equals(s.parentSlug()))
                .forEach(p -> crumbs.add(PageModels.crumb(p.title(), sectionPath(report, p))));
        m.put("crumbs", crumbs);
        return new Page(sectionPath(report, s), "section", m);
    }

    private static Map<String, Object> link(Report report, Section s) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("title", s.title());
        x.put("path", sectionPath(report, s));
        x.put("draft", s.draft());
        return x;
    }

    private static String published(Report r) {
        return r.published().map(CHINESE_DATE::format).orElse("");
    }

    private static String yearPath(Report r) {
        return Addresses.year(r.year());
    }

    private static String sectionPath(Report r, Section s) {
        return Addresses.section(r.year(), s.slug());
    }
}
