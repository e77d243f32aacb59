package cn.fazhi.portal.compose;

import cn.fazhi.portal.history.Corrections;
import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.navigate.Navigation;
import cn.fazhi.portal.pages.Address;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.pages.CorrectionsPage;
import cn.fazhi.portal.pages.Link;
import cn.fazhi.portal.pages.Notice;
import cn.fazhi.portal.pages.NotFoundPage;
import cn.fazhi.portal.pages.Page;
import cn.fazhi.portal.pages.SearchPage;
import cn.fazhi.portal.pages.SiteMapPage;

import java.util.Comparator;
import java.util.List;

/** The pages about the whole site: 更正记录, search, the site map (网站地图) and the 404 page. */
final class SitePages {

    private final Site site;
    private final Addresses at;
    private final Navigation navigation;
    private final Frames frames;
    private final Corrections corrections;

    SitePages(Site site, Addresses at, Navigation navigation, Frames frames, Corrections corrections) {
        this.corrections = corrections;
        this.site = site;
        this.at = at;
        this.navigation = navigation;
        this.frames = frames;
    }

    /** The search page: the form, with a year filter built from the years the site has. */
    Page search() {
        Address page = at.search();
        List<Integer> years = site.reports().stream().map(Report::year).sorted(Comparator.reverseOrder()).toList();
        String description = site.config().name() + "：站内搜索，可按年份查找年度报告全文。";
        return new Page(page, "search", new SearchPage(frames.of(page, description, null), years,
                site.config().searchExamples()));
    }

    /** 更正记录: every correction, newest first, each linking to the first page that shows it. */
    Page corrections() {
        Address page = at.corrections();
        List<Notice> all = corrections.all().stream()
                .map(c -> Frames.notice(c, at.file(c.pages().get(0)).from(page))).toList();
        return new Page(page, "corrections", new CorrectionsPage(frames.of(page,
                "报告发布后对已发布数据和文字的更正，按时间从新到旧排列。发布前的修改属于起草，不在此列。", null), all));
    }

    /** The site map page, from navigation's tree. */
    Page siteMap() {
        Address page = at.siteMap();
        List<SiteMapPage.Group> groups = navigation.siteMap().stream()
                .map(g -> new SiteMapPage.Group(g.title(), nodes(g.items(), page))).toList();
        return new Page(page, "site_map", new SiteMapPage(frames.of(page, "本站全部页面，按栏目排列。", null), groups));
    }

    private static List<SiteMapPage.Node> nodes(List<Navigation.Node> items, Address page) {
        return items.stream().map(n -> new SiteMapPage.Node(Frames.titled(n.entry(), page), nodes(n.children(), page)))
                .toList();
    }

    /**
     * A web server answers any missing address with this page, at whatever depth the address is,
     * so relative links cannot work on it. Its links start with the base path instead
     * ({@code /fzzf/css/site.css}): they work on any host that serves the site under that path,
     * need no {@code <base>} element (which a Content-Security-Policy of {@code base-uri 'none'} forbids),
     * and stay on the same origin.
     */
    Page notFound() {
        Address page = at.notFound();
        List<Link> reports = site.reports().stream().sorted(Comparator.comparingInt(Report::year).reversed())
                .map(r -> new Link(r.title(), at.year(r.year()).fromBasePath(), r.draft())).toList();
        return new Page(page, "notfound", new NotFoundPage(frames.ofNotFound(page, "您要访问的页面不存在，可能已被移动或删除。"),
                at.home().fromBasePath(), reports,
                at.siteMap().fromBasePath(), at.search().fromBasePath()));
    }
}
