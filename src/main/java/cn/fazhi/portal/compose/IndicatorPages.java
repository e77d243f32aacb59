package cn.fazhi.portal.compose;

import cn.fazhi.portal.cite.Citation;
import cn.fazhi.portal.cite.Citations;
import cn.fazhi.portal.load.Area;
import cn.fazhi.portal.load.Figure;
import cn.fazhi.portal.load.Indicator;
import cn.fazhi.portal.load.Indicators;
import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.pages.Address;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.pages.FiguresPage;
import cn.fazhi.portal.pages.Frame;
import cn.fazhi.portal.pages.IndicatorPage;
import cn.fazhi.portal.pages.IndicatorsPage;
import cn.fazhi.portal.pages.Link;
import cn.fazhi.portal.pages.Page;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The pages about figures: for each year a table of that year's figures grouped by area, an index
 * of all indicators, and one page per indicator with its values by year, the computed change,
 * a chart, and the sentences of the reports that state it.
 */
final class IndicatorPages {

    private final Site site;
    private final Indicators ind;
    private final Addresses at;
    private final Frames frames;
    private final Citations citations;

    IndicatorPages(Site site, Addresses at, Frames frames, Citations citations) {
        this.site = site;
        this.ind = site.indicators();
        this.at = at;
        this.frames = frames;
        this.citations = citations;
    }

    /** A year's figure table; each row links to where the report states it. */
    Page yearFigures(Report report) {
        int year = report.year();
        Address page = at.yearFigures(year);
        List<FiguresPage.Group> groups = new ArrayList<>();
        for (Area area : ind.areas()) {
            List<FiguresPage.Row> rows = new ArrayList<>();
            for (Indicator d : ind.definitions()) {
                if (d.area().equals(area.id())) {
                    ind.figure(d.id(), year).ifPresent(f -> rows.add(new FiguresPage.Row(d.name(),
                            at.indicator(d.id()).from(page), f.quantity().toPlainString(), f.printed(), f.unitAfter(d.unit()),
                            citations.first(d.id(), year).map(c -> c.address().from(page)).orElse(null))));
                }
            }
            if (!rows.isEmpty()) {
                groups.add(new FiguresPage.Group(area.name(), area.id(), rows));
            }
        }
        Link whole = new Link(report.title(), at.year(year).from(page), report.draft());
        ObjectNode data = LinkedData.dataset(report.title() + "：" + year + "年数据", at.openData(year + ".csv").absolute(),
                at.openData(year + ".json").absolute()).put("temporalCoverage", String.valueOf(year))
                .put("isBasedOn", at.year(year).absolute());
        String description = "以下数据均摘自" + report.title() + "，按报告的工作领域分组。";
        return new Page(page, "figures", new FiguresPage(frames.of(page, "指标数据", report, description, data), year, whole,
                at.openData(year + ".csv").from(page), at.openData(year + ".json").from(page), groups));
    }

    Page index() {
        Address page = at.indicators();
        List<IndicatorsPage.Group> groups = new ArrayList<>();
        for (Area area : ind.areas()) {
            List<IndicatorsPage.Row> rows = ind.definitions().stream().filter(d -> d.area().equals(area.id()))
                    .map(d -> new IndicatorsPage.Row(d.name(), at.indicator(d.id()).from(page), d.unit(),
                            ind.series(d.id()).stream().map(f -> f.year() + "年").collect(Collectors.joining("、"))))
                    .toList();
            if (!rows.isEmpty()) {
                groups.add(new IndicatorsPage.Group(area.name(), area.id(), rows));
            }
        }
        int count = ind.definitions().size();
        String description = count == 0 ? "本站尚未录入指标数据。"
                : "共" + count + "项指标。每项指标的数值均取自年度报告原文，并链接到载明该数值的段落。";
        ObjectNode data = LinkedData.dataset(site.config().name() + "：全部指标数据", at.openData("indicators.csv").absolute(),
                at.openData("indicators.json").absolute());
        return new Page(page, "indicators", new IndicatorsPage(frames.of(page, description, data), count,
                at.openData("indicators.csv").from(page), at.openData("indicators.json").from(page), groups));
    }

    /** The quote of {@code c} in pieces, every place the figure is printed a marked piece. */
    static List<IndicatorPage.Part> parts(Citation c) {
        List<IndicatorPage.Part> parts = new ArrayList<>();
        int at = 0;
        for (Citation.Mark m : c.marks()) {
            if (m.from() < at || m.to() > c.sentence().length()) {
                continue; // overlapping or outside: never the case for marks made by cite, kept safe anyway
            }
            if (m.from() > at) {
                parts.add(new IndicatorPage.Part(c.sentence().substring(at, m.from()), false));
            }
            parts.add(new IndicatorPage.Part(c.sentence().substring(m.from(), m.to()), true));
            at = m.to();
        }
        if (at < c.sentence().length()) {
            parts.add(new IndicatorPage.Part(c.sentence().substring(at), false));
        }
        return parts;
    }

    /** An indicator's page, with the report sentences that state its figures. */
    Page indicator(Indicator d) {
        Address page = at.indicator(d.id());
        List<Figure> series = ind.series(d.id());
        String summary = series.isEmpty() ? "暂无数据。" : BarChart.summary(d.name(), series, d.unit());
        String description = series.isEmpty() ? d.definition() : summary;
        Frame frame = frames.of(page, description, null);
        if (!series.isEmpty()) {
            int latest = series.get(series.size() - 1).year();
            for (Report r : site.reports()) {
                if (r.year() == latest) {
                    frame = frames.of(page, "指标数据", r, description, null);
                    break;
                }
            }
        }
        List<IndicatorPage.Value> values = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Figure f = series.get(i);
            values.add(new IndicatorPage.Value(f.year(), f.quantity().toPlainString(), f.printedWithUnit(d.unit()),
                    i == 0 ? "" : Change.between(series.get(i - 1), f, d.unit())));
        }
        List<IndicatorPage.Quote> quotes = citations.of(d.id()).stream()
                .map(c -> new IndicatorPage.Quote(c.year(), c.sectionTitle(), c.address().from(page), c.sentence(), parts(c)))
                .toList();
        return new Page(page, "indicator", new IndicatorPage(frame, d.id(), d.definition(), d.unit(),
                ind.areasById().get(d.area()).name(), summary,
                series.isEmpty() ? "" : BarChart.html(series, d.unit()), values, series.size() > 1, quotes,
                at.openData("indicators.csv").from(page), at.openData("indicators.json").from(page)));
    }
}
