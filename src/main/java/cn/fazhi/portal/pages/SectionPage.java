package cn.fazhi.portal.pages;

import java.util.List;

/**
 * One section of a report on a page of its own, with its neighbours.
 *
 * @param report the link to the year's report
 * @param children the subsections of a part
 * @param previous the section before, or null
 * @param next the section after, or null
 * @param figureLinks whether its text links figures to their indicators' pages (the page then says
 *                    what the linked numbers are)
 * @param tables whether its text has a table (the page then loads the script for wide tables)
 */
public record SectionPage(Frame frame, int year, Link report, String html, List<Link> children, Link previous,
                          Link next, boolean figureLinks, boolean tables) implements PageModel {
}
