package cn.fazhi.portal.cli;

import cn.fazhi.portal.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds the published site (drafts left out). The output is replaced only when the build succeeds.")
final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--output", paramLabel = "DIR", description = "where to write the site (default: target/site)")
    Path output = Path.of("target", "site");

    @Option(names = "--base-url", paramLabel = "URL",
            description = "absolute URL the site will be served from, e.g. https://example.gov.cn/fzzf/ (overrides data/site.yaml)")
    String baseUrl;


    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path resolvedOutput = common.inSource(output);
        Path cache = common.cacheFor(resolvedOutput); // wrong usage is exit 2, before the build
        try (Pipeline pipeline = new Pipeline(cache)) {
            Pipeline.Result r = pipeline.build(new Pipeline.Options(common.source, resolvedOutput, false, baseUrl));
            if (!r.warnings().isEmpty()) {
                Reporting.warnings(err, r.warnings());
                int n = r.warnings().size();
                err.println(n + (n == 1 ? " warning" : " warnings") + "; the site is built all the same (有警告，已构建).");
            }
            if (r.upToDate()) {
                out.printf(Locale.ROOT, "Up to date: %s already holds this build of %d pages; nothing changed since it was made"
                        + " (checked in %.1f s).%n", resolvedOutput.toAbsolutePath().normalize(), r.pages(), r.millis() / 1000.0);
            } else {
                out.printf(Locale.ROOT, "Built %d pages into %s in %.1f s (%d external links, not fetched; check lists them).%n",
                        r.pages(), resolvedOutput.toAbsolutePath().normalize(), r.millis() / 1000.0, r.externalLinks());
            }
            // A warning is no failure: the site is built, and the editor is told what it lacks.
            r.warnings().forEach(w -> err.println(w.format().replaceFirst(": error: ", ": warning: ")));
            if (common.verbose) {
                Reporting.stages(out, r);
                if (!r.upToDate()) {
                    out.printf(Locale.ROOT, "  pages laid out anew: %d (the others kept as the last build published them)%n",
                            r.remade().size());
                }
            }
            return Main.OK;
        } catch (RuntimeException e) {
            return Reporting.failure(err, e, common.verbose);
        }
    }
}
