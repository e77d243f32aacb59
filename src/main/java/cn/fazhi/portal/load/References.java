package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.Problems;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the figure references ({@code ind:<indicator-id>[]}) in a report's text before anything is
 * converted, so a misspelt id is reported with its exact line and a suggestion.
 */
public final class References {

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
        FigureReferences found = FigureReferences.in(file.text());
        for (FigureReferences.Split split : found.splits()) {
            problems.add(file.name(), split.line(), "the figure reference '" + Problem.quote(split.written())
                            + "' is split over two lines (指标引用被拆行)",
                    "write the whole reference on one line: ind:<indicator-id>[]");
        }
        for (FigureReferences.Reference r : found.references()) {
            String id = r.id();
            if (!defined.contains(id)) {
                problems.add(file.name(), r.line(), "unknown indicator '" + Problem.quote(id) + "'" + Suggest.didYouMean(id, defined),
                        "use an id defined in data/indicators.yaml (未知指标)");
            } else if (indicators.figure(id, year).isEmpty()) {
                problems.add(file.name(), r.line(), "the indicator '" + id + "' has no value for " + year,
                        "add it to data/" + year + ".yaml");
            }
        }
    }
}
