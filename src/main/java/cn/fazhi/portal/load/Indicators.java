package cn.fazhi.portal.load;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * All indicator definitions and every year's values, validated: each value belongs to a
 * defined indicator, each indicator to a defined area, and no id or value is given twice.
 */
public record Indicators(List<Area> areas, List<Indicator> definitions, List<Figure> figures) {

    public static final Indicators NONE = new Indicators(List.of(), List.of(), List.of());

    public Optional<Indicator> definition(String id) {
        return definitions.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public Optional<Figure> figure(String id, int year) {
        return figures.stream().filter(f -> f.indicator().equals(id) && f.year() == year).findFirst();
    }

    /** The values of one indicator, oldest year first. */
    public List<Figure> series(String id) {
        return figures.stream().filter(f -> f.indicator().equals(id))
                .sorted(Comparator.comparingInt(Figure::year)).toList();
    }

    public List<Figure> ofYear(int year) {
        return figures.stream().filter(f -> f.year() == year).toList();
    }

    public Map<String, Area> areasById() {
        return areas.stream().collect(Collectors.toMap(Area::id, Function.identity()));
    }

    /** The same definitions with only the values that {@code keep} accepts. */
    public Indicators only(java.util.function.Predicate<Figure> keep) {
        return new Indicators(areas, definitions, figures.stream().filter(keep).toList());
    }

    public Indicators onlyYears(java.util.Set<Integer> years) {
        return new Indicators(areas, definitions, figures.stream().filter(f -> years.contains(f.year())).toList());
    }
}
