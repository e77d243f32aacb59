package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks the figure references ({@code ind:<indicator-id>[]}) in a report's text before anything is
 * converted, so a misspelt id is reported with its exact line and a suggestion.
 */
public final class References {

    /** The inline macro editors write for a figure: {@code ind:legal-aid-cases[]}. */
    public static final Pattern MACRO = Pattern.compile("ind:([^\\s\\[]*)\\[([^\\]]*)]");

    /**
     * What is left of a macro that does not end on its own line: {@code ind:fictional-} at the end
     * of a line, or {@code ind:fictional-cases[} with no {@code ]} after it. Asciidoctor either
     * leaves it as text or, when its brackets close on the next line, calls the figure macro with
     * an id checked nowhere; either way the editor has to join the lines. (Applied to a line whose
     * whole macros are blanked out, and the id part needs one character, as Asciidoctor's does.)
     */
    private static final Pattern SPLIT = Pattern.compile("ind:[^\\s\\[]+(?:\\[.*)?$");

    private References() {
    }

    static void check(Report report, Indicators indicators, Problems problems) {
        Set<String> defined = defined(indicators);
        checkFile(report.landing(), report.year(), indicators, defined, problems);
        report.sections().forEach(s -> checkFile(s.source(), report.year(), indicators, defined, problems));
    }

    static Set<String> defined(Indicators indicators) {
        return indicators.definitions().stream().map(Indicator::id).collect(Collectors.toSet());
    }

    static void checkFile(TextFile file, int year, Indicators indicators, Set<String> defined, Problems problems) {
        String[] lines = file.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher split = SPLIT.matcher(MACRO.matcher(lines[i]).replaceAll(" "));
            if (split.find()) {
                problems.add(file.name(), i + 1, "the figure reference '" + split.group()
                                + "' is split over two lines (指标引用被拆行)",
                        "write the whole reference on one line: ind:<indicator-id>[]");
            }
            Matcher m = MACRO.matcher(lines[i]);
            while (m.find()) {
                String id = m.group(1);
                if (!defined.contains(id)) {
                    problems.add(file.name(), i + 1, "unknown indicator '" + id + "'" + Suggest.didYouMean(id, defined),
                            "use an id defined in data/indicators.yaml (未知指标)");
                } else if (indicators.figure(id, year).isEmpty()) {
                    problems.add(file.name(), i + 1, "the indicator '" + id + "' has no value for " + year,
                            "add it to data/" + year + ".yaml");
                }
            }
        }
    }
}
