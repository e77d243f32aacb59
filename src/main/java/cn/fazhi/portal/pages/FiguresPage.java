package cn.fazhi.portal.pages;

import java.util.List;

/** A year's figures in tables, one per area, each row linked to where the report states it. */
public record FiguresPage(Frame frame, int year, Link report, String csv, String json, List<Group> groups)
        implements PageModel {

    /** The figures of one area. */
    public record Group(String area, String areaId, List<Row> rows) {
    }

    /**
     * One figure.
     *
     * @param source the link to the paragraph that states it, or null when no published text does
     */
    public record Row(String name, String href, String quantity, String printed, String unit, String source) {
    }
}
