package cn.fazhi.portal.cli;

import cn.fazhi.portal.Pipeline;
import cn.fazhi.portal.render.FileTrees;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks content, data and templates as a build would, including every link; publishes nothing.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "DIR", description = "the portal's source folder (default: the current folder)")
    Path source = Path.of(".");

    @Option(names = "--verbose", description = "show stack traces of unexpected failures (for developers)")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path scratch = null;
        try (Pipeline pipeline = new Pipeline(Pipeline.defaultCache(source.resolve("target").resolve("site")))) {
            scratch = Files.createTempDirectory("portal-check");
            Pipeline.CheckResult result = pipeline.check(source, scratch);
            if (!result.problems().isEmpty()) {
                return Reporting.problems(err, result.problems());
            }
            out.println("No problems found (检查通过).");
            // External links are listed for a person to review, never fetched: the build has no network.
            out.println(result.externalLinks().size() + " external links (外部链接，未访问):");
            result.externalLinks().forEach(link -> out.println("  " + link));
            return Main.OK;
        } catch (IOException | RuntimeException e) {
            return Reporting.failure(err, e, verbose);
        } finally {
            if (scratch != null) {
                try {
                    FileTrees.deleteRecursively(scratch);
                } catch (IOException ignored) {
                    // a temp folder left behind is harmless
                }
            }
        }
    }
}
