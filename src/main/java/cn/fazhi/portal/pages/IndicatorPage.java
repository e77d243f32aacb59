package cn.fazhi.portal.pages;

import java.util.List;

/**
 * One indicator: its values by year, the change, a chart with its summary in words, and the
 * report sentences that state it.
 *
 * @param chart the chart as SVG, or empty when there is no value
 */
public record IndicatorPage(Frame frame, String id, String definition, String unit, String area, String summary,
                            String chart, List<Value> values, boolean hasChange, List<Quote> quotes, String csv,
                            String json) implements PageModel {

    /** One year's value; {@code change} is empty for the first year. */
    public record Value(int year, String quantity, String withUnit, String change) {
    }

    /** A sentence of a report that states the figure, and the link to its paragraph. */
    public record Quote(int year, String sectionTitle, String href, String sentence) {
    }
}
