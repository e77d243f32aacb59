package cn.fazhi.portal.navigate;

import cn.fazhi.portal.load.Indicator;
import cn.fazhi.portal.load.InfoPage;
import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Section;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.pages.Address;
import cn.fazhi.portal.pages.Addresses;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code navigate} stage: every page the site has, in order, and how they hang together —
 * which page is above which (the breadcrumbs and the site map's tree), and which section comes
 * before and after which. Made once per build from the loaded site, before any page is composed,
 * so every kind of page and the site map agree.
 */
public final class Navigation {

    /**
     * One page of the site as navigation knows it.
     *
     * @param address where it is
     * @param title its title
     * @param label what the breadcrumbs and the site map's group call it (the report's year
     *              instead of its long title, say)
     * @param draft true for a page shown only in the preview
     */
    public record Entry(Address address, String title, String label, boolean draft) {
    }

    private final Map<String, Entry> pages = new LinkedHashMap<>();
    private final Map<String, String> parents = new LinkedHashMap<>();
    private final Map<String, List<Entry>> children = new LinkedHashMap<>();
    private final Map<String, List<Entry>> sequences = new LinkedHashMap<>();
    /** The pages of a year's report (its page, its sections, its figures) to that year. */
    private final Map<String, Integer> years = new LinkedHashMap<>();
    private final Site site;
    private final Addresses at;

    private Navigation(Site site, Addresses at) {
        this.site = site;
        this.at = at;
    }

    /** Every page of {@code site}, in the order the site lists and makes them. */
    public static Navigation of(Site site, Addresses at) {
        Navigation n = new Navigation(site, at);
        n.outline();
        return n;
    }

    private void outline() {
        Entry home = add(at.home(), site.config().name(), site.config().name(), false, null);
        for (Report r : site.reports()) {
            Entry year = add(at.year(r.year()), r.title(), r.year() + "年报告", r.draft(), home);
            years.put(year.address().path(), r.year());
            List<Entry> sections = new ArrayList<>();
            for (Section s : r.sections()) {
                Entry parent = s.level() == 1 ? year
                        : pages.getOrDefault(at.section(r.year(), s.parentSlug()).path(), year);
                sections.add(add(at.section(r.year(), s.slug()), s.title(), s.title(), r.draft() || s.draft(), parent));
            }
            sections.forEach(s -> sequences.put(s.address().path(), sections));
            sections.forEach(s -> years.put(s.address().path(), r.year()));
        }
        for (InfoPage info : site.infoPages()) {
            add(at.about(info.slug()), info.title(), info.title(), false, home);
        }
        for (Report r : site.reports()) {
            if (!site.indicators().ofYear(r.year()).isEmpty()) {
                add(at.yearFigures(r.year()), r.year() + "年主要数据", r.year() + "年主要数据", r.draft(),
                        pages.get(at.year(r.year()).path()));
                years.put(at.yearFigures(r.year()).path(), r.year());
            }
        }
        // Always there, also before the first indicator is entered: every page's menu links to it.
        Entry index = add(at.indicators(), "指标数据", "指标数据", false, home);
        for (Indicator d : site.indicators().definitions()) {
            add(at.indicator(d.id()), d.name(), d.name(), false, index);
        }
        add(at.corrections(), "更正记录", "更正记录", false, home);
        add(at.search(), "站内搜索", "站内搜索", false, home);
        add(at.siteMap(), "网站地图", "网站地图", false, home);
        add(at.notFound(), "页面未找到", "页面未找到", false, null);
    }

    private Entry add(Address address, String title, String label, boolean draft, Entry parent) {
        Entry e = new Entry(address, title, label, draft);
        pages.put(address.path(), e);
        if (parent != null) {
            parents.put(address.path(), parent.address().path());
            children.computeIfAbsent(parent.address().path(), k -> new ArrayList<>()).add(e);
        }
        return e;
    }

    /** Every page, in order: home, each year's report and sections, the pages about the site, the figures, 更正记录, search, site map, 404. */
    public List<Entry> pages() {
        return List.copyOf(pages.values());
    }

    /** The page at {@code address}. */
    public Entry entry(Address address) {
        Entry e = pages.get(address.path());
        if (e == null) {
            throw new IllegalArgumentException("not a page of the site: " + address.path());
        }
        return e;
    }

    /**
     * The title of {@code page} as its {@code <title>} gives it (before the site's name): its own
     * title, and, for a page of a year's report whose title does not name that year, the year's
     * label after it ({@code 二、存在问题 - 2023年报告}). The most specific part comes first, and
     * the same section title in two years' reports makes two different titles.
     */
    public String documentTitle(Address page) {
        Entry e = entry(page);
        Integer year = years.get(page.path());
        if (year == null || e.title().contains(year + "年")) {
            return e.title();
        }
        return e.title() + " - " + entry(at.year(year)).label();
    }

    /** The pages above {@code page}, from the home page down (its breadcrumbs). */
    public List<Entry> above(Address page) {
        List<Entry> chain = new ArrayList<>();
        for (String p = parents.get(page.path()); p != null; p = parents.get(p)) {
            chain.add(0, pages.get(p));
        }
        return chain;
    }

    /** The pages directly below {@code page}, in order. */
    public List<Entry> below(Address page) {
        return List.copyOf(children.getOrDefault(page.path(), List.of()));
    }

    /** The section before {@code section} in its report, if any. */
    public Optional<Entry> previous(Address section) {
        return neighbour(section, -1);
    }

    /** The section after {@code section} in its report, if any. */
    public Optional<Entry> next(Address section) {
        return neighbour(section, +1);
    }

    private Optional<Entry> neighbour(Address section, int step) {
        List<Entry> sequence = sequences.getOrDefault(section.path(), List.of());
        int at = sequence.indexOf(entry(section));
        int i = at + step;
        return at >= 0 && i >= 0 && i < sequence.size() ? Optional.of(sequence.get(i)) : Optional.empty();
    }

    /** A group of the site map and its tree. */
    public record Group(String title, List<Node> items) {
    }

    /** A page in the site map, with the pages below it. */
    public record Node(Entry entry, List<Node> children) {
    }

    /**
     * The site map (网站地图): the home page; each year's report, newest first, with its sections and
     * other pages below it; the figures; then the other pages. The site map and the 404 page are
     * not listed in it.
     */
    public List<Group> siteMap() {
        List<Group> groups = new ArrayList<>();
        Address home = at.home();
        groups.add(new Group("首页", List.of(new Node(entry(home), List.of()))));
        site.reports().stream().sorted(Comparator.comparingInt(Report::year).reversed()).forEach(r -> {
            Entry year = entry(at.year(r.year()));
            groups.add(new Group(year.label(), List.of(tree(year))));
        });
        groups.add(new Group("指标数据", List.of(tree(entry(at.indicators())))));
        java.util.Set<Address> listed = new java.util.HashSet<>(List.of(at.indicators(), at.siteMap()));
        site.reports().forEach(r -> listed.add(at.year(r.year())));
        List<Node> others = below(home).stream().filter(e -> !listed.contains(e.address()))
                .map(e -> new Node(e, List.of())).toList();
        if (!others.isEmpty()) {
            groups.add(new Group("其他页面", others));
        }
        return groups;
    }

    private Node tree(Entry e) {
        return new Node(e, below(e.address()).stream().map(this::tree).toList());
    }
}
