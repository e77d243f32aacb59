package cn.fazhi.portal.compose;

import cn.fazhi.portal.load.Figure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A static, script-free bar chart of an indicator's values by year, as inline SVG. Bars start at
 * zero. The SVG is decorative for assistive technology ({@code aria-hidden}): the same numbers
 * are in the table beside it and the text summary says what the chart shows.
 */
final class BarChart {

    private static final int WIDTH = 400;
    private static final int ROW = 34;
    private static final int LABEL = 52;
    private static final int VALUE_SPACE = 110;

    private BarChart() {
    }

    static String svg(List<Figure> series, String unit) {
        BigDecimal max = series.stream().map(Figure::quantity).max(Comparator.naturalOrder()).orElse(BigDecimal.ONE);
        if (max.signum() <= 0) {
            max = BigDecimal.ONE;
        }
        int height = series.size() * ROW + 8;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" aria-hidden=\"true\" focusable=\"false\">",
                WIDTH, height, WIDTH, height));
        int barSpace = WIDTH - LABEL - VALUE_SPACE;
        for (int i = 0; i < series.size(); i++) {
            Figure f = series.get(i);
            int y = 4 + i * ROW;
            int w = Math.max(1, f.quantity().max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(barSpace))
                    .divide(max, 0, RoundingMode.HALF_UP).intValue());
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"0\" y=\"%d\" class=\"chart-year\">%d年</text>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"22\" class=\"chart-bar\"/>"
                            + "<text x=\"%d\" y=\"%d\" class=\"chart-value\">%s</text>",
                    y + 16, f.year(), LABEL, y, w, LABEL + w + 6, y + 16, escape(f.printedWithUnit(unit))));
        }
        return svg.append("</svg>").toString();
    }

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
