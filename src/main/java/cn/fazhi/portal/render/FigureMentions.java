package cn.fazhi.portal.render;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The bound figures a converted file prints, each with its paragraph and the sentence that states it. */
final class FigureMentions {

    private static final String SENTENCE_END = "。！？!?";
    private static final char MARK = '\u0001';

    private FigureMentions() {
    }

    private static final Evaluator FIGURE = QueryParser.parse("a.figure[data-indicator]");
    private static final Evaluator ANY_FIGURE = QueryParser.parse("a.figure");
    private static final Evaluator PARAGRAPH = QueryParser.parse("div.paragraph[id]");

    /** Every bound figure with its paragraph's id and the sentence around it. */
    static List<Fragment.FigureMention> in(Document doc) {
        List<Fragment.FigureMention> out = new ArrayList<>();
        Map<Element, Element> copies = new IdentityHashMap<>(); // one copy per paragraph, however many figures it has
        for (Element figure : doc.body().select(FIGURE)) {
            Element block = figure.closest(PARAGRAPH);
            String anchor = block == null ? "" : block.id();
            String printed = figure.text();
            out.add(block == null
                    ? new Fragment.FigureMention(figure.attr("data-indicator"), anchor, printed, 0, 0, printed.length())
                    : mention(block, copies.computeIfAbsent(block, Element::clone), figure, anchor));
        }
        return out;
    }

    /**
     * The sentence of {@code block} that contains {@code figure}, cut at Chinese sentence ends, with
     * where it starts in the paragraph's text and where the figure is in it. {@code copy} is a copy
     * of the block: the figure's text is swapped for a mark there to find it, then put back, so the
     * next figure of the block can use the same copy.
     */
    private static Fragment.FigureMention mention(Element block, Element copy, Element figure, String anchor) {
        String printed = figure.text();
        int index = block.select(ANY_FIGURE).indexOf(figure);
        Element mark = copy.select(ANY_FIGURE).get(index);
        mark.text(String.valueOf(MARK));
        String text = copy.text();
        mark.text(printed);
        int at = text.indexOf(MARK);
        int start = at;
        while (start > 0 && SENTENCE_END.indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        int end = at;
        while (end < text.length() && SENTENCE_END.indexOf(text.charAt(end)) < 0) {
            end++;
        }
        while (start < at && Character.isWhitespace(text.charAt(start))) {
            start++; // the sentence as quoted starts at its first character
        }
        String sentence = text.substring(start, Math.min(text.length(), end + 1)).replace(String.valueOf(MARK), printed).strip();
        // Offsets in the paragraph's text with the figure printed (the mark stands for it in `text`).
        return new Fragment.FigureMention(figure.attr("data-indicator"), anchor, sentence, start, at - start,
                at - start + printed.length());
    }
}
