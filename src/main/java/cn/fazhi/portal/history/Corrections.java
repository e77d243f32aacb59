package cn.fazhi.portal.history;

import cn.fazhi.portal.load.Figure;
import cn.fazhi.portal.load.FileChange;
import cn.fazhi.portal.load.Indicator;
import cn.fazhi.portal.load.PastValues;
import cn.fazhi.portal.load.Publications;
import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Section;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.load.SourceHistory;
import cn.fazhi.portal.pages.Addresses;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corrections (更正说明) of the published reports, from the changes git history records after
 * each report's publication ({@link SourceHistory#changes}): a changed value or wording in
 * {@code data/<year>.yaml}, a changed sentence of a published section or preamble. Only what the
 * site publishes today is reported (a draft section, an indicator no longer shown: nothing to
 * correct on a page), newest first.
 */
public final class Corrections {

    private static final Pattern FIGURE = Pattern.compile("ind:([a-z0-9]+(?:-[a-z0-9]+)*)\\[[^\\]]*\\]");

    private final List<Correction> all;

    private Corrections(List<Correction> all) {
        this.all = List.copyOf(all);
    }

    public static Corrections of(Site site, Addresses at, SourceHistory history) {
        List<Correction> found = new ArrayList<>();
        Map<String, Integer> sameTime = new HashMap<>();
        for (FileChange change : history.changes()) {
            Optional<Report> report = site.reports().stream().filter(r -> r.year() == change.year()).findFirst();
            if (report.isEmpty()) {
                continue;
            }
            List<Found> made = change.path().endsWith(".yaml") ? values(site, at, report.get(), change)
                    : sentences(site, at, report.get(), change);
            for (Found f : made) {
                String key = change.when().getEpochSecond() + "";
                int n = sameTime.merge(key, 1, Integer::sum);
                found.add(new Correction("correction-" + key + "-" + n, change.when().atZone(Publications.CHINA).toLocalDate(),
                        change.when(), change.year(), f.text(), change.reason(), f.pages()));
            }
        }
        found.sort(Comparator.comparing(Correction::when).reversed()); // stable: a commit's own order is kept
        return new Corrections(found);
    }

    private record Found(String text, List<String> pages) {
    }

    /** Every correction, newest first. */
    public List<Correction> all() {
        return all;
    }

    /** The corrections shown on the page at {@code path}, newest first. */
    public List<Correction> on(String path) {
        return all.stream().filter(c -> c.pages().contains(path)).toList();
    }

    private static List<Found> values(Site site, Addresses at, Report report, FileChange change) {
        Map<String, String> before = PastValues.printed(change.before());
        Map<String, String> after = PastValues.printed(change.after());
        List<Found> found = new ArrayList<>();
        for (Map.Entry<String, String> e : after.entrySet()) {
            String old = before.get(e.getKey());
            Optional<Indicator> d = site.indicators().definition(e.getKey());
            Optional<Figure> figure = site.indicators().figure(e.getKey(), report.year());
            if (old == null || old.equals(e.getValue()) || d.isEmpty() || figure.isEmpty()) {
                continue; // a new value, an unchanged one, or one the site does not show
            }
            String unit = d.get().unit();
            List<String> pages = new ArrayList<>();
            report.sections().stream().filter(s -> s.slug().equals(figure.get().section())).findFirst()
                    .ifPresent(s -> pages.add(at.section(report.year(), s.slug()).path()));
            pages.add(at.year(report.year()).path());
            pages.add(at.yearFigures(report.year()).path());
            pages.add(at.indicator(e.getKey()).path());
            found.add(new Found(d.get().name() + "由" + withUnit(old, unit) + "更正为" + withUnit(e.getValue(), unit), pages));
        }
        return found;
    }

    private static String withUnit(String printed, String unit) {
        return printed.endsWith("%") && unit.equals("%") ? printed : printed + unit;
    }

    private static List<Found> sentences(Site site, Addresses at, Report report, FileChange change) {
        String where;
        List<String> pages = new ArrayList<>();
        if (change.path().equals(report.landing().name())) {
            where = "导语";
        } else {
            Optional<Section> section = report.sections().stream().filter(s -> s.source().name().equals(change.path())).findFirst();
            if (section.isEmpty()) {
                return List.of(); // not published (a draft), or gone
            }
            where = "“" + section.get().title() + "”";
            pages.add(at.section(report.year(), section.get().slug()).path());
        }
        pages.add(at.year(report.year()).path());
        List<Found> found = new ArrayList<>();
        for (Paragraphs.Replaced r : Paragraphs.changes(Paragraphs.of(change.before()), Paragraphs.of(change.after()))) {
            String before = printed(site, report.year(), r.before());
            String after = printed(site, report.year(), r.after());
            if (!before.equals(after) && !before.isBlank() && !after.isBlank()) {
                found.add(new Found(where + "中“" + before + "”更正为“" + after + "”", pages));
            }
        }
        return found;
    }

    /**
     * A sentence as the page prints it: each figure reference as the figure the site shows now (a
     * value corrected in the same commit is its own correction).
     */
    private static String printed(Site site, int year, String source) {
        Matcher m = FIGURE.matcher(source);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(
                    site.indicators().figure(m.group(1), year).map(Figure::printed).orElse("")));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
