package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.Problems;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One section file saved in the preview, read and checked exactly as {@link SiteLoader} reads it,
 * so that {@code serve} can show the section's own page before the whole site is rebuilt.
 *
 * @param report the report the section belongs to, as last built
 * @param index the section's position in the report
 * @param section the section with the saved text
 */
public record SectionEdit(Report report, int index, Section section) {

    /**
     * The edit, if {@code file} is a section of {@code site} and its new text loads without a
     * problem and keeps the section's title and status. Anything else (a new or deleted file, a
     * renamed section, a mistake) may change other pages or needs a message: the full build that
     * follows handles it, so this simply declines.
     */
    public static Optional<SectionEdit> of(Site site, Path file) {
        SourceTree tree = site.tree();
        String name = tree.relative(file);
        for (Report report : site.reports()) {
            for (int i = 0; i < report.sections().size(); i++) {
                Section old = report.sections().get(i);
                if (old.source().name().equals(name)) {
                    int index = i;
                    return reread(site, report, old).map(s -> new SectionEdit(report, index, s));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Section> reread(Site site, Report report, Section old) {
        Problems problems = new Problems();
        Optional<TextFile> text = SiteLoader.readText(site.tree(), old.source().path(), problems);
        if (text.isEmpty() || !problems.isEmpty()) {
            return Optional.empty();
        }
        List<Problem> found = new ArrayList<>();
        Optional<AsciiDocHeader> header = AsciiDocHeader.parse(text.get(), found);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        boolean draft = SiteLoader.status(text.get(), header.get(), found);
        References.checkFile(text.get(), report.year(), site.indicators(), References.defined(site.indicators()), problems);
        if (!found.isEmpty() || !problems.isEmpty() || !header.get().title().equals(old.title()) || draft != old.draft()) {
            return Optional.empty();
        }
        return Optional.of(new Section(old.slug(), old.order(), old.parentSlug(), old.title(), old.draft(), text.get()));
    }
}
