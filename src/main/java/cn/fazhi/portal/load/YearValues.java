package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problems;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the values of one {@code data/<year>.yaml} against the indicator definitions and that
 * year's report, and keeps the valid ones as {@link Figure}s. Every mistake is reported at the
 * editor's line; one entry's mistake never stops the others from being checked.
 */
final class YearValues {

    private final String name;
    private final int year;
    private final YamlLines lines;
    private final Map<String, Indicator> byId;
    private final Problems problems;

    /**
     * @param name the file as messages name it, e.g. {@code data/2023.yaml}
     * @param byId the valid indicator definitions by id
     */
    YearValues(String name, int year, YamlLines lines, Map<String, Indicator> byId, Problems problems) {
        this.name = name;
        this.year = year;
        this.lines = lines;
        this.byId = byId;
        this.problems = problems;
    }

    /**
     * @param sections the section slugs of the year's report, or null when the report did not load
     *                 (then a value's section is not checked, so one mistake does not cascade)
     * @param figures  where the valid values are added, in the file's order
     */
    void check(IndicatorLoader.YearFile parsed, Set<String> sections, List<Figure> figures) {
        if (parsed.year() == null || parsed.year() != year) {
            problems.add(name, lines.line("year"), "the file says year " + parsed.year() + " but is named " + name,
                    "write 'year: " + year + "' at the top, or rename the file");
        }
        Set<String> seen = new HashSet<>();
        List<IndicatorLoader.ValueEntry> values = parsed.values() == null ? List.of() : parsed.values();
        for (int i = 0; i < values.size(); i++) {
            entry(values.get(i), "values[" + i + "]", seen, sections).ifPresent(figures::add);
        }
    }

    private Optional<Figure> entry(IndicatorLoader.ValueEntry v, String at, Set<String> seen, Set<String> sections) {
        if (v == null || IndicatorLoader.blank(v.indicator())) {
            problems.add(name, lines.line(at), "a value without 'indicator'", "name the indicator's id: 'indicator: …'");
            return Optional.empty();
        }
        Indicator d = byId.get(v.indicator());
        if (d == null) {
            problems.add(name, lines.line(at + ".indicator"), "value for an undefined indicator '" + v.indicator() + "'"
                    + Suggest.didYouMean(v.indicator(), byId.keySet()) + " (未定义的指标)",
                    "define it in data/indicators.yaml first, or fix the id");
            return Optional.empty();
        }
        if (!seen.add(v.indicator())) {
            problems.add(name, lines.line(at + ".indicator"), "a second value for '" + v.indicator() + "' in " + year,
                    "each indicator has one value per year; delete one");
            return Optional.empty();
        }
        if (v.value() == null) {
            problems.add(name, lines.line(at), "the value of '" + v.indicator() + "' is missing (缺少数值)",
                    "add 'value: <number as printed in the report>'");
            return Optional.empty();
        }
        var beyond = Numbers.beyond(v.value(), written(at + ".value", v.value()));
        if (beyond.isPresent()) {
            problems.add(name, lines.line(at + ".value"), beyond.get(), Numbers.HINT);
            return Optional.empty();
        }
        var wording = Wording.parse(v.wording() == null ? "N" : v.wording());
        if (wording.isEmpty()) {
            problems.add(name, lines.line(at + ".wording"), "'" + v.wording() + "' is not a known wording",
                    "use N for the number, e.g. " + Wording.ALLOWED);
            return Optional.empty();
        }
        if (!percentAgrees(v, d, wording.get(), at)) {
            return Optional.empty();
        }
        if (IndicatorLoader.blank(v.section())) {
            problems.add(name, lines.line(at), "the value of '" + v.indicator() + "' names no section",
                    "add 'section: <slug of the section that states it>'");
            return Optional.empty();
        }
        if (sections != null && !sections.contains(v.section())) {
            problems.add(name, lines.line(at + ".section"), "unknown section '" + v.section() + "' in " + year
                    + Suggest.didYouMean(v.section(), sections), "use the name part of a file in content/" + year + "/");
            return Optional.empty();
        }
        return Optional.of(new Figure(v.indicator(), year, v.value(), wording.get(), v.section()));
    }

    /**
     * A percentage is printed with its % by the wording ({@code N%}), which also makes its exact
     * value a fraction (97.26% is 0.9726). A wording without % under the unit '%' printed 69.45 where
     * the report says 69.45% (or, with a % typed after the reference, gave machines 69.45); a wording
     * with % under another unit printed 95.5%件.
     */
    private boolean percentAgrees(IndicatorLoader.ValueEntry v, Indicator d, Wording wording, String at) {
        String written = v.wording() == null ? "N" : v.wording();
        if (d.unit().equals("%") && !wording.percent()) {
            Wording percent = Wording.parse((wording.nearly() ? "近" : "") + "N%").orElseThrow();
            problems.add(name, lines.line(at + ".wording"), "the unit of '" + d.id() + "' is '%', but "
                            + (v.wording() == null ? "there is no wording, and the default 'N'" : "the wording '" + written + "'")
                            + " prints the number without % (百分号缺失)",
                    "write 'wording: " + percent.pattern() + "': the page then prints " + percent.print(v.value())
                            + " and the open data " + percent.quantity(v.value()).toPlainString()
                            + "; delete a % typed after ind:" + d.id() + "[] in the text");
            return false;
        }
        if (wording.percent() && !d.unit().equals("%")) {
            problems.add(name, lines.line(at + ".wording"), "the wording '" + written + "' prints a %, but the unit of '"
                            + d.id() + "' is '" + d.unit() + "' (单位不符)",
                    "write the wording without %, e.g. 'wording: N'; or, if the figure is a percentage, give '"
                            + d.id() + "' the unit '%' in data/indicators.yaml");
            return false;
        }
        return true;
    }

    /** The value as the editor wrote it: 1e99999999 rather than Java's 1E+99999999. */
    private String written(String path, BigDecimal value) {
        String text = lines.written(path);
        return text == null ? value.toString() : text;
    }
}
