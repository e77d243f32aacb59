package cn.fazhi.portal.derive;

import cn.fazhi.portal.load.Area;
import cn.fazhi.portal.load.Figure;
import cn.fazhi.portal.load.Indicator;
import cn.fazhi.portal.load.Indicators;
import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.pages.Page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The pages about figures: for each year a table of that year's figures grouped by area, an index
 * of all indicators, and one page per indicator with its values by year, the computed change,
 * a chart, and the sentences of the reports that state it.
 */
public final class IndicatorPages {

    /**
     * The pages as far as the figures alone make them (tables, changes, charts), so that a build
     * can make them while JRuby starts; {@link Uncited#cite} adds where the reports state each
     * figure, which needs the converted text.
     */
    public Uncited uncited(Site site) {
        Indicators ind = site.indicators();
        List<Function<Citations, Page>> pages = new ArrayList<>();
        if (!ind.definitions().isEmpty()) {
            for (Report report : site.reports()) {
                if (!ind.ofYear(report.year()).isEmpty()) {
                    pages.add(yearFigures(site, report));
                }
            }
            Page index = index(site);
            pages.add(citations -> index);
            for (Indicator d : ind.definitions()) {
                pages.add(indicator(site, d));
            }
        }
        return new Uncited(pages);
    }

    /** The figure pages, each waiting for the citations. */
    public static final class Uncited {
        private final List<Function<Citations, Page>> pages;

        private Uncited(List<Function<Citations, Page>> pages) {
            this.pages = List.copyOf(pages);
        }

        /** The finished pages, in order: each year's figure table, the index, one page per indicator. */
        public List<Page> cite(Citations citations) {
            return pages.stream().map(p -> p.apply(citations)).toList();
        }
    }

    /** A year's figure table; each row links to where the report states it, once that is known. */
    private Function<Citations, Page> yearFigures(Site site, Report report) {
        Indicators ind = site.indicators();
        int year = report.year();
        Map<String, Object> m = PageModels.base(site, year + "年主要数据", Addresses.yearFigures(year), report.draft());
        PageModels.fromReport(m, "指标数据", report);
        m.put("year", year);
        m.put("report_title", report.title());
        m.put("report_path", Addresses.year(year));
        record Row(String indicator, Map<String, Object> model) {
        }
        record Group(Area area, List<Row> rows) {
        }
        List<Group> groups = new ArrayList<>();
        for (Area area : ind.areas()) {
            List<Row> rows = new ArrayList<>();
            for (Indicator d : ind.definitions()) {
                if (!d.area().equals(area.id())) {
                    continue;
                }
                ind.figure(d.id(), year).ifPresent(f -> {
                    Map<String, Object> row = figureRow(f, d);
                    row.put("name", d.name());
                    row.put("path", Addresses.indicator(d.id()));
                    rows.add(new Row(d.id(), row));
                });
            }
            if (!rows.isEmpty()) {
                groups.add(new Group(area, rows));
            }
        }
        m.put("csv", Addresses.openData(year + ".csv"));
        m.put("json", Addresses.openData(year + ".json"));
        m.put("crumbs", List.of(PageModels.crumb(site.config().name(), "index.html"),
                PageModels.crumb(year + "年报告", Addresses.year(year))));
        return citations -> {
            List<Map<String, Object>> cited = new ArrayList<>();
            for (Group g : groups) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Row r : g.rows()) {
                    Map<String, Object> row = new LinkedHashMap<>(r.model());
                    citations.first(r.indicator(), year).ifPresent(c -> row.put("source_path", c.path()));
                    rows.add(row);
                }
                cited.add(Map.of("area", g.area().name(), "area_id", g.area().id(), "rows", rows));
            }
            Map<String, Object> page = new LinkedHashMap<>(m);
            page.put("groups", cited);
            return new Page(Addresses.yearFigures(year), "figures", page);
        };
    }

    private Page index(Site site) {
        Indicators ind = site.indicators();
        Map<String, Area> areas = ind.areasById();
        Map<String, Object> m = PageModels.base(site, "指标数据", Addresses.indicators(), false);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Area area : ind.areas()) {
            List<Map<String, Object>> rows = ind.definitions().stream().filter(d -> d.area().equals(area.id())).map(d -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", d.name());
                row.put("path", Addresses.indicator(d.id()));
                row.put("unit", d.unit());
                row.put("years", ind.series(d.id()).stream().map(f -> f.year() + "年").collect(Collectors.joining("、")));
                return row;
            }).toList();
            if (!rows.isEmpty()) {
                groups.add(Map.of("area", areas.get(area.id()).name(), "rows", rows));
            }
        }
        m.put("groups", groups);
        m.put("count", ind.definitions().size());
        m.put("csv", Addresses.openData("indicators.csv"));
        m.put("json", Addresses.openData("indicators.json"));
        m.put("crumbs", List.of(PageModels.crumb(site.config().name(), "index.html")));
        return new Page(Addresses.indicators(), "indicators", m);
    }

    /** An indicator's page; the report sentences that state its figures are added once known. */
    private Function<Citations, Page> indicator(Site site, Indicator d) {
        Indicators ind = site.indicators();
        List<Figure> series = ind.series(d.id());
        Map<String, Object> m = PageModels.base(site, d.name(), Addresses.indicator(d.id()), false);
        if (!series.isEmpty()) {
            int latest = series.get(series.size() - 1).year();
            site.reports().stream().filter(r -> r.year() == latest).findFirst()
                    .ifPresent(r -> PageModels.fromReport(m, "指标数据", r));
        }
        m.put("id", d.id());
        m.put("definition", d.definition());
        m.put("unit", d.unit());
        m.put("area", ind.areasById().get(d.area()).name());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Map<String, Object> row = figureRow(series.get(i), d);
            row.put("year", series.get(i).year());
            row.put("change", i == 0 ? "" : Change.between(series.get(i - 1), series.get(i), d.unit()));
            rows.add(row);
        }
        m.put("rows", rows);
        m.put("has_change", series.size() > 1);
        m.put("chart", series.isEmpty() ? "" : BarChart.svg(series, d.unit()));
        m.put("summary", series.isEmpty() ? "暂无数据。" : BarChart.summary(d.name(), series, d.unit()));
        m.put("csv", Addresses.openData("indicators.csv"));
        m.put("json", Addresses.openData("indicators.json"));
        m.put("crumbs", List.of(PageModels.crumb(site.config().name(), "index.html"),
                PageModels.crumb("指标数据", Addresses.indicators())));
        return citations -> {
            Map<String, Object> page = new LinkedHashMap<>(m);
            page.put("citations", citations.of(d.id()).stream().map(c -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("year", c.year());
                x.put("section_title", c.sectionTitle());
                x.put("path", c.path());
                x.put("sentence", c.sentence());
                return x;
            }).toList());
            return new Page(Addresses.indicator(d.id()), "indicator", page);
        };
    }

    private static Map<String, Object> figureRow(Figure f, Indicator d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("printed", f.printed());
        row.put("quantity", f.quantity().toPlainString());
        row.put("unit", d.unit());
        row.put("with_unit", f.printedWithUnit(d.unit()));
        row.put("qualifier", f.wording().qualifier());
        return row;
    }
}
