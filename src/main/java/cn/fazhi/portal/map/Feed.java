package cn.fazhi.portal.map;

import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.output.OutputFile;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.ProblemsException;
import cn.fazhi.portal.render.Converted;
import org.jsoup.Jsoup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The Atom feed {@code feed.xml}: one entry per year's report, newest first.
 *
 * <p>Nothing here reads the clock: a time stamp comes from the content (a report's {@code :date:}),
 * else from {@code SOURCE_DATE_EPOCH}, else it is {@link #FALLBACK_EPOCH}. So two builds of the same
 * sources are byte-identical whenever and wherever they run.
 */
public final class Feed {

    /** The time stamp used when no report states a date and SOURCE_DATE_EPOCH is not set. */
    public static final Instant FALLBACK_EPOCH = Instant.EPOCH;

    /** Report dates are dates in China (UTC+8, no daylight saving), so their instants never vary. */
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final Optional<Instant> sourceDateEpoch;

    /**
     * @param sourceDateEpoch the value of SOURCE_DATE_EPOCH (seconds since 1970), or null when unset
     * @throws ProblemsException when SOURCE_DATE_EPOCH is unusable
     */
    public Feed(String sourceDateEpoch) {
        this.sourceDateEpoch = epoch(sourceDateEpoch);
    }

    private static Optional<Instant> epoch(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.strip())));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new ProblemsException(Problem.at("SOURCE_DATE_EPOCH", 0,
                    "the environment variable SOURCE_DATE_EPOCH='" + value + "' is not a number of seconds since 1970",
                    "unset it, or set it to e.g. $(git log -1 --format=%ct)"));
        }
    }

    /** feed.xml; each entry's summary is the text of its report's preamble. */
    public OutputFile of(Site site, Addresses at, Converted converted) {
        return OutputFile.text(at.feed().path(), xml(site, at, converted));
    }

    String xml(Site site, Addresses at, Converted converted) {
        List<Report> newestFirst = site.reports().stream()
                .sorted(Comparator.comparingInt(Report::year).reversed()).toList();
        String updated = newestFirst.stream().map(Report::published).flatMap(Optional::stream)
                .max(Comparator.naturalOrder()).map(Feed::chinaDate).orElseGet(this::fallbackTime);
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
            x.append("    <updated>").append(r.published().map(Feed::chinaDate).orElseGet(this::fallbackTime))
                    .append("</updated>\n");
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

    private String fallbackTime() {
        return DateTimeFormatter.ISO_INSTANT.format(sourceDateEpoch.orElse(FALLBACK_EPOCH));
    }
}
