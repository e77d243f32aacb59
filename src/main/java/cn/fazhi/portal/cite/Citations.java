package cn.fazhi.portal.cite;

import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Section;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.pages.Address;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.render.Converted;
import cn.fazhi.portal.render.Fragment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code cite} stage: gathers, from the converted report text, every sentence that states a
 * figure (found when each file was converted: {@link Fragment#figures()}), so each indicator page
 * and the open data can quote and link the exact paragraphs that cite it. Derived from the text
 * itself, never typed; found once per build and shared by the pages and the open data.
 */
public final class Citations {

    /** Citations per indicator id, in reading order (year, then position in the report). */
    private final Map<String, List<Citation>> byIndicator;

    private Citations(Map<String, List<Citation>> byIndicator) {
        this.byIndicator = byIndicator;
    }

    /** Where the reports cite {@code indicator}, in reading order (year, then position in the report). */
    public List<Citation> of(String indicator) {
        return byIndicator.getOrDefault(indicator, List.of());
    }

    /** The first place the report of {@code year} cites {@code indicator}. */
    public Optional<Citation> first(String indicator, int year) {
        return of(indicator).stream().filter(c -> c.year() == year).findFirst();
    }

    /** Every citation in {@code site}'s converted text. */
    public static Citations find(Site site, Addresses at, Converted converted) {
        Map<String, List<Citation>> byIndicator = new LinkedHashMap<>();
        for (Report report : site.reports()) {
            collect(report.year(), report.title(), at.year(report.year()), converted.of(report.landing()), byIndicator);
            for (Section s : report.sections()) {
                collect(report.year(), s.title(), at.section(report.year(), s.slug()), converted.of(s.source()), byIndicator);
            }
        }
        byIndicator.replaceAll((id, list) -> List.copyOf(list));
        return new Citations(byIndicator);
    }

    private static void collect(int year, String title, Address page, Fragment fragment, Map<String, List<Citation>> out) {
        for (Fragment.FigureMention figure : fragment.figures()) {
            out.computeIfAbsent(figure.indicator(), k -> new ArrayList<>())
                    .add(new Citation(figure.indicator(), year, title, page.at(figure.anchor()), figure.sentence()));
        }
    }
}
