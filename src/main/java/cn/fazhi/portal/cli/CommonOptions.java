package cn.fazhi.portal.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command shares, declared once (picocli mixin). */
final class CommonOptions {

    @Option(names = "--source", paramLabel = "DIR", description = "the portal's source folder (default: the current folder)")
    Path source = Path.of(".");

    @Option(names = "--verbose", description = "show stack traces of unexpected failures (for developers)")
    boolean verbose;

    /** {@code dir} if absolute, else relative to the source folder. */
    Path inSource(Path dir) {
        return dir.isAbsolute() ? dir : source.resolve(dir);
    }
}
