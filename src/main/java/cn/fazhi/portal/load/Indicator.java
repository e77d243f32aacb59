package cn.fazhi.portal.load;

/**
 * A kind of figure the reports state, defined once in {@code data/indicators.yaml}, with values per year.
 *
 * @param id stable ASCII id, used in references ({@code ind:id[]}) and in the page address
 * @param name short Chinese name
 * @param unit the unit or measure word shown in tables (元, 件, %, 分...)
 * @param area the id of the {@link Area} it belongs to
 * @param definition one sentence saying what is counted
 */
public record Indicator(String id, String name, String unit, String area, String definition) {
}
