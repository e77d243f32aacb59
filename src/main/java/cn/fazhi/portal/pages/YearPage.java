package cn.fazhi.portal.pages;

import java.util.List;

/**
 * A year's whole report on one page.
 *
 * @param figures the link to the year's figure table, or null when the year has no figures
 * @param preamble the converted text before the first section
 * @param late the sentence saying the report was made public after its statutory date (逾期公开),
 *             or empty when it was in time or states no date
 * @param figureLinks whether its text links figures to their indicators' pages (the page then says
 *                    what the linked numbers are)
 * @param tables whether its text has a table (the page then loads the script for wide tables)
 */
public record YearPage(Frame frame, int year, List<String> issuers, String figures, String preamble,
                       List<Part> sections, String late, boolean figureLinks, boolean tables) implements PageModel {

    /**
     * One section in the report page.
     *
     * @param html its text with the headings moved under the section's own title
     * @param href the link to the section's own page
     */
    public record Part(String slug, int level, String title, boolean draft, String html, String href) {
    }
}
