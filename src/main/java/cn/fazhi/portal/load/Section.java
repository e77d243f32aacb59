package cn.fazhi.portal.load;

/**
 * One section of a year's report, from one file {@code content/<year>/<NN>[-<NN>]-<slug>.adoc}.
 *
 * @param slug ASCII name, unique within the year; the page's address is {@code <year>/<slug>.html}
 * @param order the numeric prefix that orders the file, e.g. {@code 01-07}
 * @param parentSlug for a subsection ({@code 01-07-x}), the slug of its part ({@code 01-y}); empty for a part
 * @param title the heading exactly as the report prints it, numbering included
 * @param draft true when the header says {@code :status: draft}
 * @param source the file, for conversion and messages
 */
public record Section(String slug, String order, String parentSlug, String title, boolean draft, TextFile source) {

    public int level() {
        return parentSlug.isEmpty() ? 1 : 2;
    }
}
