package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;

import java.net.URI;
import java.util.Optional;

/**
 * The address the site is published under (base_url, or build --base-url): http or https, a host,
 * and a path of folder names. Pages put it in front of their own paths (canonical links, the 404
 * page's scripts), so {@code https://example.gov.cn//evil.example/} would make the 404 page load
 * {@code //evil.example/js/reader.js}, another site's script.
 */
public final class BaseUrl {

    private BaseUrl() {
    }

    /**
     * A problem when {@code url} is not such an address.
     *
     * @param where where the value was written: {@code data/site.yaml} or {@code --base-url}
     * @param line its line in data/site.yaml, or 0
     */
    public static Optional<Problem> check(String url, String where, int line) {
        String example = where.equals("--base-url") ? "--base-url https://example.gov.cn/fzzf/"
                : "'base_url: https://example.gov.cn/fzzf/'";
        return whatIsWrong(url).map(wrong -> Problem.at(where, line, "base_url '" + url
                        + "' is not an absolute http(s) address to publish the site under: " + wrong + " (网站地址无效)",
                "write http:// or https://, the host, then folder names each followed by '/', e.g. " + example));
    }

    private static Optional<String> whatIsWrong(String url) {
        Optional<String> notWeb = SourceUrl.check(url);
        if (notWeb.isPresent()) {
            return notWeb;
        }
        URI uri = URI.create(url); // well formed: SourceUrl parsed it
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("it has a '?' or '#' part");
        }
        // Both as written and decoded: %2F would otherwise hide an empty folder name.
        for (String path : new String[] {uri.getRawPath(), uri.getPath()}) {
            Optional<String> wrong = badPath(path == null ? "" : path);
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> badPath(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return Optional.empty();
        }
        String inner = path.substring(1, path.endsWith("/") ? path.length() - 1 : path.length());
        for (String segment : inner.split("/", -1)) {
            if (segment.isEmpty()) {
                return Optional.of("its path has an empty folder name ('//')");
            }
            if (segment.equals(".") || segment.equals("..") || segment.contains("\\")) {
                return Optional.of("its path has the folder name '" + segment + "'");
            }
        }
        return Optional.empty();
    }
}
