package cn.fazhi.portal.load;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Figure references are found by a scan linear in the text. It finds what the regular expressions
 * it replaced found, line by line, and reads megabyte lines of what made them backtrack (a 100 KB
 * line of "ind:" kept a build busy for more than two minutes).
 */
class FigureReferencesTest {

    /** The expressions the scan replaced: its specification on short lines. */
    private static final Pattern MACRO = Pattern.compile("ind:([^\\s\\[]*)\\[([^\\]]*)]");
    private static final Pattern SPLIT = Pattern.compile("ind:[^\\s\\[]+(?:\\[.*)?$");

    @Test
    void findsWhatTheRegularExpressionsFoundLineByLine() {
        List<String> lines = List.of("甲ind:legal-aid-cases[]乙", "ind:a[] ind:b[x] ind:[]", "text ind:fictional-",
                "ind:fictional-cases[", "ind:a[] and ind:b", "ind: x", "kind:xyz[]", "ind:aind:b[]", "ind:a[b ind:c[]",
                "ind:a\tind:b[]", "no reference", "ind:x[]]", "ind:甲[乙]", "ind:");
        for (String line : lines) {
            List<String> ids = new ArrayList<>();
            Matcher m = MACRO.matcher(line);
            while (m.find()) {
                ids.add(m.group(1));
            }
            FigureReferences found = FigureReferences.in(line);
            assertEquals(ids, found.references().stream().map(FigureReferences.Reference::id).toList(), line);
            Matcher split = SPLIT.matcher(MACRO.matcher(line).replaceAll(" "));
            assertEquals(split.find() ? List.of(split.group()) : List.of(),
                    found.splits().stream().map(FigureReferences.Split::written).toList(), line);
        }
    }

    @Test
    void referencesAndSplitsCarryTheirLines() {
        FigureReferences found = FigureReferences.in("= 标题\n\n共ind:a[]件，\n其中ind:b-\nc[]件。\n");
        assertEquals(List.of(new FigureReferences.Reference("a", 3)), found.references(), "the rest of a split reference is no reference");
        assertEquals(List.of(new FigureReferences.Split("ind:b-", 4)), found.splits());
    }

    /** Asciidoctor publishes no comment, so a reference shown there as an example is none. */
    @Test
    void commentsHoldNoReferences() {
        FigureReferences found = FigureReferences.in("= 标题\n// 例如 ind:example[]\n////\nind:b[] ind:c-\n////\n共ind:a[]件。\n");
        assertEquals(List.of(new FigureReferences.Reference("a", 6)), found.references());
        assertEquals(List.of(), found.splits());
    }

    @Test
    void megabyteLinesOfBacktrackingBaitAreReadInLinearTime() {
        for (String bait : List.of("ind:", "ind:a[", "ind:a ", "ind:[", "ind:a[]")) {
            FigureReferences found = FigureReferences.in("= 标题\n\n" + bait.repeat(1_000_000 / bait.length()) + "\n");
            assertEquals(bait.equals("ind:a[]") ? 1_000_000 / bait.length() : 0, found.references().size(), bait);
        }
    }

    /** A message quotes an editor's text shortened, so a megabyte line does not fill the terminal. */
    @Test
    void aSplitReferenceOnAMegabyteLineIsQuotedShort() {
        String line = "ind:".repeat(250_000);
        FigureReferences.Split split = FigureReferences.in(line).splits().get(0);
        String quoted = cn.fazhi.portal.problems.Problem.quote(split.written());
        assertEquals(60, quoted.codePointCount(0, quoted.length()));
        assertEquals(true, quoted.endsWith("…") && quoted.startsWith("ind:ind:"));
        assertEquals("ind:a", cn.fazhi.portal.problems.Problem.quote("ind:a"));
    }
}
