package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file assets/ may hold: what a theme needs (style sheets, scripts, images, fonts)
 * and nothing else. assets/ is copied into the site as it is, past every check the pages get,
 * so an HTML page there would be published unchecked (a script in it runs on the site's
 * address), and server files such as .htaccess would change how the site is served.
 * .map (source maps) and .txt are left out: the theme ships no minified code, and robots.txt is
 * written by the portal itself.
 */
final class AssetKinds {

    static final Set<String> ALLOWED = Set.of(".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif",
            ".svg", ".ico", ".woff", ".woff2", ".ttf", ".otf");
    /** Listed in messages, in this order. */
    static final String LIST = ".css .js .png .jpg .jpeg .gif .webp .avif .svg .ico .woff .woff2 .ttf .otf";

    private AssetKinds() {
    }

    /** A problem when the file at {@code name} (source-relative) is not of an allowed kind. */
    static Optional<Problem> check(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        String ext = dot < 0 ? "" : file.substring(dot).toLowerCase(Locale.ROOT);
        if (ALLOWED.contains(ext)) {
            return Optional.empty();
        }
        if (ext.equals(".html") || ext.equals(".htm") || ext.equals(".xhtml") || ext.equals(".shtml")) {
            return Optional.of(Problem.at(name, 0, "HTML files are not allowed in assets/: they would be published"
                            + " without any of the site's checks (不允许的资源文件类型)",
                    "write the page in AsciiDoc under content/pages/, or delete the file"));
        }
        String kind = ext.isEmpty() ? "files without an extension" : "'" + ext + "' files";
        return Optional.of(Problem.at(name, 0, kind + " are not allowed in assets/; only style sheets, scripts,"
                + " images and fonts are published from there (不允许的资源文件类型)", "allowed kinds: " + LIST
                + "; delete the file or keep it outside the portal's folders"));
    }
}
