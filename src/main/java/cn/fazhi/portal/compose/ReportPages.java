package cn.fazhi.portal.compose;

import cn.fazhi.portal.load.InfoPage;
import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.StatutoryCalendar;
import cn.fazhi.portal.load.Section;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.navigate.Navigation;
import cn.fazhi.portal.pages.AboutPage;
import cn.fazhi.portal.pages.Address;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.pages.HomePage;
import cn.fazhi.portal.pages.Link;
import cn.fazhi.portal.pages.Page;
import cn.fazhi.portal.pages.SectionPage;
import cn.fazhi.portal.pages.YearPage;
import cn.fazhi.portal.render.Converted;
import cn.fazhi.portal.render.Fragment;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The pages of the reports: the home page, one page per year with the whole report, one page per
 * section with its neighbours, and the pages about the site. Everything a template needs is
 * computed here, so templates hold layout only.
 */
final class ReportPages {

    private final Site site;
    private final Addresses at;
    private final Navigation navigation;
    private final Frames frames;
    private final Converted converted;

    ReportPages(Site site, Addresses at, Navigation navigation, Frames frames, Converted converted) {
        this.site = site;
        this.at = at;
        this.navigation = navigation;
        this.frames = frames;
        this.converted = converted;
    }

    Page home() {
        Address page = at.home();
        List<HomePage.ReportEntry> reports = site.reports().stream()
                .sorted(Comparator.comparingInt(Report::year).reversed())
                .map(r -> new HomePage.ReportEntry(r.year(), r.title(), r.issuers(), at.year(r.year()).from(page), r.draft()))
                .toList();
        String indicators = site.indicators().definitions().isEmpty() ? null : at.indicators().from(page);
        String name = site.config().name();
        ObjectNode website = LinkedData.node("WebSite").put("name", name).put("url", at.home().absolute());
        if (!site.config().owner().isBlank()) {
            website.set("publisher", LinkedData.publishers(List.of(site.config().owner())));
        }
        String description = name + "：历年年度报告全文" + (indicators == null ? "" : "，以及报告所载的指标数据，可下载 CSV 和 JSON") + "。";
        return new Page(page, "home", new HomePage(frames.of(page, description, website), reports, indicators));
    }

    Page year(Report report) {
        Address page = at.year(report.year());
        List<YearPage.Part> parts = new ArrayList<>();
        Fragment landing = converted.of(report.landing());
        boolean figureLinks = !landing.figures().isEmpty();
        boolean tables = landing.tables();
        for (Section s : report.sections()) {
            Fragment text = converted.of(s.source());
            // On the year page a part's title is an h2 and a subsection's an h3; body headings go below.
            parts.add(new YearPage.Part(s.slug(), s.level(), s.title(), s.draft(), text.nested(),
                    at.section(report.year(), s.slug()).from(page)));
            figureLinks |= !text.figures().isEmpty();
            tables |= text.tables();
        }
        String figures = site.indicators().ofYear(report.year()).isEmpty() ? null : at.yearFigures(report.year()).from(page);
        ObjectNode thing = LinkedData.report(report.title()).put("temporalCoverage", String.valueOf(report.year()));
        return new Page(page, "year", new YearPage(frames.of(page, "年度报告", report, landing.lead(), thing), report.year(),
                report.issuers(), figures, landing.html(), parts, late(report), figureLinks, tables));
    }

    /**
     * The plain statement of a report made public after 31 March of the following year, the date
     * 《法治政府建设与责任落实督察工作规定》 sets; from the report's own date, never the clock.
     */
    static String late(Report report) {
        if (!StatutoryCalendar.late(report)) {
            return "";
        }
        return "逾期公开：本报告于" + Frames.published(report) + "公开，晚于规定的" + (report.year() + 1) + "年3月31日。";
    }

    /** The page of section {@code index} of {@code report} (also made alone by the preview's quick update). */
    Page section(Report report, int index) {
        Section s = report.sections().get(index);
        Address page = at.section(report.year(), s.slug());
        List<Link> children = navigation.below(page).stream().map(e -> Frames.titled(e, page)).toList();
        Link previous = navigation.previous(page).map(e -> Frames.titled(e, page)).orElse(null);
        Link next = navigation.next(page).map(e -> Frames.titled(e, page)).orElse(null);
        Link whole = new Link(report.title(), at.year(report.year()).from(page), report.draft());
        ObjectNode thing = LinkedData.report(s.title()).put("temporalCoverage", String.valueOf(report.year()));
        thing.set("isPartOf", LinkedData.report(report.title()).put("url", at.year(report.year()).absolute()));
        Fragment text = converted.of(s.source());
        // A part with no text of its own (一、主要举措及成效) is described by the sections it lists.
        String description = !text.lead().isEmpty() || children.isEmpty() ? text.lead()
                : s.title() + "：" + children.stream().map(Link::title).collect(Collectors.joining("；"));
        return new Page(page, "section", new SectionPage(frames.of(page, "年度报告", report, description, thing),
                report.year(), whole, text.html(), children, previous, next, !text.figures().isEmpty(), text.tables()));
    }

    Page about(InfoPage info) {
        Address page = at.about(info.slug());
        Fragment text = converted.of(info.source());
        return new Page(page, "info", new AboutPage(frames.of(page, text.lead(), null), text.html(), text.tables()));
    }
}
