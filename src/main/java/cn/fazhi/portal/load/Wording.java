package cn.fazhi.portal.load;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a report prints a figure, written with N for the number: {@code N}, {@code N%},
 * {@code N万余} (3819万余), {@code N余万} (1700余万), {@code 近N万余} (近2.2万余)…
 *
 * <p>The wording keeps the official text verbatim while the number itself lives once in YAML:
 * the page prints {@code wording} with N replaced by the value, and machines get the exact
 * quantity ({@link #quantity}), e.g. 3819 with {@code N万余} is 38 190 000 and "more than".
 */
public record Wording(String pattern, boolean nearly, boolean moreThan, BigDecimal factor, boolean percent) {

    private static final Pattern FORM = Pattern.compile("(近)?N(余|万|亿|万余|余万|亿余|余亿|%)?");
    public static final String ALLOWED = "N, N%, N余, N万, N亿, N万余, N余万, N亿余, N余亿, 近N, 近N万, 近N万余 …";

    public static Optional<Wording> parse(String pattern) {
        Matcher m = FORM.matcher(pattern == null ? "" : pattern);
        if (!m.matches()) {
            return Optional.empty();
        }
        String tail = m.group(2) == null ? "" : m.group(2);
        BigDecimal factor = tail.contains("万") ? BigDecimal.valueOf(10_000)
                : tail.contains("亿") ? BigDecimal.valueOf(100_000_000) : BigDecimal.ONE;
        return Optional.of(new Wording(pattern, m.group(1) != null, tail.contains("余"), factor, tail.equals("%")));
    }

    /** The figure as the report prints it, e.g. {@code 近2.2万余}. */
    public String print(BigDecimal value) {
        return pattern.replace("N", value.toPlainString());
    }

    /** The exact quantity a machine should read: 3819 {@code N万余} is 38190000, 97.26 {@code N%} is 0.9726. */
    public BigDecimal quantity(BigDecimal value) {
        BigDecimal q = value.multiply(factor);
        if (percent) {
            q = q.movePointLeft(2);
        }
        return q.stripTrailingZeros().scale() < 0 ? q.setScale(0) : q.stripTrailingZeros();
    }

    /** A short Chinese note on precision for tables and open data: 约数 notes the report's own hedge. */
    public String qualifier() {
        if (nearly && moreThan) {
            return "近…余";
        }
        return nearly ? "近" : moreThan ? "余" : "";
    }
}
