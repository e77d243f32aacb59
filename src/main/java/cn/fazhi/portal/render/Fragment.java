package cn.fazhi.portal.render;

import java.util.List;

/**
 * One converted file, with what later stages need from its HTML (search blocks, the figures it
 * prints) found in the same parse that prepared it ({@link HtmlFragments#prepare}).
 *
 * @param html the HTML as the file's own page shows it
 * @param nested the same HTML with its headings moved down under the section's own title, as the
 *               year page shows it (equal to {@code html} for a file that is not nested)
 * @param blocks the text of each innermost block (paragraph, heading, list item, cell…), in order:
 *               what the search index holds and shows in snippets; visually hidden text left out
 * @param figures every bound figure the text prints, in order (its figure links)
 * @param refusedLinks the text of each link whose address the cleaning removed (a {@code javascript:}
 *                     address, say, however it was written): the editor is told
 * @param lead the text of the first paragraph, or "" when there is none (for the page's meta description)
 * @param tables whether it has a table (its page then loads the script that makes a wide table's
 *               wrapper a focusable region)
 */
public record Fragment(String html, String nested, List<String> blocks, List<FigureMention> figures,
                       List<String> refusedLinks, String lead, boolean tables) {

    public Fragment {
        blocks = List.copyOf(blocks);
        figures = List.copyOf(figures);
        refusedLinks = List.copyOf(refusedLinks);
    }

    /**
     * A figure printed in the text.
     *
     * @param indicator the indicator's id
     * @param anchor the id of the paragraph that prints it, or "" when it is not in a paragraph
     * @param sentence the sentence that states it, as published
     * @param sentenceAt where the sentence starts in the paragraph's text (0 when not in a paragraph)
     * @param from where the figure's printed text starts in {@code sentence}
     * @param to where it ends in {@code sentence} (exclusive)
     */
    public record FigureMention(String indicator, String anchor, String sentence, int sentenceAt, int from, int to) {
    }
}
