package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problems;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The optional arithmetic rules of {@code data/indicators.yaml} ({@code rules:}), checked against
 * every year's values. Three kinds, one per entry:
 *
 * <pre>
 * rules:
 *   - sum: [cases-settled, cases-pending]     # the values of these indicators add up to
 *     equals: cases-accepted                  # the value of this one, in every year that has them all
 *   - rate: settlement-rate                   # this rate equals
 *     numerator: cases-settled                # this count divided by
 *     denominator: cases-accepted             # this one, within the precision the rate is printed with
 *   - cumulative: arbitration-cases-total     # 累计: never less than the year before
 * </pre>
 *
 * A year that lacks one of a rule's values is not checked by it. The values compared are the exact
 * quantities ({@link Figure#quantity()}: 3819万余 is 38190000, 97.26% is 0.9726). A violation is an
 * error at the value that breaks the rule, in {@code data/<year>.yaml}, and the hint names the rule's line.
 */
final class ArithmeticRules {

    static final String FILE = "data/indicators.yaml";

    /** One rule as written. */
    record Rule(List<String> sum, String equals, String rate, String numerator, String denominator, String cumulative) {
    }

    /** Where a value stands: its year file and line. */
    record Where(String file, int line) {
    }

    /**
     * A year file as read, to find a value's line when it breaks a rule (its YAML is parsed for lines
     * only then: a clean build never reads it twice).
     */
    record YearSource(String file, IndicatorLoader.YearFile parsed, YamlLines lines) {
    }

    private final Map<String, Indicator> byId;
    private final Indicators values;
    private final Map<Integer, YearSource> years;
    private final Problems problems;
    private YamlLines lines;
    private int index;

    /**
     * @param years each year's file, by year
     */
    ArithmeticRules(Map<String, Indicator> byId, Indicators values, Map<Integer, YearSource> years, Problems problems) {
        this.byId = byId;
        this.values = values;
        this.years = years;
        this.problems = problems;
    }

    void check(List<Rule> rules, YamlLines definitions) {
        lines = definitions;
        for (index = 0; index < rules.size(); index++) {
            Rule r = rules.get(index);
            if (r == null || kinds(r) != 1 || r.sum() != null && (r.sum().isEmpty() || r.equals() == null)
                    || r.rate() != null && (r.numerator() == null || r.denominator() == null)) {
                problems.add(FILE, line(), "a rule is either 'sum:' with 'equals:', 'rate:' with 'numerator:' and"
                        + " 'denominator:', or 'cumulative:' (规则无效)", "see the editors' guide 编辑指南, 核对规则");
                continue;
            }
            if (!known(r)) {
                continue;
            }
            if (r.sum() != null) {
                sum(r);
            } else if (r.rate() != null) {
                rate(r);
            } else {
                cumulative(r.cumulative());
            }
        }
    }

    private static int kinds(Rule r) {
        return (r.sum() != null ? 1 : 0) + (r.rate() != null ? 1 : 0) + (r.cumulative() != null ? 1 : 0);
    }

    /** Whether every indicator the rule names is defined; reports the first that is not. */
    private boolean known(Rule r) {
        List<String> ids = new ArrayList<>();
        if (r.sum() != null) {
            ids.addAll(r.sum());
            ids.add(r.equals());
        } else if (r.rate() != null) {
            ids.addAll(List.of(r.rate(), r.numerator(), r.denominator()));
        } else {
            ids.add(r.cumulative());
        }
        for (String id : ids) {
            if (id == null || !byId.containsKey(id)) {
                problems.add(FILE, line(), "the rule names an undefined indicator '" + id + "'"
                        + Suggest.didYouMean(String.valueOf(id), byId.keySet()) + " (未定义的指标)",
                        "use the id of an indicator defined under 'indicators:'");
                return false;
            }
        }
        return true;
    }

    private void sum(Rule r) {
        for (Figure total : values.series(r.equals())) {
            int year = total.year();
            List<Figure> parts = r.sum().stream().map(id -> values.figure(id, year).orElse(null)).toList();
            if (parts.contains(null)) {
                continue;
            }
            BigDecimal sum = parts.stream().map(Figure::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(total.quantity()) != 0) {
                StringBuilder terms = new StringBuilder();
                for (Figure p : parts) {
                    terms.append(terms.length() == 0 ? "" : " + ").append(p.indicator()).append(' ').append(p.printed());
                }
                Where at = at(total);
                problems.add(at.file(), at.line(), year + ": the sum of " + terms + " is " + plain(sum) + ", but " + total.indicator()
                                + " is " + total.printed() + " (合计不符)",
                        "the rule at " + FILE + ":" + line() + " says they add up; correct the values to the official text,"
                                + " or delete the rule if the official text does not add up");
            }
        }
    }

    private void rate(Rule r) {
        for (Figure rate : values.series(r.rate())) {
            int year = rate.year();
            Figure num = values.figure(r.numerator(), year).orElse(null);
            Figure den = values.figure(r.denominator(), year).orElse(null);
            if (num == null || den == null || den.quantity().signum() == 0) {
                continue;
            }
            BigDecimal ratio = num.quantity().divide(den.quantity(), MathContext.DECIMAL64);
            BigDecimal q = rate.quantity();
            // Within the printed precision: 97.26% stands for anything from 0.97255 to 0.97265.
            BigDecimal half = BigDecimal.ONE.movePointLeft(Math.max(q.scale(), 0) + 1).multiply(BigDecimal.valueOf(5));
            if (ratio.subtract(q).abs().compareTo(half) > 0) {
                String shown = rate.wording().percent()
                        ? plain(ratio.movePointRight(2).setScale(Math.max(q.scale() - 2, 0) + 1, RoundingMode.HALF_UP)) + "%"
                        : plain(ratio.setScale(Math.max(q.scale(), 0) + 1, RoundingMode.HALF_UP));
                Where at = at(rate);
                problems.add(at.file(), at.line(), year + ": " + rate.indicator() + " is " + rate.printed() + ", but "
                                + num.indicator() + " " + num.printed() + " / " + den.indicator() + " " + den.printed()
                                + " is " + shown + " (比率不符)",
                        "the rule at " + FILE + ":" + line() + " says the rate is their ratio; correct the values to the"
                                + " official text, or delete the rule if the official rate is computed otherwise");
            }
        }
    }

    private void cumulative(String id) {
        List<Figure> series = values.series(id);
        for (int k = 1; k < series.size(); k++) {
            Figure before = series.get(k - 1);
            Figure now = series.get(k);
            if (now.quantity().compareTo(before.quantity()) < 0) {
                Where at = at(now);
                problems.add(at.file(), at.line(), id + " is " + now.printed() + " in " + now.year() + ", less than "
                                + before.printed() + " in " + before.year() + ", but a cumulative (累计) figure never decreases (累计数减少)",
                        "the rule at " + FILE + ":" + line() + " says it is cumulative; correct the value to the official text,"
                                + " or delete the rule if the figure counts one year only");
            }
        }
    }

    /** The line of the rule being checked. */
    private int line() {
        return lines.line("rules[" + index + "]");
    }

    /** The file and line of a value: the first entry of its indicator in its year's file. */
    private Where at(Figure f) {
        YearSource source = years.get(f.year());
        List<IndicatorLoader.ValueEntry> entries = source.parsed().values();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) != null && f.indicator().equals(entries.get(i).indicator())) {
                return new Where(source.file(), source.lines().line("values[" + i + "].value"));
            }
        }
        return new Where(source.file(), 0);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
