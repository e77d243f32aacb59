package cn.fazhi.portal.load;

import java.time.Instant;

/**
 * A change of a report file ({@code content/<year>/*.adoc} or {@code data/<year>.yaml}) made by a
 * commit after the report was published: the raw material of a correction (更正).
 *
 * @param path the file, relative to the source folder
 * @param year the report's year
 * @param when the commit's committer time
 * @param reason the commit message when it is one line (the stated reason), else empty
 * @param before the file's text before the commit
 * @param after the file's text after it
 */
public record FileChange(String path, int year, Instant when, String reason, String before, String after) {
}
