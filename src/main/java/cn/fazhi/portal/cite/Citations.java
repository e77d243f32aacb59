package cn.fazhi.portal.cite;

import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Section;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.pages.Address;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.render.Converted;
import cn.fazhi.portal.render.Fragment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code cite} stage: gathers, from the converted report text, every sentence that states a
 * figure (found when each file was converted: {@link Fragment#figures()}), so each indicator page
 * and the open data can quote and link the exact paragraphs that cite it. Derived from the text
 * itself, never typed; found once per build and shared by the pages and the open data.
 */
public final class Citations {

    /** What joins two sentences of one paragraph that are not next to each other in a quote. */
    static final String GAP = "……";

    /** Citations per indicator id, in reading order (year, then position in the report). */
    private final Map<String, List<Citation>> byIndicator;

    private Citations(Map<String, List<Citation>> byIndicator) {
        this.byIndicator = byIndicator;
    }

    /** Where the reports cite {@code indicator}, in reading order (year, then position in the report). */
    public List<Citation> of(String indicator) {
        return byIndicator.getOrDefault(indicator, List.of());
    }

    /** The first place the report of {@code year} cites {@code indicator}. */
    public Optional<Citation> first(String indicator, int year) {
        return of(indicator).stream().filter(c -> c.year() == year).findFirst();
    }

    /** Every citation in {@code site}'s converted text. */
    public static Citations find(Site site, Addresses at, Converted converted) {
        Map<String, List<Citation>> byIndicator = new LinkedHashMap<>();
        for (Report report : site.reports()) {
            collect(report.year(), report.title(), at.year(report.year()), converted.of(report.landing()), byIndicator);
            for (Section s : report.sections()) {
                collect(report.year(), s.title(), at.section(report.year(), s.slug()), converted.of(s.source()), byIndicator);
            }
        }
        byIndicator.replaceAll((id, list) -> List.copyOf(list));
        return new Citations(byIndicator);
    }

    /**
     * One citation per indicator and paragraph: a paragraph that states a figure twice is quoted
     * once, with both places marked. A figure outside any paragraph (no anchor) is its own citation.
     */
    private static void collect(int year, String title, Address page, Fragment fragment, Map<String, List<Citation>> out) {
        Map<List<String>, List<Fragment.FigureMention>> byParagraph = new LinkedHashMap<>();
        int alone = 0;
        for (Fragment.FigureMention figure : fragment.figures()) {
            String key = figure.anchor().isEmpty() ? "\0" + alone++ : figure.anchor();
            byParagraph.computeIfAbsent(List.of(figure.indicator(), key), k -> new ArrayList<>()).add(figure);
        }
        for (List<Fragment.FigureMention> mentions : byParagraph.values()) {
            Fragment.FigureMention first = mentions.get(0);
            out.computeIfAbsent(first.indicator(), k -> new ArrayList<>())
                    .add(quote(year, title, page.at(first.anchor()), mentions));
        }
    }

    /** The sentences of one paragraph that state one figure, each once and in order, with every place the figure is printed. */
    private static Citation quote(int year, String title, Address address, List<Fragment.FigureMention> mentions) {
        // Sentences by where they start in the paragraph; each with the places of the figure in it.
        TreeMap<Integer, List<Fragment.FigureMention>> sentences = new TreeMap<>();
        mentions.forEach(m -> sentences.computeIfAbsent(m.sentenceAt(), k -> new ArrayList<>()).add(m));
        StringBuilder text = new StringBuilder();
        List<Citation.Mark> marks = new ArrayList<>();
        int end = -1;
        for (Map.Entry<Integer, List<Fragment.FigureMention>> s : sentences.entrySet()) {
            String sentence = s.getValue().get(0).sentence();
            if (end >= 0) {
                text.append(s.getKey() <= end + 1 ? "" : GAP); // next to the one before (at most a space between), or not
            }
            int offset = text.length();
            text.append(sentence);
            s.getValue().stream().filter(m -> m.to() > m.from()).map(m -> new Citation.Mark(offset + m.from(), offset + m.to()))
                    .distinct().sorted(Comparator.comparingInt(Citation.Mark::from)).forEach(marks::add);
            end = s.getKey() + sentence.length();
        }
        Fragment.FigureMention first = mentions.get(0);
        return new Citation(first.indicator(), year, title, address, text.toString(), marks);
    }
}
