package cn.fazhi.portal.render;

import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.Cell;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.ListItem;
import org.asciidoctor.ast.Row;
import org.asciidoctor.ast.Section;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.ast.Table;
import org.asciidoctor.extension.Treeprocessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The raw-HTML rule, enforced on the parsed document rather than on the text: report files are
 * AsciiDoc, and HTML written into them is refused, not published (an editor who pastes HTML should
 * learn at once that it will not appear; README, "Security"). Found here, with the source line of
 * the block that holds it:
 * <ul>
 *   <li>passthrough blocks: {@code ++++} and {@code [pass]} paragraphs (context {@code pass});</li>
 *   <li>blocks whose special characters are not escaped ({@code [subs=none]}, {@code subs=-specialchars}):
 *       their text reaches the page as HTML;</li>
 *   <li>inline passthroughs ({@code pass:[…]}, {@code +++…+++}, {@code $$…$$}) in the text of any
 *       block, list item, table cell or title whose substitutions would pass them through, including
 *       those spread over several lines of a paragraph;</li>
 *   <li>document attributes whose value holds HTML (only a passthrough can put it there).</li>
 * </ul>
 * Needs the {@code sourcemap} option for line numbers. The converting thread sets its {@link Scope}
 * (the text being converted, and where findings go) before each conversion, like Asciidoctor's log.
 */
final class RawHtmlRule extends Treeprocessor {

    /** One finding: the line in the converted text (1-based; 0 when unknown) and what it is. */
    record Finding(int line, String message, String hint) {
    }

    /** One conversion: its text's lines, and its findings. */
    record Scope(String[] lines, List<Finding> found) {
        static Scope of(String text) {
            return new Scope(text.split("\n", -1), new ArrayList<>());
        }
    }

    static final String NO_HTML = "write the content in AsciiDoc: paragraphs, lists and |=== tables";
    private static final Set<String> WITHOUT_TEXT = Set.of("image", "audio", "video", "thematic_break", "page_break", "toc");

    private final ThreadLocal<Scope> scope;

    RawHtmlRule(ThreadLocal<Scope> scope) {
        this.scope = scope;
    }

    @Override
    public Document process(Document document) {
        Scope current = scope.get();
        Consumer<Finding> report = current.found()::add;
        attributes(document, report);
        walk(document, current.lines(), report);
        return document;
    }

    private static void attributes(Document document, Consumer<Finding> report) {
        document.getAttributes().forEach((name, value) -> {
            if (value instanceof String text && text.indexOf('<') >= 0) {
                report.accept(new Finding(0, "the attribute :" + name + ": holds raw HTML (不允许直接写 HTML)",
                        "write the attribute's value as plain text, without pass:[] or +++"));
            }
        });
    }

    private static void walk(StructuralNode node, String[] lines, Consumer<Finding> report) {
        int line = line(node);
        if ("pass".equals(node.getContext())) {
            report.accept(new Finding(line, "raw HTML blocks (++++ or [pass]) are not allowed (不允许直接写 HTML)", NO_HTML));
            return;
        }
        if (node instanceof Block block && !WITHOUT_TEXT.contains(block.getContext()) && !block.getLines().isEmpty()
                && !block.isSubstitutionEnabled(StructuralNode.SUBSTITUTION_SPECIAL_CHARACTERS)) {
            report.accept(new Finding(line, "a block whose special characters are not escaped ([subs=…]) is not allowed:"
                    + " its text would be published as HTML (不允许直接写 HTML)", "remove the subs attribute from the block"));
            return;
        }
        if (node instanceof Section) {
            passthroughs(line >= 1 && line <= lines.length ? lines[line - 1] : "", line, report);
        } else if (node instanceof Block block && block.isSubstitutionEnabled(StructuralNode.SUBSTITUTION_MACROS)) {
            passthroughs(block.getSource(), line, report);
        } else if (node instanceof ListItem item) {
            passthroughs(item.getSource(), line, report);
        }
        if (node instanceof Table table) {
            List<Row> rows = new ArrayList<>(table.getHeader());
            rows.addAll(table.getBody());
            rows.addAll(table.getFooter());
            for (Row row : rows) {
                for (Cell cell : row.getCells()) {
                    if (cell.getInnerDocument() != null) {
                        walk(cell.getInnerDocument(), lines, report);
                    } else {
                        passthroughs(cell.getSource(), line, report);
                    }
                }
            }
        }
        for (StructuralNode child : node.getBlocks()) {
            walk(child, lines, report);
        }
    }

    /**
     * Reports an inline passthrough in {@code text}, which starts at {@code firstLine}, at the line
     * of the text where it starts. Linear in the text: {@code indexOf}, no regular expression.
     */
    private static void passthroughs(String text, int firstLine, Consumer<Finding> report) {
        if (text == null || text.isEmpty()) {
            return;
        }
        int at = Passthroughs.find(text);
        if (at >= 0) {
            int line = firstLine <= 0 ? 0 : firstLine + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
            report.accept(new Finding(line, "inline raw HTML (pass:[…], +++…+++ or $$…$$) is not allowed (不允许直接写 HTML)",
                    "write the text without pass:[], +++ or $$"));
        }
    }

    private static int line(StructuralNode node) {
        return node.getSourceLocation() == null ? 0 : node.getSourceLocation().getLineNumber();
    }
}
