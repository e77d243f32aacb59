package cn.fazhi.portal.cli;

import cn.fazhi.portal.Pipeline;
import cn.fazhi.portal.render.CacheFolders;
import cn.fazhi.portal.serve.Preview;
import cn.fazhi.portal.serve.PreviewAddress;
import cn.fazhi.portal.serve.PreviewFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Builds a preview (drafts included and labelled), serves it on 127.0.0.1 and rebuilds whenever a file"
                + " under content/, data/, templates/ or assets/ changes; open pages then reload by themselves.",
                "The preview is written outside the source folder, by default under $XDG_CACHE_HOME/portal"
                + " (or ~/.cache/portal), one folder per source folder; serve prints where."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--port", paramLabel = "N", description = "port to serve on (default: 8080)")
    int port = 8080;

    @Option(names = "--host", paramLabel = "ADDR",
            description = "IP address to serve on (default: 127.0.0.1, this machine only); 0.0.0.0 serves on every"
                    + " network interface, e.g. to preview on a phone in the same network")
    String host = "127.0.0.1";

    @Option(names = "--output", paramLabel = "DIR",
            description = "preview folder, outside the source folder (default: preview-<digest>/site under"
                    + " $XDG_CACHE_HOME/portal or ~/.cache/portal)")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535");
        }
        InetAddress address = address();
        if (!Files.isDirectory(common.source)) {
            throw new ParameterException(spec.commandLine(), "--source " + common.source + ": there is no such folder (源目录不存在)");
        }
        Path previewFolder = previewFolder();
        Path cache = common.cacheFor(previewFolder); // wrong usage is exit 2, before the first build
        out.printf("Preview files: %s (预览文件)%n", previewFolder);
        out.flush();
        try (Preview preview = start(previewFolder, cache, new InetSocketAddress(address, port), out, err)) {
            out.printf("Serving the preview at %s (Ctrl+C stops); open pages reload after each rebuild (自动刷新).%n",
                    preview.address());
            if (PreviewAddress.reachableFromOthers(preview.host())) {
                List<String> others = PreviewAddress.network(preview.host(), preview.port());
                out.printf("Reachable from other machines on the network, drafts included (其他设备可访问，含草稿): %s%n",
                        others.isEmpty() ? "at this machine's network address, port " + preview.port() : String.join(" ", others));
            }
            out.flush();
            preview.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopped by whoever started it (a test, an embedding program)
        }
        return Main.OK;
    }

    private Preview start(Path folder, Path cache, InetSocketAddress listen, PrintWriter out, PrintWriter err) throws IOException {
        try {
            return new Preview(common.source, folder, cache, listen, outcome -> {
                if (outcome instanceof Pipeline.Result r) {
                    out.printf(Locale.ROOT, "Preview built: %d pages in %d ms.%n", r.pages(), r.millis());
                    Reporting.warnings(err, r.warnings());
                    if (common.verbose) {
                        Reporting.stages(out, r);
                    }
                } else {
                    Reporting.failure(err, (Throwable) outcome, common.verbose);
                    err.println("The preview shows the last good build, if any; open pages show a notice and reload"
                            + " once a rebuild succeeds.");
                }
                out.flush();
            }, quick -> {
                out.printf(Locale.ROOT, "Preview updated %s in %d ms; rebuilding the whole site.%n", quick.page(), quick.millis());
                out.flush();
            });
        } catch (BindException e) {
            throw new ParameterException(spec.commandLine(), "--port " + port + ": cannot serve on " + host + " port " + port
                    + " (" + e.getMessage() + "): another program, perhaps another serve, uses it;"
                    + " choose another with --port N (端口不可用)");
        }
    }

    /** The --host address, which must be an IP address of this machine (or the wildcard address). */
    private InetAddress address() {
        InetAddress address;
        try {
            address = PreviewAddress.parse(host);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--host " + host + ": " + e.getMessage()
                    + "; give an address of this machine, e.g. 127.0.0.1 (the default: this machine only)"
                    + " or 0.0.0.0 (every network interface) (监听地址无效)");
        }
        if (!address.isAnyLocalAddress() && !address.isLoopbackAddress() && !onThisMachine(address)) {
            throw new ParameterException(spec.commandLine(), "--host " + host
                    + ": no network interface of this machine has this address; give one of its addresses,"
                    + " or 0.0.0.0 for every network interface (监听地址无效)");
        }
        return address;
    }

    private static boolean onThisMachine(InetAddress address) {
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /**
     * The preview folder: --output, or the default beside the caches. Never inside the source
     * folder (serve replaces it at every rebuild, and a commit could pick it up), nor holding it.
     */
    private Path previewFolder() {
        Path folder = output == null
                ? PreviewFolder.forSource(common.source, System.getenv(), Path.of(System.getProperty("user.home")))
                : output.toAbsolutePath().normalize();
        String named = output == null ? "the default preview folder " + folder : "--output " + output;
        if (CacheFolders.inside(folder, common.source)) {
            throw new ParameterException(spec.commandLine(), named + ": the preview must lie outside the source folder,"
                    + " since serve replaces the preview folder at every rebuild; choose another with --output DIR"
                    + " (预览目录不能在源目录内)");
        }
        if (CacheFolders.inside(common.source, folder)) {
            throw new ParameterException(spec.commandLine(), named + ": the preview folder must not hold the source folder,"
                    + " since serve replaces the preview folder at every rebuild; choose another with --output DIR"
                    + " (预览目录不能包含源目录)");
        }
        return folder;
    }
}
