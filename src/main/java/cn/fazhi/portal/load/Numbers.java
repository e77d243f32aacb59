package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a data file may hold. A report states a figure with a few digits (3819, 97.26), so a
 * value is bounded to what one can state: at most {@value #MAX_INTEGER_DIGITS} digits before the
 * decimal point and {@value #MAX_DECIMALS} after it. Without the bound a YAML number such as
 * {@code 1e99999999} is read as a tiny value with a huge exponent, and writing it out in full
 * (for the pages and the open data) takes hours or all the memory there is.
 */
final class Numbers {

    static final int MAX_INTEGER_DIGITS = 18;
    static final int MAX_DECIMALS = 6;
    static final String HINT = "a figure has at most " + MAX_INTEGER_DIGITS + " digits before the decimal point and "
            + MAX_DECIMALS + " after it, written out as the report prints it (3819 with wording N万余, 97.26 with N%)";

    private static final Pattern MALFORMED = Pattern.compile("Malformed numeric value '(.*)'");
    private static final Pattern EXPONENT = Pattern.compile("[-+]?[0-9_]*\\.?[0-9_]*[eE]([-+]?)[0-9]+");
    private static final Pattern TOO_LONG = Pattern.compile("Number value length \\((\\d+)\\) exceeds.*");
    private static final Pattern OUT_OF_RANGE = Pattern.compile("Numeric value \\((.*)\\) out of range of .*");

    private Numbers() {
    }

    /** Why {@code value} (written {@code written} in the file) cannot be a figure of a report, if it cannot. */
    static Optional<String> beyond(BigDecimal value, String written) {
        long integerDigits = (long) value.precision() - value.scale(); // long: the scale may be near Integer.MIN_VALUE
        if (integerDigits > MAX_INTEGER_DIGITS) {
            return Optional.of(tooLarge(written));
        }
        // Checked second: stripping zeros is cheap once the value is known to be small.
        if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return Optional.of(tooPrecise(written));
        }
        return Optional.empty();
    }

    /**
     * The problem behind Jackson's message about a number it could not read at all (an exponent
     * beyond Java's range, a thousand digits, .inf), if that is what {@code message} is about.
     */
    static Optional<Problem> describe(TextFile file, String field, int line, String message) {
        Matcher m = MALFORMED.matcher(message);
        if (m.matches()) {
            Matcher exponent = EXPONENT.matcher(m.group(1));
            if (exponent.matches()) {
                String why = exponent.group(1).equals("-") ? tooPrecise(m.group(1)) : tooLarge(m.group(1));
                return Optional.of(Problem.at(file.name(), line, why, HINT));
            }
            return Optional.of(Problem.at(file.name(), line, "'" + field + "' has the value '" + Problem.quote(m.group(1))
                    + "', but it must be a number (类型错误)", "write a number, without quotes or units"));
        }
        m = TOO_LONG.matcher(message);
        if (m.matches()) {
            return Optional.of(Problem.at(file.name(), line, "the value of '" + field + "' has " + m.group(1)
                    + " characters, too many to be a figure of a report (数值超出范围)", HINT));
        }
        m = OUT_OF_RANGE.matcher(message);
        if (m.matches()) {
            return Optional.of(Problem.at(file.name(), line, "'" + field + "' has the value " + m.group(1)
                    + ", too large for this field (数值超出范围)", "write a whole number such as 2031"));
        }
        return Optional.empty();
    }

    private static String tooLarge(String written) {
        return "the value " + Problem.quote(written) + " is too large to be a figure of a report (数值超出范围)";
    }

    private static String tooPrecise(String written) {
        return "the value " + Problem.quote(written) + " has more than " + MAX_DECIMALS
                + " decimal places, more than a figure of a report has (数值超出范围)";
    }
}
