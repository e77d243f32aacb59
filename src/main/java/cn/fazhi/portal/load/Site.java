package cn.fazhi.portal.load;

import java.util.List;

/**
 * Everything the editors wrote, loaded and validated: the portal settings, the reports in
 * ascending year order, the figures, and the pages about the site.
 */
public record Site(SourceTree tree, SiteConfig config, List<Report> reports, Indicators indicators,
                   List<InfoPage> infoPages) {

    /**
     * The site as {@code build} publishes it: draft years and draft sections left out, and with them
     * the figures only they state and the indicators left without a figure (no empty page, index
     * row, open-data entry or search result for a number only a draft states).
     */
    public Site withoutDrafts() {
        List<Report> kept = reports.stream()
                .filter(r -> !r.draft())
                .map(r -> r.withSections(r.sections().stream()
                        .filter(s -> !s.draft() && !isUnderDraftPart(r, s)).toList()))
                .toList();
        java.util.Set<Integer> years = kept.stream().map(Report::year).collect(java.util.stream.Collectors.toSet());
        return new Site(tree, config, kept, indicators.onlyYears(years).only(publishedFigures(kept)).withValuesOnly(),
                infoPages);
    }

    /**
     * A figure is published when the section that states it is, or when published text cites it:
     * a number whose only source is a draft stays out of the pages and the open data too.
     */
    private static java.util.function.Predicate<Figure> publishedFigures(List<Report> kept) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Report r : kept) {
            r.sections().forEach(s -> keys.add(r.year() + "/section/" + s.slug()));
            java.util.List<TextFile> texts = new java.util.ArrayList<>(List.of(r.landing()));
            r.sections().forEach(s -> texts.add(s.source()));
            for (TextFile text : texts) {
                FigureReferences.in(text.text()).ids().forEach(id -> keys.add(r.year() + "/cited/" + id));
            }
        }
        return f -> keys.contains(f.year() + "/section/" + f.section()) || keys.contains(f.year() + "/cited/" + f.indicator());
    }

    private static boolean isUnderDraftPart(Report report, Section section) {
        return report.sections().stream()
                .anyMatch(p -> p.draft() && p.slug().equals(section.parentSlug()));
    }

    public Site withConfig(SiteConfig replaced) {
        return new Site(tree, replaced, reports, indicators, infoPages);
    }
}
