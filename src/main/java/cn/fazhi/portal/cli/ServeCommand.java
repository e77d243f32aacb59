package cn.fazhi.portal.cli;

import cn.fazhi.portal.Pipeline;
import cn.fazhi.portal.serve.Preview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Builds a preview (drafts included and labelled) into target/preview, serves it on 127.0.0.1 "
                + "and rebuilds whenever a file under content/, data/, templates/ or assets/ changes.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--port", paramLabel = "N", description = "port on 127.0.0.1 (default: 8080)")
    int port = 8080;

    @Option(names = "--output", paramLabel = "DIR", description = "preview folder (default: target/preview)")
    Path output = Path.of("target", "preview");


    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535");
        }
        Path resolvedOutput = common.inSource(output);
        Path cache = common.cacheFor(resolvedOutput); // wrong usage is exit 2, before the first build
        try (Preview preview = new Preview(common.source, resolvedOutput, cache, port, outcome -> {
            if (outcome instanceof Pipeline.Result r) {
                out.printf(Locale.ROOT, "Preview built: %d pages in %d ms.%n", r.pages(), r.millis());
                if (common.verbose) {
                    Reporting.stages(out, r);
                }
            } else {
                Reporting.failure(err, (Throwable) outcome, common.verbose);
                err.println("The preview shows the last good build, if any.");
            }
            out.flush();
        }, quick -> {
            out.printf(Locale.ROOT, "Preview updated %s in %d ms; rebuilding the whole site.%n", quick.page(), quick.millis());
            out.flush();
        })) {
            out.printf("Serving the preview at http://127.0.0.1:%d/ (Ctrl+C stops).%n", preview.port());
            out.flush();
            preview.join();
        }
        return Main.OK;
    }
}
