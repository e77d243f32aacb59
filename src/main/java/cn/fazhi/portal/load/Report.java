package cn.fazhi.portal.load;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One year's annual report: the landing file {@code content/<year>/index.adoc} (title, issuers,
 * preamble) and its sections in reading order.
 *
 * @param year the reporting year, from the folder name
 * @param title the report's official title
 * @param issuers the issuing bodies, in the order the header lists them
 * @param published the publication date if the header states one; never guessed
 * @param disclosure the official source's address and 政府信息公开 facts, each when the header states it
 * @param draft true when the landing file says {@code :status: draft}
 * @param landing the landing file, whose body is the preamble
 * @param sections all sections, parts and subsections, in reading order
 */
public record Report(int year, String title, List<String> issuers, Optional<LocalDate> published,
                     Disclosure disclosure, boolean draft, TextFile landing, List<Section> sections) {

    public Report withSections(List<Section> kept) {
        return new Report(year, title, issuers, published, disclosure, draft, landing, kept);
    }
}
