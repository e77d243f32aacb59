package cn.fazhi.portal.compose;

import cn.fazhi.portal.load.Figure;
import cn.fazhi.portal.load.FigureReferences;
import cn.fazhi.portal.load.InfoPage;
import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Section;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.load.SourceHistory;
import cn.fazhi.portal.pages.Addresses;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The source files each page is made from, and so its 更新日期 (the last commit that changed any
 * of them, {@link SourceHistory#updated}). A path ending in {@code /} is a whole folder.
 *
 * <ul>
 *   <li>a year page: its folder {@code content/<year>/} and {@code data/<year>.yaml};</li>
 *   <li>a section page: its file, and {@code data/<year>.yaml} when it states a figure;</li>
 *   <li>figure pages: {@code data/indicators.yaml}, the years' value files, and the years' text they quote;</li>
 *   <li>a page about the site: its file and {@code data/site.yaml};</li>
 *   <li>every other page (home, search, site map, 404): all of {@code content/} and {@code data/}.</li>
 * </ul>
 * The frame every page shares (menu, footer) is not counted: a new telephone number in
 * {@code data/site.yaml} is no update of a report's text.
 */
final class PageSources {

    private static final List<String> EVERYTHING = List.of("content/", "data/");

    private final Map<String, List<String>> byPage = new HashMap<>();
    private final SourceHistory history;

    PageSources(Site site, Addresses at, SourceHistory history) {
        this.history = history;
        for (Report r : site.reports()) {
            String values = "data/" + r.year() + ".yaml";
            String folder = "content/" + r.year() + "/";
            byPage.put(at.year(r.year()).path(), List.of(folder, values));
            for (Section s : r.sections()) {
                boolean cites = !FigureReferences.in(s.source().text()).ids().isEmpty();
                byPage.put(at.section(r.year(), s.slug()).path(),
                        cites ? List.of(s.source().name(), values) : List.of(s.source().name()));
            }
            byPage.put(at.yearFigures(r.year()).path(), List.of("data/indicators.yaml", values, folder));
        }
        Map<String, List<String>> indicators = new HashMap<>();
        for (Figure f : site.indicators().figures()) {
            List<String> files = indicators.computeIfAbsent(f.indicator(), k -> new ArrayList<>(List.of("data/indicators.yaml")));
            files.add("data/" + f.year() + ".yaml");
            files.add("content/" + f.year() + "/");
        }
        indicators.forEach((id, files) -> byPage.put(at.indicator(id).path(), files));
        byPage.put(at.indicators().path(), List.of("data/", "content/"));
        for (InfoPage info : site.infoPages()) {
            byPage.put(at.about(info.slug()).path(), List.of(info.source().name(), "data/site.yaml"));
        }
    }

    /** When the page at {@code path} was last updated, if git or SOURCE_DATE_EPOCH says. */
    Optional<Instant> updated(String path) {
        return history.updated(byPage.getOrDefault(path, EVERYTHING));
    }
}
