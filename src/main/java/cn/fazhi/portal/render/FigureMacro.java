package cn.fazhi.portal.render;

import cn.fazhi.portal.load.Figure;
import cn.fazhi.portal.load.Indicators;
import cn.fazhi.portal.pages.Addresses;
import org.asciidoctor.ast.PhraseNode;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.InlineMacroProcessor;
import org.asciidoctor.extension.Name;

import java.util.Map;

/**
 * The inline macro {@code ind:<indicator-id>[]}: prints a figure of the report's year from
 * {@code data/<year>.yaml}, in the report's own wording, as
 * {@code <a class="figure" href="../indicators/id.html"><data value="38190000">3819万余</data></a>}.
 * The number in the sentence, the tables, the charts and the downloads thus come from one value.
 *
 * <p>References were checked with line numbers before conversion ({@code load.References}), so a
 * missing figure here is a fault of ours, reported as such.
 */
@Name("ind")
final class FigureMacro extends InlineMacroProcessor {

    /** Document attribute carrying the year of the file being converted. */
    static final String YEAR_ATTRIBUTE = "portal-year";

    private final Indicators indicators;
    private final Addresses at;

    FigureMacro(Indicators indicators, Addresses at) {
        this.indicators = indicators;
        this.at = at;
    }

    @Override
    public PhraseNode process(StructuralNode parent, String target, Map<String, Object> attributes) {
        int year = Integer.parseInt(String.valueOf(parent.getDocument().getAttribute(YEAR_ATTRIBUTE)));
        Figure figure = indicators.figure(target, year)
                .orElseThrow(() -> new IllegalStateException("no " + year + " value for indicator " + target));
        // The text is shown on the year's page and on its section's own page, both in the year's folder.
        String href = at.indicator(target).from(at.year(year));
        String html = "<a class=\"figure\" href=\"" + href + "\" data-indicator=\"" + target
                + "\"><data value=\"" + figure.quantity().toPlainString() + "\">" + figure.printed() + "</data></a>";
        return createPhraseNode(parent, "quoted", html);
    }
}
