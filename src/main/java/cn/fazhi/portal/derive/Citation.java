package cn.fazhi.portal.derive;

/**
 * A place where a report states a figure.
 *
 * @param indicator the indicator's id
 * @param year the report's year
 * @param sectionTitle the title of the section (or the report, for the preamble)
 * @param path site path with the paragraph's anchor, e.g. {@code 2023/disputes.html#disputes-p3}
 * @param sentence the sentence that contains the figure, as published
 */
public record Citation(String indicator, int year, String sectionTitle, String path, String sentence) {
}
