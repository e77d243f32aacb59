package cn.fazhi.portal.cite;

import cn.fazhi.portal.pages.Address;

/**
 * A place where a report states a figure.
 *
 * @param indicator the indicator's id
 * @param year the report's year
 * @param sectionTitle the title of the section (or the report, for the preamble)
 * @param address the page, at the paragraph's anchor, e.g. {@code 2023/disputes.html#disputes-p3}
 * @param sentence the sentence that contains the figure, as published
 */
public record Citation(String indicator, int year, String sectionTitle, Address address, String sentence) {
}
