package cn.fazhi.portal.pages;

/**
 * Where a page stands in the main navigation (主导航), for {@code aria-current} on its entry, as
 * GOV.UK and USWDS mark it: {@code "page"} on the entry of the page itself, {@code "true"} on the
 * entry of the part of the site the page lies in (an indicator's page under 指标数据).
 *
 * @param entry the navigation entry: {@code home}, {@code indicators}, {@code search},
 *              {@code accessibility}, or empty for a page under none of them (a report, the site map)
 * @param current the value of {@code aria-current} on that entry, or empty
 */
public record NavPlace(String entry, String current) {

    /** A page under no entry of the main navigation. */
    public static final NavPlace NONE = new NavPlace("", "");

    /** The entry's own page. */
    public static NavPlace page(String entry) {
        return new NavPlace(entry, "page");
    }

    /** A page in the part of the site the entry leads to. */
    public static NavPlace within(String entry) {
        return new NavPlace(entry, "true");
    }
}
