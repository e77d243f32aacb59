package cn.fazhi.portal.cli;

import cn.fazhi.portal.Pipeline;
import cn.fazhi.portal.problems.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks content, data and templates as a build would, including every link; publishes nothing."
                + " Lists the files of the source that replace the built-in theme's.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--strict", description = "fail (exit 1) on warnings too, such as a number of the text that is"
            + " neither bound to an indicator nor on data/non-quantities.yaml; CI runs check --strict")
    boolean strict;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path cache = common.cacheFor(common.inSource(Path.of("target", "site"))); // wrong usage is exit 2
        try (Pipeline pipeline = new Pipeline(cache)) {
            // Check runs every stage a build runs, in memory, and writes nothing.
            Pipeline.CheckResult result = pipeline.check(common.source);
            if (!result.overrides().isEmpty()) {
                // Named always: a broken override is among them, and after an upgrade of the portal
                // these files keep the old theme's version.
                int n = result.overrides().size();
                out.println(n + (n == 1 ? " file replaces" : " files replace") + " the built-in theme's (覆盖内置主题的文件):");
                result.overrides().forEach(name -> out.println("  " + name));
            }
            if (!result.problems().isEmpty()) {
                List<Problem> all = new ArrayList<>(result.problems());
                all.addAll(result.warnings());
                return Reporting.problems(err, all);
            }
            // The calendar's reminder is printed, never counted: it depends on the day, not on the sources.
            Reporting.warnings(err, result.calendar());
            if (!result.warnings().isEmpty()) {
                Reporting.warnings(err, result.warnings());
                int n = result.warnings().size();
                if (strict) {
                    err.println(n + (n == 1 ? " warning" : " warnings") + " found, and --strict counts warnings as problems"
                            + " (严格检查未通过).");
                    err.flush();
                    return Main.PROBLEMS;
                }
                err.println(n + (n == 1 ? " warning" : " warnings") + " found; check --strict would fail on them (有警告).");
                err.flush();
            }
            out.println("No problems found (检查通过).");
            // External links are listed for a person to review, never fetched: the build has no network.
            out.println(result.externalLinks().size() + " external links (外部链接，未访问):");
            result.externalLinks().forEach(link -> out.println("  " + link));
            return Main.OK;
        } catch (RuntimeException e) {
            return Reporting.failure(err, e, common.verbose);
        }
    }
}
