package cn.fazhi.portal.render;

import cn.fazhi.portal.load.Figure;
import cn.fazhi.portal.load.Indicator;
import cn.fazhi.portal.load.Indicators;
import cn.fazhi.portal.pages.Addresses;
import org.asciidoctor.ast.PhraseNode;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.InlineMacroProcessor;
import org.asciidoctor.extension.Name;

import java.util.Map;
import java.util.Optional;

/**
 * The inline macro {@code ind:<indicator-id>[]}: prints a figure of the report's year from
 * {@code data/<year>.yaml}, in the report's own wording, as
 * {@code <a class="figure" href="../indicators/id.html"><data value="38190000">3819万余</data><span
 * class="visually-hidden">（指标：…）</span></a>}. The number in the sentence, the tables, the charts
 * and the downloads thus come from one value.
 *
 * <p>The visually hidden suffix names the indicator: a number alone ("3", "5") says nothing in a
 * screen reader's list of links, and several numbers of one paragraph would share a name while
 * leading to different pages. Sighted readers see the number only, and one sentence on the page
 * explains the linked numbers. The suffix is no report text: search, descriptions and the feed
 * leave it out ({@link HtmlFragments}).
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
        String html = html(indicators, at, target, year)
                .orElseThrow(() -> new IllegalStateException("no " + year + " value for indicator " + target));
        return createPhraseNode(parent, "quoted", html);
    }

    /**
     * The HTML the macro prints for indicator {@code id} in {@code year}, or empty when the year has
     * no value for it. The conversion cache keys each file on these very strings, so any change to
     * what is printed (a value, a name, this method) converts the files that cite it again.
     */
    static Optional<String> html(Indicators indicators, Addresses at, String id, int year) {
        Optional<Figure> found = indicators.figure(id, year);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Figure figure = found.get();
        String name = indicators.definition(id).map(Indicator::name).orElse(id);
        // The text is shown on the year's page and on its section's own page, both in the year's folder.
        String href = at.indicator(id).from(at.year(year));
        return Optional.of("<a class=\"figure\" href=\"" + href + "\" data-indicator=\"" + id
                + "\"><data value=\"" + figure.quantity().toPlainString() + "\">" + figure.printed() + "</data>"
                + "<span class=\"visually-hidden\">" + inert(suffix(name)) + "</span></a>");
    }

    /**
     * The name as HTML text that Asciidoctor leaves alone. Asciidoctor runs its link, e-mail and
     * anchor substitutions over the paragraph after this macro has put its HTML in: an indicator
     * named {@code =HYPERLINK("http://evil.example",…)} would become a link to that address. So
     * every ASCII character but letters, digits and spaces is written as a character reference,
     * which none of those substitutions matches and every browser reads as the character itself.
     * A control character (a tab, a line break typed into YAML) becomes a space: HTML allows no
     * reference to most of them.
     */
    static String inert(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                html.append(' ');
            } else if (c >= 0x80 || c == ' ' || Character.isLetterOrDigit(c)) {
                html.appendCodePoint(c);
            } else {
                html.append("&#").append(c).append(';');
            }
        });
        return html.toString();
    }

    /** What a screen reader adds after the number: the indicator's name, in brackets as a note. */
    static String suffix(String indicatorName) {
        return "（指标：" + indicatorName + "）";
    }
}
