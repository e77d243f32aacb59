package cn.fazhi.portal.map;

import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.load.SourceDate;
import cn.fazhi.portal.output.OutputFile;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.render.Converted;
import org.jsoup.Jsoup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The Atom feed {@code feed.xml}: one entry per year's report, newest first.
 *
 * <p>Nothing here reads the clock. A report's entry is dated by its {@code :date:}; a report without
 * one by the {@link SourceDate} (the source's last commit, else SOURCE_DATE_EPOCH), else by the
 * newest {@code :date:} of the others. Atom requires a date on the feed and on every entry, so
 * when nothing gives one there is no feed at all (and no page links to it): a made-up date, such
 * as 1970-01-01, would tell feed readers something false.
 */
public final class Feed {

    /** Report dates are dates in China (UTC+8, no daylight saving), so their instants never vary. */
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final SourceDate undated;

    /** @param undated the date of a report that states none */
    public Feed(SourceDate undated) {
        this.undated = undated;
    }

    /** Whether {@code site} has a feed: some report states a date, or the source gives one. */
    public boolean exists(Site site) {
        return newestDate(site).isPresent();
    }

    /** feed.xml, if the site has one; each entry's summary is the text of its report's preamble. */
    public Optional<OutputFile> of(Site site, Addresses at, Converted converted) {
        return exists(site) ? Optional.of(OutputFile.text(at.feed().path(), xml(site, at, converted))) : Optional.empty();
    }

    /** The date given to a report without :date:, as the feed writes it. */
    private Optional<String> fallback(Site site) {
        return undated.instant().map(DateTimeFormatter.ISO_INSTANT::format)
                .or(() -> site.reports().stream().map(Report::published).flatMap(Optional::stream)
                        .max(Comparator.naturalOrder()).map(Feed::chinaDate));
    }

    /** The newest of the entries' dates, written as its entry writes it. */
    private Optional<String> newestDate(Site site) {
        Optional<String> fallback = fallback(site);
        return site.reports().stream().map(r -> r.published().map(Feed::chinaDate).or(() -> fallback))
                .flatMap(Optional::stream).max(Comparator.comparing(Feed::instant))
                .or(() -> site.reports().isEmpty() ? undated.instant().map(DateTimeFormatter.ISO_INSTANT::format) : Optional.empty());
    }

    String xml(Site site, Addresses at, Converted converted) {
        List<Report> newestFirst = site.reports().stream()
                .sorted(Comparator.comparingInt(Report::year).reversed()).toList();
        String updated = newestDate(site).orElseThrow();
        String fallback = fallback(site).orElse(updated);
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
            x.append("    <updated>").append(r.published().map(Feed::chinaDate).orElse(fallback)).append("</updated>\n");
            for (String issuer : r.issuers()) {
                x.append("    <author><name>").append(Xml.escape(issuer)).append("</name></author>\n");
            }
            String summary = Jsoup.parseBodyFragment(converted.of(r.landing()).html()).text().strip();
            if (!summary.isEmpty()) {
                x.append("    <summary type=\"text\">").append(Xml.escape(summary)).append("</summary>\n");
            }
            x.append("  </entry>\n");
        }
        return x.append("</feed>\n").toString();
    }

    private static String chinaDate(LocalDate date) {
        return date.atStartOfDay().atOffset(CHINA).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static Instant instant(String written) {
        return OffsetDateTime.parse(written).toInstant();
    }
}
