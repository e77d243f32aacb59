package cn.fazhi.portal.cli;

import cn.fazhi.portal.init.ToolRelease;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Optional;

/**
 * The command line: {@code build}, {@code serve}, {@code check} and {@code init}. Exit codes are a contract
 * others depend on: 0 success, 1 problems in content/data/templates, 2 wrong usage.
 */
@Command(name = "portal", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Builds the transparency-report portal from content/ (AsciiDoc) and data/ (YAML) with the built-in theme,"
                + " which files of the same path in the source's templates/, assets/ and content/pages/ override;"
                + " init makes a new portal's source.",
        subcommands = {BuildCommand.class, ServeCommand.class, CheckCommand.class, InitCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // A one-off build runs in a child JVM with the JIT's first tier only (see FirstTierJit).
        Optional<Integer> child = FirstTierJit.childCommand(args).flatMap(FirstTierJit::run);
        System.exit(child.isPresent() ? child.get() : run(args));
    }

    /** Runs the CLI in-process and returns the exit code (used by tests too). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CommandLine.ParameterException usage) {
                return cli.getParameterExceptionHandler().handleParseException(usage, args);
            }
            cmd.getErr().println("error: " + e.getMessage());
            cmd.getErr().println("This is a fault in the portal itself, not in your files; run with --verbose and report it.");
            return PROBLEMS;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: build, serve, check or init");
    }

    /**
     * The version the jar was built as, from tool.properties (Maven fills it in; the shaded jar's
     * manifest does not carry it). A portal's workflow compares it with the version it downloaded.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"portal " + ToolRelease.current().version()};
        }
    }
}
