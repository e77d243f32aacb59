package cn.fazhi.portal.pages;

import java.util.List;

/**
 * The home page: the reports, newest first, and the way to the figures.
 *
 * @param indicators the link to the indicator index, or null when the site has no figures
 */
public record HomePage(Frame frame, List<ReportEntry> reports, String indicators) implements PageModel {

    /** One year's report as the home page lists it. */
    public record ReportEntry(int year, String title, List<String> issuers, String href, boolean draft) {
    }
}
