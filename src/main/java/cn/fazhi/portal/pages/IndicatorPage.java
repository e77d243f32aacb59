package cn.fazhi.portal.pages;

import java.util.List;

/**
 * One indicator: its values by year, the change, a chart with its summary in words, and the
 * report sentences that state it.
 *
 * @param chart the chart as HTML ({@code compose.BarChart}), or empty when there is no value
 */
public record IndicatorPage(Frame frame, String id, String definition, String unit, String area, String summary,
                            String chart, List<Value> values, boolean hasChange, List<Quote> quotes, String csv,
                            String json) implements PageModel {

    /** One year's value; {@code change} is empty for the first year. */
    public record Value(int year, String quantity, String withUnit, String change) {
    }

    /**
     * The sentences of a report paragraph that state the figure, and the link to the paragraph.
     *
     * @param sentence the quoted text
     * @param parts the same text in pieces, each place the figure is printed a piece of its own ({@code marked})
     */
    public record Quote(int year, String sectionTitle, String href, String sentence, List<Part> parts) {

        public Quote {
            parts = List.copyOf(parts);
        }
    }

    /** A piece of a quote; {@code marked} when it is the figure itself. */
    public record Part(String text, boolean marked) {
    }
}
