package cn.fazhi.portal.cite;

import cn.fazhi.portal.pages.Address;

import java.util.List;

/**
 * A paragraph where a report states a figure: quoted once, however many times it states it.
 *
 * @param indicator the indicator's id
 * @param year the report's year
 * @param sectionTitle the title of the section (or the report, for the preamble)
 * @param address the page, at the paragraph's anchor, e.g. {@code 2023/disputes.html#disputes-p3}
 * @param sentence the sentences of the paragraph that state the figure, as published, in order;
 *                 sentences that are not next to each other are joined by {@value Citations#GAP}
 * @param marks where the figure is printed in {@code sentence}, in order: every occurrence
 */
public record Citation(String indicator, int year, String sectionTitle, Address address, String sentence,
                       List<Mark> marks) {

    public Citation {
        marks = List.copyOf(marks);
    }

    /** The figure's printed text at {@code sentence.substring(from, to)}. */
    public record Mark(int from, int to) {
    }
}
