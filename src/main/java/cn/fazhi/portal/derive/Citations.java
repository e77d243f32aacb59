package cn.fazhi.portal.derive;

import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Section;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.render.Fragment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Gathers, from the converted report text, every sentence that states a figure (found when each
 * file was converted: {@link Fragment#figures()}), so each indicator page
 * and the open data can quote and link the exact paragraphs that cite it. Derived from the text
 * itself, never typed; found once per build and shared by the pages and the open data.
 */
public final class Citations {

    /** Citations per indicator id, in reading order (year, then position in the report). */
    private final Map<String, List<Citation>> byIndicator;

    private Citations(Map<String, List<Citation>> byIndicator) {
        this.byIndicator = byIndicator;
    }

    /** Where the reports cite each figure, in reading order (year, then position in the report). */
    List<Citation> of(String indicator) {
        return byIndicator.getOrDefault(indicator, List.of());
    }

    /** The first place the report of {@code year} cites {@code indicator}. */
    Optional<Citation> first(String indicator, int year) {
        return of(indicator).stream().filter(c -> c.year() == year).findFirst();
    }

    /**
     * @param site the loaded site
     * @param converted the converted files by source file name ({@code TextFile.name()})
     */
    public static Citations find(Site site, Function<String, Fragment> converted) {
        Map<String, List<Citation>> byIndicator = new LinkedHashMap<>();
        for (Report report : site.reports()) {
            collect(report.year(), report.title(), Addresses.year(report.year()),
                    converted.apply(report.landing().name()), byIndicator);
            for (Section s : report.sections()) {
                collect(report.year(), s.title(), Addresses.section(report.year(), s.slug()),
                        converted.apply(s.source().name()), byIndicator);
            }
        }
        byIndicator.replaceAll((id, list) -> List.copyOf(list));
        return new Citations(byIndicator);
    }

    private static void collect(int year, String title, String page, Fragment fragment, Map<String, List<Citation>> out) {
        for (Fragment.FigureMention figure : fragment.figures()) {
            String anchor = figure.anchor().isEmpty() ? "" : "#" + figure.anchor();
            out.computeIfAbsent(figure.indicator(), k -> new ArrayList<>())
                    .add(new Citation(figure.indicator(), year, title, page + anchor, figure.sentence()));
        }
    }
}
