package cn.fazhi.portal.pages;

/**
 * What a template shows, one record per kind of page. Templates read the values by name
 * ({@code content.frame.title}), so a misspelt name fails the build with the template's line.
 */
public sealed interface PageModel permits HomePage, YearPage, SectionPage, FiguresPage, IndicatorsPage, CorrectionsPage,
        IndicatorPage, SearchPage, SiteMapPage, NotFoundPage, AboutPage {

    /** What every page shows around its own content. */
    Frame frame();
}
