package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;

import java.util.List;
import java.util.Map;

/**
 * The header attributes ({@code :name: value}) each kind of file may have. Any other is refused:
 * the portal shows it nowhere, so {@code :doc-number: …} was lost without a word, and a misspelt
 * {@code :stauts: draft} published a draft. An attribute the file's text uses ({@code {name}}) is
 * plain AsciiDoc and allowed.
 */
enum HeaderAttributes {

    /** A report's {@code index.adoc}. */
    REPORT(List.of("issuer", "date", "status", "source-url", "index-number", "document-number", "written-date"),
            "a report's index.adoc takes :issuer:, :date:, :status:, :source-url:, :index-number:, :document-number: and :written-date: (see the editors' guide 编辑指南, 添加一个年度), and the portal shows no other"),
    /** A section file of a report. */
    SECTION(List.of("status"), "a section takes only :status: (:issuer: and :date: belong in the year's index.adoc),"
            + " and the portal shows no other"),
    /** A page about the site under {@code content/pages/}. */
    PAGE(List.of(), "a page about the site takes no attributes, and the portal shows none");

    private final List<String> known;
    private final String rule;

    HeaderAttributes(List<String> known, String rule) {
        this.known = known;
        this.rule = rule;
    }

    /** Adds a problem to {@code found} for each attribute of {@code header} this kind of file cannot have. */
    void check(TextFile file, AsciiDocHeader header, List<Problem> found) {
        for (Map.Entry<String, AsciiDocHeader.Attribute> a : header.attributes().entrySet()) {
            // ':!name:' and ':name!:' unset an attribute: the same name for this purpose.
            String name = a.getKey().replace("!", "");
            if (known.contains(name) || file.text().contains("{" + name + "}")) {
                continue;
            }
            found.add(Problem.at(file.name(), a.getValue().line(), "unknown header attribute ':" + name + ":'"
                            + Suggest.didYouMean(":" + name + ":", known.stream().map(k -> ":" + k + ":").toList())
                            + " (未知的文件头属性)",
                    rule + ": write the fact in the text, or delete the line"));
        }
    }
}
