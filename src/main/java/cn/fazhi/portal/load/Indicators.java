package cn.fazhi.portal.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * All indicator definitions and every year's values, validated: each value belongs to a
 * defined indicator, each indicator to a defined area, and no id or value is given twice.
 *
 * <p>Immutable. Values are looked up by indicator and year thousands of times per build (every
 * {@code ind:} reference, every table row), so they are indexed once here rather than searched
 * (a site of 10 years of 200 indicators has 2,000 values).
 */
public final class Indicators {

    public static final Indicators NONE = new Indicators(List.of(), List.of(), List.of());

    private final List<Area> areas;
    private final List<Indicator> definitions;
    private final List<Figure> figures;
    private final Map<String, Indicator> byId = new HashMap<>();
    /** Indicator id to its values by year; the first value given wins, as a search in order would find. */
    private final Map<String, TreeMap<Integer, Figure>> byIdAndYear = new HashMap<>();
    private final Map<Integer, List<Figure>> byYear;

    public Indicators(List<Area> areas, List<Indicator> definitions, List<Figure> figures) {
        this.areas = List.copyOf(areas);
        this.definitions = List.copyOf(definitions);
        this.figures = List.copyOf(figures);
        definitions.forEach(d -> byId.putIfAbsent(d.id(), d));
        figures.forEach(f -> byIdAndYear.computeIfAbsent(f.indicator(), k -> new TreeMap<>()).putIfAbsent(f.year(), f));
        byYear = figures.stream().collect(Collectors.groupingBy(Figure::year, Collectors.toUnmodifiableList()));
    }

    public List<Area> areas() {
        return areas;
    }

    public List<Indicator> definitions() {
        return definitions;
    }

    /** Every value, in the order the data files give them. */
    public List<Figure> figures() {
        return figures;
    }

    public Optional<Indicator> definition(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Figure> figure(String id, int year) {
        TreeMap<Integer, Figure> years = byIdAndYear.get(id);
        return years == null ? Optional.empty() : Optional.ofNullable(years.get(year));
    }

    /** The values of one indicator, oldest year first. */
    public List<Figure> series(String id) {
        TreeMap<Integer, Figure> years = byIdAndYear.get(id);
        return years == null ? List.of() : List.copyOf(years.values());
    }

    /** The values of one year, in the order the data file gives them. */
    public List<Figure> ofYear(int year) {
        return byYear.getOrDefault(year, List.of());
    }

    public Map<String, Area> areasById() {
        return areas.stream().collect(Collectors.toMap(Area::id, Function.identity()));
    }

    /** The same definitions with only the values that {@code keep} accepts. */
    public Indicators only(java.util.function.Predicate<Figure> keep) {
        return new Indicators(areas, definitions, figures.stream().filter(keep).toList());
    }

    /**
     * The indicators that have at least one value, with their areas: the published site shows an
     * indicator only with a figure it publishes, never as an empty page (one stated only by a draft).
     */
    public Indicators withValuesOnly() {
        return new Indicators(areas, definitions.stream().filter(d -> byIdAndYear.containsKey(d.id())).toList(), figures);
    }

    public Indicators onlyYears(java.util.Set<Integer> years) {
        return new Indicators(areas, definitions, figures.stream().filter(f -> years.contains(f.year())).toList());
    }

    @Override
    public String toString() {
        return "Indicators[" + definitions.size() + " indicators, " + figures.size() + " values]";
    }
}
