package cn.fazhi.portal.pages;

/**
 * Where each kind of page lives in the site, relative to the site root. One place, so links
 * made by the macro, the composer and the open-data writer always agree.
 */
public final class Addresses {

    private Addresses() {
    }

    public static String year(int year) {
        return year + "/index.html";
    }

    public static String section(int year, String slug) {
        return year + "/" + slug + ".html";
    }

    public static String yearFigures(int year) {
        return year + "/figures.html";
    }

    public static String indicators() {
        return "indicators/index.html";
    }

    public static String indicator(String id) {
        return "indicators/" + id + ".html";
    }

    public static String search() {
        return "search.html";
    }

    public static String openData(String name) {
        return "opendata/" + name;
    }
}
