package cn.fazhi.portal.pages;

/**
 * A correction (更正) as a page shows it: {@code 2032年6月1日更正：…}.
 *
 * @param id its anchor on the 更正记录 page
 * @param date ISO date of the correction
 * @param dateText the same date in Chinese
 * @param text what changed: the old and the new wording
 * @param reason the stated reason (the commit's one-line message), or empty
 * @param href on the 更正记录 page, the link to the page that shows it; elsewhere, to the 更正记录 entry
 */
public record Notice(String id, String date, String dateText, String text, String reason, String href) {
}
