package cn.fazhi.portal.pages;

import java.util.List;

/** The search form, with a year filter built from the years the site has (newest first). */
public record SearchPage(Frame frame, List<Integer> years) implements PageModel {
}
