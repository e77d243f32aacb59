package cn.fazhi.portal.compose;

import cn.fazhi.portal.load.Figure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A static, script-free bar chart of an indicator's values by year. Bars start at zero. The chart
 * is decorative for assistive technology ({@code aria-hidden}): the same numbers are in the table
 * beside it and the text summary says what the chart shows.
 *
 * <p>The labels are HTML text in a CSS grid, not SVG text in a scaled viewBox: they take the page's
 * font size (字号, 长者模式), never shrink with the width, wrap and space out like any text (WCAG
 * 1.4.4, 1.4.12) and take the system's colours in forced-colours mode. Each bar alone is an SVG
 * whose width attribute is its share of the bar column in per cent: a presentation attribute, so
 * the site's CSP (no inline {@code style}) allows it, and an SVG fill, so it is printed without
 * "background graphics".
 */
final class BarChart {

    private BarChart() {
    }

    static String html(List<Figure> series, String unit) {
        BigDecimal max = series.stream().map(Figure::quantity).max(Comparator.naturalOrder()).orElse(BigDecimal.ONE);
        if (max.signum() <= 0) {
            max = BigDecimal.ONE;
        }
        StringBuilder html = new StringBuilder("<div class=\"chart\" aria-hidden=\"true\">");
        for (Figure f : series) {
            // A hairline for a zero or tiny value, so that every year's row shows a bar to read along.
            BigDecimal percent = f.quantity().max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(100))
                    .divide(max, 2, RoundingMode.HALF_UP).max(MINIMUM);
            html.append(String.format(Locale.ROOT,
                    "<span class=\"chart-year\">%d年</span>"
                            + "<span class=\"chart-track\"><svg class=\"chart-bar\" width=\"%s%%\" focusable=\"false\">"
                            + "<rect width=\"100%%\" height=\"100%%\"/></svg></span>"
                            + "<span class=\"chart-value\">%s</span>",
                    f.year(), percent.stripTrailingZeros().toPlainString(), escape(f.printedWithUnit(unit))));
        }
        return html.append("</div>").toString();
    }

    private static final BigDecimal MINIMUM = new BigDecimal("0.5");

    /** A one-paragraph description of what the chart shows, for everyone (and instead of it). */
    static String summary(String name, List<Figure> series, String unit) {
        Figure last = series.get(series.size() - 1);
        if (series.size() == 1) {
            return name + "：" + last.year() + "年为" + last.printedWithUnit(unit) + "（目前只有一年的数据）。";
        }
        Figure max = series.stream().max(Comparator.comparing(Figure::quantity)).orElseThrow();
        Figure min = series.stream().min(Comparator.comparing(Figure::quantity)).orElseThrow();
        Figure previous = series.get(series.size() - 2);
        return name + "：" + series.get(0).year() + "年至" + last.year() + "年共" + series.size() + "年数据；最高为"
                + max.year() + "年的" + max.printedWithUnit(unit) + "，最低为" + min.year() + "年的" + min.printedWithUnit(unit) + "；"
                + last.year() + "年较" + previous.year() + "年变化" + Change.between(previous, last, unit) + "。";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
