package cn.fazhi.portal.pages;

import java.util.List;

/**
 * One section of a report on a page of its own, with its neighbours.
 *
 * @param report the link to the year's report
 * @param children the subsections of a part
 * @param previous the section before, or null
 * @param next the section after, or null
 */
public record SectionPage(Frame frame, int year, Link report, String html, List<Link> children, Link previous,
                          Link next) implements PageModel {
}
