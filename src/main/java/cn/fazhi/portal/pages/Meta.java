package cn.fazhi.portal.pages;

/**
 * The publication facts a report or indicator page shows under its title and declares in the
 * government-site {@code <meta>} tags (ColumnName, PubDate, ContentSource) and its JSON-LD.
 *
 * @param column the site section (栏目) the page belongs to
 * @param pubdate ISO date, or empty when the source states none (never guessed)
 * @param published the same date written in Chinese, or empty
 * @param source 来源: who the text or figures come from
 * @param sourceUrl 原文链接: the official publication's address, or empty; the JSON-LD's {@code isBasedOn}
 * @param indexNumber 索引号, or empty
 * @param documentNumber 发文字号, or empty
 * @param written 成文日期 in Chinese, or empty
 */
public record Meta(String column, String pubdate, String published, String source, String sourceUrl,
                   String indexNumber, String documentNumber, String written) {
}
