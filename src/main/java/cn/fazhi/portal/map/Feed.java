package cn.fazhi.portal.map;

import cn.fazhi.portal.history.Correction;
import cn.fazhi.portal.history.Corrections;
import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.load.SourceHistory;
import cn.fazhi.portal.output.OutputFile;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.render.Converted;
import cn.fazhi.portal.render.HtmlFragments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Atom feed {@code feed.xml}: one entry per year's report, newest first, then one per
 * correction (更正, {@link Corrections}), newest first.
 *
 * <p>Nothing here reads the clock. A report's entry is published on its {@code :date:} and updated
 * on its year page's 更新日期 (the last commit that changed its folder or its values, else
 * SOURCE_DATE_EPOCH: {@link SourceHistory#updated}), the same date the page shows; with neither, on
 * its {@code :date:}, else on the newest {@code :date:} of the others. Atom requires a date on the feed and on every entry, so
 * when nothing gives one there is no feed at all (and no page links to it): a made-up date, such
 * as 1970-01-01, would tell feed readers something false.
 */
public final class Feed {

    /** Report dates are dates in China (UTC+8, no daylight saving), so their instants never vary. */
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final SourceHistory history;
    private final Corrections corrections;

    /**
     * @param history what git says of the source, for the entries' dates
     * @param corrections each gets an entry of its own, dated by its commit's day
     */
    public Feed(SourceHistory history, Corrections corrections) {
        this.history = history;
        this.corrections = corrections;
    }

    /** The year page's 更新日期 as the feed writes it: the start of that day in China, as the page shows the day. */
    private Optional<String> updated(Report r) {
        return history.updated(List.of("content/" + r.year() + "/", "data/" + r.year() + ".yaml"))
                .map(t -> chinaDate(t.atZone(CHINA).toLocalDate()));
    }

    /** An entry's <updated>: its year page's date, never before its publication. */
    private Optional<String> entryUpdated(Report r, Optional<String> fallback) {
        Optional<String> published = r.published().map(Feed::chinaDate);
        Optional<String> updated = updated(r);
        if (published.isPresent() && updated.isPresent()) {
            return Optional.of(instant(updated.get()).isAfter(instant(published.get())) ? updated.get() : published.get());
        }
        return updated.or(() -> published).or(() -> fallback);
    }

    /** Whether {@code site} has a feed: some report states a date, or the source gives one. */
    public boolean exists(Site site) {
        return newestDate(site).isPresent();
    }

    /** feed.xml, if the site has one; each entry's summary is the text of its report's preamble. */
    public Optional<OutputFile> of(Site site, Addresses at, Converted converted) {
        return exists(site) ? Optional.of(OutputFile.text(at.feed().path(), xml(site, at, converted))) : Optional.empty();
    }

    /** The date given to a report that neither git nor its header dates: the newest :date: of the others. */
    private static Optional<String> fallback(Site site) {
        return site.reports().stream().map(Report::published).flatMap(Optional::stream)
                .max(Comparator.naturalOrder()).map(Feed::chinaDate);
    }

    /** The newest of the entries' dates, written as its entry writes it. */
    private Optional<String> newestDate(Site site) {
        Optional<String> fallback = fallback(site);
        Stream<String> reports = site.reports().stream().map(r -> entryUpdated(r, fallback)).flatMap(Optional::stream);
        Stream<String> corrected = corrections.all().stream().map(c -> chinaDate(c.date()));
        return Stream.concat(reports, corrected).max(Comparator.comparing(Feed::instant))
                .or(() -> site.reports().isEmpty() ? history.updated(List.of("content/", "data/"))
                        .map(t -> chinaDate(t.atZone(CHINA).toLocalDate())) : Optional.empty());
    }

    String xml(Site site, Addresses at, Converted converted) {
        List<Report> newestFirst = site.reports().stream()
                .sorted(Comparator.comparingInt(Report::year).reversed()).toList();
        String updated = newestDate(site).orElseThrow();
        Optional<String> fallback = fallback(site).or(() -> Optional.of(updated));
        String name = Xml.escape(site.config().name());
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n");
        x.append("  <title>").append(name).append("</title>\n");
        x.append("  <id>").append(Xml.escape(at.baseUrl())).append("</id>\n");
        x.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(at.baseUrl())).append("\"/>\n");
        x.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"")
                .append(Xml.escape(at.feed().absolute())).append("\"/>\n");
        x.append("  <updated>").append(updated).append("</updated>\n");
        x.append("  <author><name>").append(name).append("</name></author>\n");
        for (Report r : newestFirst) {
            String url = Xml.escape(at.year(r.year()).absolute());
            x.append("  <entry>\n");
            x.append("    <title>").append(Xml.escape(r.title())).append("</title>\n");
            x.append("    <id>").append(url).append("</id>\n");
            x.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(url).append("\"/>\n");
            r.published().ifPresent(d -> x.append("    <published>").append(chinaDate(d)).append("</published>\n"));
            x.append("    <updated>").append(entryUpdated(r, fallback).orElseThrow()).append("</updated>\n");
            for (String issuer : r.issuers()) {
                x.append("    <author><name>").append(Xml.escape(issuer)).append("</name></author>\n");
            }
            String summary = HtmlFragments.visibleText(converted.of(r.landing()).html());
            if (!summary.isEmpty()) {
                x.append("    <summary type=\"text\">").append(Xml.escape(summary)).append("</summary>\n");
            }
            x.append("  </entry>\n");
        }
        for (Correction c : corrections.all()) {
            x.append(correction(c, at));
        }
        return x.append("</feed>\n").toString();
    }

    /** A correction's entry: its own id (the 更正记录 entry), linking to the page that shows the corrected text. */
    private static String correction(Correction c, Addresses at) {
        String text = "更正：" + c.text() + (c.reason().isEmpty() ? "" : "（更正原因：" + c.reason() + "）");
        StringBuilder x = new StringBuilder();
        x.append("  <entry>\n");
        x.append("    <title>").append(Xml.escape(c.year() + "年报告" + text)).append("</title>\n");
        x.append("    <id>").append(Xml.escape(at.corrections().absolute() + "#" + c.id())).append("</id>\n");
        x.append("    <link rel=\"alternate\" type=\"text/html\" href=\"")
                .append(Xml.escape(at.file(c.pages().get(0)).absolute())).append("\"/>\n");
        x.append("    <updated>").append(chinaDate(c.date())).append("</updated>\n");
        x.append("    <summary type=\"text\">").append(Xml.escape(chineseDate(c) + text)).append("</summary>\n");
        x.append("  </entry>\n");
        return x.toString();
    }

    private static String chineseDate(Correction c) {
        return c.date().getYear() + "年" + c.date().getMonthValue() + "月" + c.date().getDayOfMonth() + "日";
    }

    private static String chinaDate(LocalDate date) {
        return date.atStartOfDay().atOffset(CHINA).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static Instant instant(String written) {
        return OffsetDateTime.parse(written).toInstant();
    }
}
