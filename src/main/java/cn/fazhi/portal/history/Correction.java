package cn.fazhi.portal.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One correction (更正) of a published report, found in git history.
 *
 * @param id the anchor on the 更正记录 page and the feed's entry id: the commit's time and a count, stable
 *           as history grows
 * @param date the day of the commit in China, the date the notice gives
 * @param when the commit's time, for ordering (newest first) and the feed
 * @param year the report's year
 * @param text what changed, in words: {@code 受理法律援助案件数由1233件更正为1234件}, or for a
 *             sentence {@code “(一)……”一节中“…”更正为“…”}
 * @param reason the commit message when it is one line, else empty
 * @param pages the paths of the pages that show the corrected value or sentence; the first is
 *              where the 更正记录 page links to
 */
public record Correction(String id, LocalDate date, Instant when, int year, String text, String reason, List<String> pages) {

    public Correction {
        pages = List.copyOf(pages);
    }
}
