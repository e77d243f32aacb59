package cn.fazhi.portal.cli;

import cn.fazhi.portal.render.CacheFolders;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;

/** The options every command shares, declared once (picocli mixin). */
final class CommonOptions {

    @Option(names = "--source", paramLabel = "DIR", description = "the portal's source folder (default: the current folder)")
    Path source = Path.of(".");

    @Option(names = "--verbose", description = "show stack traces of unexpected failures (for developers)")
    boolean verbose;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "where converted sections are kept between builds, outside the source folder"
                    + " (default: a folder per output under $XDG_CACHE_HOME/portal or ~/.cache/portal)")
    Path cache;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /**
     * The cache folder for a build into {@code output}: the one given with {@code --cache}, which
     * must lie outside the source folder (a commit could plant files there), or the default.
     */
    Path cacheFor(Path output) {
        if (cache == null) {
            return CacheFolders.forOutput(output, System.getenv(), Path.of(System.getProperty("user.home")));
        }
        if (CacheFolders.inside(cache, source)) {
            throw new ParameterException(spec.commandLine(), "--cache " + cache
                    + ": the cache must lie outside the source folder, where a commit cannot put files (缓存目录不能在源目录内)");
        }
        return cache.toAbsolutePath().normalize();
    }

    /** {@code dir} if absolute, else relative to the source folder. */
    Path inSource(Path dir) {
        return dir.isAbsolute() ? dir : source.resolve(dir);
    }
}
