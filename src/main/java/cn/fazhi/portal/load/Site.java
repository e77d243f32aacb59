package cn.fazhi.portal.load;

import java.util.List;

/**
 * Everything the editors wrote, loaded and validated: the portal settings, the reports in
 * ascending year order, the figures, and the pages about the site.
 */
public record Site(SourceTree tree, SiteConfig config, List<Report> reports, Indicators indicators,
                   List<InfoPage> infoPages) {

    /** The site as {@code build} publishes it: draft years and draft sections left out. */
    public Site withoutDrafts() {
        List<Report> kept = reports.stream()
                .filter(r -> !r.draft())
                .map(r -> r.withSections(r.sections().stream()
                        .filter(s -> !s.draft() && !isUnderDraftPart(r, s)).toList()))
                .toList();
        java.util.Set<Integer> years = kept.stream().map(Report::year).collect(java.util.stream.Collectors.toSet());
        return new Site(tree, config, kept, indicators.onlyYears(years), infoPages);
    }

    private static boolean isUnderDraftPart(Report report, Section section) {
        return report.sections().stream()
                .anyMatch(p -> p.draft() && p.slug().equals(section.parentSlug()));
    }

    public Site withConfig(SiteConfig replaced) {
        return new Site(tree, replaced, reports, indicators, infoPages);
    }
}
