package cn.fazhi.portal.pages;

/**
 * A link as a page shows it.
 *
 * @param title the text of the link
 * @param href the address, written for the page that shows the link
 * @param draft true when it leads to a page shown only in the preview (marked 草稿)
 */
public record Link(String title, String href, boolean draft) {
}
