package cn.fazhi.portal.derive;

import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Section;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.pages.Addresses;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds, in the converted report text, every sentence that states a figure, so each indicator page
 * and the open data can quote and link the exact paragraphs that cite it. Derived from the text
 * itself, never typed; found once per build and shared by the pages and the open data.
 */
public final class Citations {

    private static final String SENTENCE_END = "。！？!?";
    private static final char MARK = '\u0001';

    /** Citations per indicator id, in reading order (year, then position in the report). */
    private final Map<String, List<Citation>> byIndicator;

    private Citations(Map<String, List<Citation>> byIndicator) {
        this.byIndicator = byIndicator;
    }

    /** Where the reports cite each figure, in reading order (year, then position in the report). */
    List<Citation> of(String indicator) {
        return byIndicator.getOrDefault(indicator, List.of());
    }

    /** The first place the report of {@code year} cites {@code indicator}. */
    Optional<Citation> first(String indicator, int year) {
        return of(indicator).stream().filter(c -> c.year() == year).findFirst();
    }

    /**
     * @param site the loaded site
     * @param html converted HTML per source file name ({@code TextFile.name()})
     */
    public static Citations find(Site site, Function<String, String> html) {
        Map<String, List<Citation>> byIndicator = new LinkedHashMap<>();
        for (Report report : site.reports()) {
            collect(report.year(), report.title(), Addresses.year(report.year()),
                    html.apply(report.landing().name()), byIndicator);
            for (Section s : report.sections()) {
                collect(report.year(), s.title(), Addresses.section(report.year(), s.slug()),
                        html.apply(s.source().name()), byIndicator);
            }
        }
        byIndicator.replaceAll((id, list) -> List.copyOf(list));
        return new Citations(byIndicator);
    }

    private static void collect(int year, String title, String page, String html, Map<String, List<Citation>> out) {
        Element body = Jsoup.parseBodyFragment(html).body();
        for (Element figure : body.select("a.figure[data-indicator]")) {
            Element block = figure.closest("div.paragraph[id]");
            String anchor = block == null ? "" : "#" + block.id();
            String sentence = block == null ? figure.text() : sentence(block, figure);
            out.computeIfAbsent(figure.attr("data-indicator"), k -> new ArrayList<>())
                    .add(new Citation(figure.attr("data-indicator"), year, title, page + anchor, sentence));
        }
    }

    /** The sentence of {@code block} that contains {@code figure}, cut at Chinese sentence ends. */
    private static String sentence(Element block, Element figure) {
        String printed = figure.text();
        Element copy = block.clone();
        int index = block.select("a.figure").indexOf(figure);
        copy.select("a.figure").get(index).text(String.valueOf(MARK));
        String text = copy.text();
        int at = text.indexOf(MARK);
        int start = at;
        while (start > 0 && SENTENCE_END.indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        int end = at;
        while (end < text.length() && SENTENCE_END.indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return text.substring(start, Math.min(text.length(), end + 1)).replace(String.valueOf(MARK), printed).strip();
    }
}
