package cn.fazhi.portal.pages;

import java.util.List;

/**
 * The search form, with a year filter built from the years the site has (newest first), and the
 * example queries of {@code data/site.yaml} ({@code search_examples}), none when it gives none.
 */
public record SearchPage(Frame frame, List<Integer> years, List<String> examples) implements PageModel {
}
