package cn.fazhi.portal.init;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a new portal source, by path: settings and indicator definitions with every field
 * explained, a draft report to start from, the workflow that publishes it, a README and a
 * .gitignore. The texts are resources beside this class ({@code starter/}) with {@code @@NAME@@}
 * placeholders, kept as files so that they read as the portal's editors will read them; the
 * placeholders cannot clash with the workflow's own {@code ${{ … }}} expressions.
 *
 * <p>Nothing here is invented: a fact the tool cannot know is a visible placeholder or an empty
 * value, which the site shows as 待补充.
 */
public final class StarterFiles {

    /** What the site shows as its name until one is written in. */
    public static final String NAME_PLACEHOLDER = "（请填写门户名称）";
    private static final Pattern PLACEHOLDER = Pattern.compile("@@([A-Z0-9_]+)@@");

    /**
     * What a new portal is made with.
     *
     * @param name the portal's name; empty for the placeholder
     * @param year the year of its first report
     * @param tool the portal.jar its workflow runs
     * @param releasePage the page of that release, if known
     * @param guide the editors' guide of that version, if known
     */
    public record Settings(Optional<String> name, int year, ToolDownload tool, Optional<String> releasePage,
                           Optional<String> guide) {
    }

    /**
     * One file of the new portal.
     *
     * @param path relative to the new folder, with '/'
     * @param text its content (UTF-8)
     * @param about what it is, in English and Chinese, as init lists it
     */
    public record StarterFile(String path, String text, String about) {
    }

    private StarterFiles() {
    }

    /** The files, in the order they are listed to the person. */
    public static List<StarterFile> of(Settings s) {
        String name = s.name().orElse(NAME_PLACEHOLDER);
        Map<String, String> values = Map.of(
                "NAME", name,
                "NAME_YAML", yamlQuoted(name),
                "YEAR", Integer.toString(s.year()),
                "NEXT_YEAR", Integer.toString(s.year() + 1),
                "PORTAL_VERSION", s.tool().version(),
                "PORTAL_JAR_URL", s.tool().jarUrl(),
                "PORTAL_SHA256", s.tool().sha256(),
                "DOWNLOAD_NOTE", s.tool().complete() ? "" : resource("download-note.yml"),
                "DOWNLOAD", s.tool().complete() ? download(s.tool(), s.releasePage()) : resource("download-unknown.md").strip(),
                "GUIDE", s.guide().map(u -> "[编辑指南](" + u + ")").orElse("构建工具仓库中的编辑指南（docs/编辑指南.md）"));
        String year = Integer.toString(s.year());
        return List.of(
                new StarterFile("data/site.yaml", fill("site.yaml", values),
                        "the portal's settings: name, address, footer facts (网站设置)"),
                new StarterFile("data/indicators.yaml", fill("indicators.yaml", values),
                        "indicator definitions, none yet, with an example (指标定义，附示例)"),
                new StarterFile("data/non-quantities.yaml", fill("non-quantities.yaml", values),
                        "numbers of the text that are no figures (years, names), none yet (非数量清单)"),
                new StarterFile("content/" + year + "/index.adoc", fill("index.adoc", values),
                        "the " + year + " report, a draft (" + year + " 年度报告首页，草稿)"),
                new StarterFile("content/" + year + "/01-example.adoc", fill("01-example.adoc", values),
                        "an example section, a draft (示例章节，草稿)"),
                new StarterFile(".github/workflows/publish.yml", fill("publish.yml", values),
                        "checks, builds and publishes the site on GitHub Pages with portal " + s.tool().version() + " (发布工作流)"),
                new StarterFile("README.md", fill("README.md", values),
                        "how to write, preview, check, publish and upgrade (使用说明)"),
                new StarterFile(".gitignore", fill("gitignore", values),
                        "keeps target/ and portal.jar out of git (不提交的文件)"));
    }

    /** A YAML single-quoted scalar: any text but line breaks stays as written (a quote is doubled). */
    static String yamlQuoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The README's commands that download and verify the very jar the workflow runs. */
    private static String download(ToolDownload tool, Optional<String> page) {
        Map<String, String> values = Map.of(
                "PORTAL_VERSION", tool.version(),
                "PORTAL_JAR_URL", tool.jarUrl(),
                "PORTAL_SHA256", tool.sha256(),
                "RELEASE_PAGE", page.map(p -> "该版本的发布页：" + p + "\n\n").orElse(""));
        return fill("download-known.md", values).strip();
    }

    /** The resource {@code starter/<name>} with every placeholder replaced; a placeholder without a value is a fault here. */
    static String fill(String name, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(resource(name));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("starter/" + name + " has the placeholder " + m.group() + ", which has no value");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static String resource(String name) {
        try (InputStream in = StarterFiles.class.getResourceAsStream("starter/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the portal's own file starter/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
