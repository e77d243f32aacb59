package cn.fazhi.portal.compose;

import cn.fazhi.portal.history.Correction;
import cn.fazhi.portal.history.Corrections;
import cn.fazhi.portal.load.Disclosure;
import cn.fazhi.portal.load.Publications;
import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.SiteConfig;
import cn.fazhi.portal.navigate.Navigation;
import cn.fazhi.portal.pages.Address;
import cn.fazhi.portal.pages.Frame;
import cn.fazhi.portal.pages.Link;
import cn.fazhi.portal.pages.Meta;
import cn.fazhi.portal.pages.Notice;
import cn.fazhi.portal.pages.SiteIdentity;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.List;

/**
 * The frame of each page (title, breadcrumbs, publication facts, site identity), from navigation,
 * with what the page says about itself to machines: its meta description ({@link Descriptions}) and
 * its JSON-LD ({@link LinkedData}), made from the frame's own facts.
 */
final class Frames {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");

    private final Navigation navigation;
    private final SiteIdentity identity;
    private final PageSources sources;
    private final Corrections corrections;
    private final Address correctionsPage;

    /**
     * @param feed whether the site has a feed, which every page then links to
     * @param sources what each page is made from, for its 更新日期
     * @param corrections the corrections, shown on the pages they concern
     * @param correctionsPage the 更正记录 page, which each notice links to
     */
    Frames(Navigation navigation, SiteConfig config, boolean feed, PageSources sources, Corrections corrections,
           Address correctionsPage) {
        this.navigation = navigation;
        this.sources = sources;
        this.corrections = corrections;
        this.correctionsPage = correctionsPage;
        this.identity = new SiteIdentity(config.name(), config.owner(), config.contact(), config.siteIdCode(),
                config.icpNumber(), config.policeNumber(), feed);
    }

    /**
     * The frame of a page that is not about a report.
     *
     * @param description the page's own text its meta description is cut from
     * @param thing what the page is, as a schema.org node ({@link LinkedData}), or null for a plain web page
     */
    Frame of(Address page, String description, ObjectNode thing) {
        return of(page, null, List.of(), description, thing);
    }

    /** The frame of a page whose text or figures come from {@code report}, in the site section {@code column}. */
    Frame of(Address page, String column, Report report, String description, ObjectNode thing) {
        Disclosure d = report.disclosure();
        return of(page, new Meta(column, report.published().map(Object::toString).orElse(""),
                published(report), String.join("、", report.issuers()), d.sourceUrl().orElse(""),
                d.indexNumber().orElse(""), d.documentNumber().orElse(""), d.written().map(CHINESE_DATE::format).orElse("")),
                report.issuers(), description, thing);
    }

    private Frame of(Address page, Meta meta, List<String> issuers, String description, ObjectNode thing) {
        Navigation.Entry entry = navigation.entry(page);
        List<Navigation.Entry> above = navigation.above(page);
        List<Link> crumbs = above.stream().map(e -> link(e, page)).toList();
        Optional<LocalDate> updated = sources.updated(page.path()).map(t -> t.atZone(Publications.CHINA).toLocalDate());
        Frame frame = new Frame(entry.title(), navigation.documentTitle(page), page.root(), page.absolute(), entry.draft(), crumbs, meta, identity,
                Descriptions.of(description, entry.title()), updated.map(Object::toString).orElse(""),
                updated.map(CHINESE_DATE::format).orElse(""),
                corrections.on(page.path()).stream().map(c -> notice(c, correctionsPage.from(page) + "#" + c.id())).toList(), "");
        return frame.withLinkedData(LinkedData.of(frame, thing, issuers, above)).withNav(MainNavigation.place(page));
    }

    /**
     * The 404 page's frame: a server shows it at any depth, so its links start from the base path,
     * and it has neither a canonical address nor breadcrumbs.
     */
    Frame ofNotFound(Address page, String description) {
        Frame frame = new Frame(navigation.entry(page).title(), navigation.documentTitle(page), page.site().basePath(), "", false, List.of(), null,
                identity, Descriptions.of(description, navigation.entry(page).title()), "", "", List.of(), "");
        return frame.withLinkedData(LinkedData.of(frame, null, List.of(), List.of()));
    }

    /** A link from {@code page} to the page of {@code entry}, named by its label (breadcrumbs). */
    static Link link(Navigation.Entry entry, Address page) {
        return new Link(entry.label(), entry.address().from(page), entry.draft());
    }

    /** A link from {@code page} to the page of {@code entry}, named by its title. */
    static Link titled(Navigation.Entry entry, Address page) {
        return new Link(entry.title(), entry.address().from(page), entry.draft());
    }

    /** A correction as a page shows it, linking to {@code href}. */
    static Notice notice(Correction c, String href) {
        return new Notice(c.id(), c.date().toString(), CHINESE_DATE.format(c.date()), c.text(), c.reason(), href);
    }

    /** The report's publication date in Chinese, or empty when it states none. */
    static String published(Report report) {
        return report.published().map(CHINESE_DATE::format).orElse("");
    }
}
