package cn.fazhi.portal.compose;

import cn.fazhi.portal.load.Figure;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The change of a figure against the previous year, always computed from the two values, never
 * typed. Changes involving a hedged figure (余 "more than", 近 "nearly") are marked 约.
 */
final class Change {

    private Change() {
    }

    static String between(Figure previous, Figure current, String unit) {
        boolean approximate = hedged(previous) || hedged(current);
        String about = approximate ? "约" : "";
        if (previous.wording().percent() && current.wording().percent()) {
            return about + signed(current.value().subtract(previous.value())) + "个百分点";
        }
        String absolute;
        if (previous.wording().factor().equals(current.wording().factor())) {
            BigDecimal f = current.wording().factor();
            String scale = f.intValue() == 10_000 ? "万" : f.intValue() == 100_000_000 ? "亿" : "";
            absolute = signed(current.value().subtract(previous.value())) + scale + unit;
        } else {
            absolute = signed(current.quantity().subtract(previous.quantity())) + unit;
        }
        if (previous.quantity().signum() == 0) {
            return about + absolute;
        }
        BigDecimal relative = current.quantity().subtract(previous.quantity())
                .multiply(BigDecimal.valueOf(100)).divide(previous.quantity(), 1, RoundingMode.HALF_UP);
        return about + absolute + "（" + about + signed(relative) + "%）";
    }

    private static boolean hedged(Figure f) {
        return f.wording().nearly() || f.wording().moreThan();
    }

    private static String signed(BigDecimal d) {
        String plain = d.stripTrailingZeros().toPlainString();
        return d.signum() > 0 ? "+" + plain : d.signum() < 0 ? "−" + plain.substring(1) : "0";
    }
}
