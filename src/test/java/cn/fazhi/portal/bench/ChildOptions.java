package cn.fazhi.portal.bench;

import cn.fazhi.portal.cli.FirstTierJit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints, on one line, the JVM options a plain {@code java -jar JAR build} runs its build with
 * ({@link FirstTierJit#options}, the class-data archive beside the jar included) and the jar
 * manifest's Add-Opens, so a bench script can start a class of its own like that build.
 *
 * <pre>java -cp target/portal.jar:target/test-classes cn.fazhi.portal.bench.ChildOptions target/portal.jar</pre>
 */
public final class ChildOptions {

    private ChildOptions() {
    }

    public static void main(String[] args) {
        Path jar = Path.of(args[0]).toAbsolutePath().normalize();
        List<String> options = new ArrayList<>(FirstTierJit.options(List.of(), System.getenv(), FirstTierJit.archiveBeside(jar)));
        options.addAll(List.of("--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.base/java.io=ALL-UNNAMED"));
        System.out.println(String.join(" ", options));
    }
}
