package cn.fazhi.portal.pages;

/**
 * The publication facts a report or indicator page shows under its title and declares in the
 * government-site {@code <meta>} tags (ColumnName, PubDate, ContentSource) and its JSON-LD.
 *
 * @param column the site section (栏目) the page belongs to
 * @param pubdate ISO date, or empty when the source states none (never guessed)
 * @param published the same date written in Chinese, or empty
 * @param source 来源: who the text or figures come from
 * @param basedOn the address of the official text the report is published at (原文链接), or empty
 *                when none is given; the JSON-LD's {@code isBasedOn}
 */
public record Meta(String column, String pubdate, String published, String source, String basedOn) {
}
