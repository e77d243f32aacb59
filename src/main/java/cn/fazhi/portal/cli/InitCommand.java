package cn.fazhi.portal.cli;

import cn.fazhi.portal.init.InitRefused;
import cn.fazhi.portal.init.NewFolder;
import cn.fazhi.portal.init.ReportYear;
import cn.fazhi.portal.init.RunningJar;
import cn.fazhi.portal.init.StarterFiles;
import cn.fazhi.portal.init.StarterFiles.StarterFile;
import cn.fazhi.portal.init.ToolDownload;
import cn.fazhi.portal.init.ToolRelease;
import cn.fazhi.portal.problems.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Makes a new portal source in DIR (a new or empty folder): settings, indicator definitions, "
                + "a draft report, a README and the GitHub workflow that publishes it with this very portal.jar.")
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the folder to make; it must not exist yet or be empty")
    Path dir;

    @Option(names = "--name", paramLabel = "NAME",
            description = "the portal's name, shown on every page (default: a placeholder to fill in data/site.yaml)")
    String name;

    @Option(names = "--year", paramLabel = "N",
            description = "the year of the first report (default: last year in China, since a report on year N comes out in N+1)")
    Integer year;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> usage = wrongUsage();
        if (usage.isPresent()) {
            err.println(usage.get());
            err.flush();
            return Main.USAGE;
        }
        int reportYear = year != null ? year : ReportYear.previous(Clock.systemUTC());
        ToolRelease release = ToolRelease.current();
        Optional<Path> jar = RunningJar.path();
        ToolDownload tool;
        try {
            tool = ToolDownload.of(release, jar);
        } catch (IOException e) {
            return failed(err, jar.map(Path::toString).orElse("portal.jar"),
                    "cannot read the running portal.jar to compute its SHA-256 for the workflow: " + describe(e),
                    "check that the jar file is readable, then run init again; nothing was written");
        }
        List<StarterFile> files = StarterFiles.of(new StarterFiles.Settings(
                Optional.ofNullable(name).map(String::strip), reportYear, tool, release.page(), release.guide()));
        Map<String, String> texts = new LinkedHashMap<>();
        files.forEach(f -> texts.put(f.path(), f.text()));
        try {
            NewFolder.write(dir, dir.toString(), texts);
        } catch (InitRefused refused) {
            err.println(refused.format());
            err.flush();
            return Main.USAGE;
        } catch (IOException e) {
            return failed(err, dir.toString(), "cannot write the new portal: " + describe(e) + " (无法写入)",
                    "check that you may write there and that the disk has room; nothing was left behind");
        }
        new InitSummary(out, err, dir, jar).print(files, reportYear, tool);
        return Main.OK;
    }

    /** The message for options that cannot make a portal, if any. */
    private Optional<String> wrongUsage() {
        if (name != null && name.isBlank()) {
            return Optional.of(Problem.at("--name", 0, "the name is empty (名称为空)",
                    "write the portal's name, e.g. --name 某某市法治政府建设年度报告, or leave --name out to fill it in later").format());
        }
        if (name != null && name.chars().anyMatch(Problem::isControl)) {
            return Optional.of(Problem.at("--name", 0, "the name holds a control character such as a line break (名称含控制字符)",
                    "write the name on one line, with letters, digits and punctuation only").format());
        }
        if (year != null && !ReportYear.valid(year)) {
            return Optional.of(Problem.at("--year", 0, "'" + year + "' is not a four-digit year (年份无效)",
                    "write the year the report is about, e.g. --year 2024").format());
        }
        return Optional.empty();
    }

    private static int failed(PrintWriter err, String where, String message, String hint) {
        err.println(Problem.at(where, 0, message, hint).format());
        err.flush();
        return Main.PROBLEMS;
    }

    /** An I/O failure in words: Java's own messages are often only a path. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied for " + a.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
