package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.Problems;
import cn.fazhi.portal.problems.ProblemsException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code data/indicators.yaml} (areas and indicator definitions) and {@code data/<year>.yaml}
 * (that year's values) and checks that they fit together and with the reports.
 */
final class IndicatorLoader {

    static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final String DEFINITIONS = "data/indicators.yaml";

    /** The shape of data/indicators.yaml. */
    record DefinitionsFile(List<Area> areas, List<Indicator> indicators, List<ArithmeticRules.Rule> rules) {
    }

    /** The shape of data/<year>.yaml. */
    record YearFile(Integer year, List<ValueEntry> values) {
    }

    /** One entry of a year file. */
    record ValueEntry(String indicator, BigDecimal value, String wording, String section) {
    }

    private final YamlFiles yaml;

    IndicatorLoader(YamlFiles yaml) {
        this.yaml = yaml;
    }

    /**
     * @param yearFolders the years that have a folder under content/
     * @param sectionsByYear the section slugs of each year's report that loaded without problems, to
     *                       check each value's {@code section} (a report with problems is not checked
     *                       against, so one mistake does not cascade into many messages)
     */
    Indicators load(SourceTree tree, Set<Integer> yearFolders, Map<Integer, Set<String>> sectionsByYear,
                    Problems problems) {
        Path defs = tree.data().resolve("indicators.yaml");
        List<Path> yearFiles = yearFiles(tree);
        if (!Files.isRegularFile(defs)) {
            if (!yearFiles.isEmpty()) {
                problems.add(DEFINITIONS, 0, "there are year values but no indicator definitions",
                        "create data/indicators.yaml (see the editors' guide 编辑指南, 添加一个指标)");
            }
            return Indicators.NONE;
        }
        List<Area> areas = new ArrayList<>();
        List<Indicator> definitions = new ArrayList<>();
        List<ArithmeticRules.Rule> rules;
        YamlLines definitionLines;
        try {
            TextFile file = TextFile.read(tree, defs);
            DefinitionsFile parsed = yaml.read(file, DefinitionsFile.class);
            YamlLines lines = new YamlLines(file);
            rules = parsed.rules() == null ? List.of() : parsed.rules();
            definitionLines = lines;
            int before = problems.size();
            checkDefinitions(parsed, lines, areas, definitions, problems);
            if (problems.size() > before) {
                // Checking values against half-valid definitions would only repeat the same mistake.
                return Indicators.NONE;
            }
        } catch (ProblemsException e) {
            problems.addAll(e.problems());
            return Indicators.NONE;
        }
        Map<String, Indicator> byId = new HashMap<>();
        definitions.forEach(d -> byId.put(d.id(), d));
        List<Figure> figures = new ArrayList<>();
        Map<Integer, ArithmeticRules.YearSource> sources = new HashMap<>();
        for (Path path : yearFiles) {
            try {
                TextFile file = TextFile.read(tree, path);
                YearFile parsed = yaml.read(file, YearFile.class);
                int year = Integer.parseInt(path.getFileName().toString().substring(0, 4));
                if (!yearFolders.contains(year)) {
                    problems.add(file.name(), 1, "there are values for " + year + " but no report content/" + year + "/",
                            "add the report's text under content/" + year + "/, or remove this file");
                }
                YamlLines lines = new YamlLines(file);
                new YearValues(file.name(), year, lines, byId, problems)
                        .check(parsed, sectionsByYear.get(year), figures);
                sources.putIfAbsent(year, new ArithmeticRules.YearSource(file.name(), parsed, lines));
            } catch (ProblemsException e) {
                problems.addAll(e.problems());
            }
        }
        Indicators indicators = new Indicators(List.copyOf(areas), List.copyOf(definitions), List.copyOf(figures));
        new ArithmeticRules(byId, indicators, sources, problems).check(rules, definitionLines);
        return indicators;
    }

    private static List<Path> yearFiles(SourceTree tree) {
        if (!Files.isDirectory(tree.data())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(tree.data())) {
            return s.filter(p -> p.getFileName().toString().matches("\\d{4}\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new ProblemsException(Problem.at("data", 0, "cannot list data/: " + e.getMessage(), ""));
        }
    }

    private static void checkDefinitions(DefinitionsFile parsed, YamlLines lines, List<Area> areas,
                                         List<Indicator> definitions, Problems problems) {
        Set<String> areaIds = new HashSet<>();
        List<Area> areaList = parsed.areas() == null ? List.of() : parsed.areas();
        for (int i = 0; i < areaList.size(); i++) {
            Area a = areaList.get(i);
            String at = "areas[" + i + "]";
            if (a == null || blank(a.id()) || blank(a.name())) {
                problems.add(DEFINITIONS, lines.line(at), "an area needs both 'id' and 'name'", "add the missing field");
            } else if (!areaIds.add(a.id())) {
                problems.add(DEFINITIONS, lines.line(at + ".id"), "the area id '" + a.id() + "' is defined twice (重复)",
                        "give each area its own id");
            } else {
                areas.add(a);
            }
        }
        Set<String> ids = new HashSet<>();
        List<Indicator> list = parsed.indicators() == null ? List.of() : parsed.indicators();
        for (int i = 0; i < list.size(); i++) {
            Indicator d = list.get(i);
            String at = "indicators[" + i + "]";
            if (d == null) {
                problems.add(DEFINITIONS, lines.line(at), "an empty indicator entry", "delete the lone '-' line");
                continue;
            }
            int before = problems.size();
            for (String[] field : new String[][] {{"id", d.id()}, {"name", d.name()}, {"unit", d.unit()},
                    {"area", d.area()}, {"definition", d.definition()}}) {
                if (blank(field[1])) {
                    problems.add(DEFINITIONS, lines.line(at), "the indicator " + (blank(d.id()) ? "" : "'" + d.id() + "' ")
                            + "has no '" + field[0] + "' (缺少" + chinese(field[0]) + ")", "add '" + field[0] + ": …' to this entry");
                }
            }
            if (!blank(d.id()) && !ID.matcher(d.id()).matches()) {
                problems.add(DEFINITIONS, lines.line(at + ".id"), "the id '" + d.id() + "' is not a plain ASCII id",
                        "use lowercase letters, digits and '-', e.g. legal-aid-cases");
            } else if (!blank(d.id()) && !ids.add(d.id())) {
                problems.add(DEFINITIONS, lines.line(at + ".id"), "the indicator id '" + d.id() + "' is defined twice (指标重复)",
                        "each indicator is defined once; delete or rename one of them");
            }
            if (!blank(d.area()) && !areaIds.contains(d.area())) {
                problems.add(DEFINITIONS, lines.line(at + ".area"), "unknown area '" + d.area() + "'"
                        + Suggest.didYouMean(d.area(), areaIds), "use one of the ids under 'areas:'");
            }
            if (problems.size() == before) {
                definitions.add(d);
            }
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String chinese(String field) {
        return switch (field) {
            case "unit" -> "单位";
            case "name" -> "名称";
            case "area" -> "领域";
            case "definition" -> "定义";
            default -> "编号";
        };
    }
}
