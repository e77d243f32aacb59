package cn.fazhi.portal.pages;

import java.util.List;

/** Every indicator, by area, with the years it has values for. */
public record IndicatorsPage(Frame frame, int count, String csv, String json, List<Group> groups) implements PageModel {

    /** The indicators of one area ({@code areaId}: its stable id, the anchor of its heading). */
    public record Group(String area, String areaId, List<Row> rows) {
    }

    /** One indicator: its page, unit and the years with a value ({@code 2022年、2023年}). */
    public record Row(String name, String href, String unit, String years) {
    }
}
