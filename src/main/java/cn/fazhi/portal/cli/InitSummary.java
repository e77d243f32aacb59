package cn.fazhi.portal.cli;

import cn.fazhi.portal.init.StarterFiles.StarterFile;
import cn.fazhi.portal.init.ToolDownload;
import cn.fazhi.portal.problems.Problem;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code init} tells the person: the files it made and the commands to run next, written as
 * they can be pasted into the same shell (the jar and the folder as they reach them from here).
 */
final class InitSummary {

    /** What a shell takes as a word without quotes. */
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}._/:@%+=,-]+");

    private final PrintWriter out;
    private final PrintWriter err;
    private final Path dir;
    private final String java;

    InitSummary(PrintWriter out, PrintWriter err, Path dir, Optional<Path> jar) {
        this.out = out;
        this.err = err;
        this.dir = dir;
        this.java = "java -jar " + jar.map(InitSummary::reachable).map(InitSummary::quoted).orElse("portal.jar");
    }

    void print(List<StarterFile> files, int year, ToolDownload tool) {
        String folder = quoted(dir.toString());
        out.println("Made a new portal in " + Problem.escape(dir.toString()) + " (已创建门户源文件):");
        int width = files.stream().mapToInt(f -> f.path().length()).max().orElse(0);
        files.forEach(f -> out.println("  " + pad(f.path(), width) + "  " + Problem.escape(f.about())));
        out.println();
        out.println("Next steps (下一步):");
        out.println("  1. Fill in data/site.yaml and the report in content/" + year + "/ (填写网站设置和报告).");
        out.println("  2. " + java + " serve --source " + folder);
        out.println("       preview, drafts included, at http://127.0.0.1:8080/ (预览)");
        out.println("  3. " + java + " check --source " + folder);
        out.println("       lists every problem with its file and line; run it before each commit (检查)");
        out.println("  4. " + java + " build --source " + folder);
        out.println("       builds the site into " + Problem.escape(dir.resolve("target/site").toString()) + " (构建)");
        out.println("  5. Put the folder in a GitHub repository, set Settings > Pages > Source to \"GitHub Actions\", and push"
                + " to main: the workflow publishes the site (推送到 GitHub 并启用 Pages 即可发布).");
        out.flush();
        if (!tool.complete()) {
            err.println("warning: this portal.jar is not a published release, so the new workflow does not know where to"
                    + " download it: PORTAL_JAR_URL and PORTAL_SHA256 in "
                    + Problem.escape(dir.resolve(".github/workflows/publish.yml").toString())
                    + " are empty, and the workflow stops at its first step until they are filled in (工作流的下载地址和校验值待填写).");
            err.println("    hint: fill in the values of a release (its page lists portal.jar.sha256; see "
                    + Problem.escape(dir.resolve("README.md").toString()) + ", 升级工具版本), or run init with a released portal.jar");
            err.flush();
        }
    }

    /** The jar as reached from the current folder: relative below it, else absolute. */
    private static String reachable(Path jar) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = jar.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }

    /** {@code text} as one shell word: as it is when plain, else in single quotes. */
    static String quoted(String text) {
        String escaped = Problem.escape(text);
        return PLAIN.matcher(escaped).matches() ? escaped : "'" + escaped.replace("'", "'\\''") + "'";
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
