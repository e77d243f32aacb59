package cn.fazhi.portal.load;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The facts a government site's 政府信息公开 table gives about a document, as the report's
 * {@code index.adoc} states them; each is shown only when given, never guessed.
 *
 * @param sourceUrl 原文链接: the official publication's address ({@code :source-url:}, http or https)
 * @param indexNumber 索引号 ({@code :index-number:})
 * @param documentNumber 发文字号 ({@code :document-number:})
 * @param written 成文日期 ({@code :written-date:})
 */
public record Disclosure(Optional<String> sourceUrl, Optional<String> indexNumber, Optional<String> documentNumber,
                         Optional<LocalDate> written) {

    public static final Disclosure NONE = new Disclosure(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
