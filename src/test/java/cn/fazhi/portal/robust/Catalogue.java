package cn.fazhi.portal.robust;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.cli.Cli;
import cn.fazhi.portal.testsupport.BuiltSites;
import cn.fazhi.portal.testsupport.SiteTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared run of a catalogue of bad inputs (an editor's mistakes, a hostile commit): the real
 * command line builds a damaged copy of the fictional fixture over a copy of the last good site,
 * and must refuse with exit 1 and a message naming file, line, what is wrong and a hint, print no
 * stack trace, and leave the last good site byte-identical; {@code check} reports the same.
 */
final class Catalogue {

    /** A damage done to a fresh copy of the fixture. */
    interface Damage {
        void apply(Path src) throws IOException;
    }

    /** The last good site: read only, each damaged build runs over a copy of it. */
    record GoodSite(Path output, SortedMap<String, String> checksums) {
    }

    private Catalogue() {
    }

    /**
     * The fixture as {@code build --source <fixture> --output <dir>} makes it: the build shared by
     * every catalogue ({@link BuiltSites#twoYears()}, once per test JVM).
     */
    static GoodSite goodSite() {
        return new GoodSite(BuiltSites.twoYears(), BuiltSites.twoYearsChecksums());
    }

    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " contains " + from);
        Files.writeString(file, text.replace(from, to));
    }

    /**
     * Damages a fresh copy of the fixture, builds it over a copy of {@code good}, and checks the
     * refusal; returns the build's standard error for further checks.
     */
    static String expectRefused(Path tmp, GoodSite good, String name, Damage damage, String where, String what, String hint)
            throws IOException {
        String dir = name.replaceAll("[^A-Za-z0-9]+", "-");
        Path src = Fixtures.sourceTreeWithOwnTheme("two-years", tmp.resolve(dir + "-src"));
        damage.apply(src);
        Path out = tmp.resolve(dir + "-site");
        Fixtures.copyTree(good.output(), out);

        Cli.Run build = Cli.run("build", "--source", src.toString(), "--output", out.toString());
        assertEquals(1, build.exit(), build.out() + build.err());
        String message = build.err().lines().filter(l -> l.startsWith(where)).findFirst().orElse("");
        assertFalse(message.isEmpty(), "a message starting with " + where + ":\n" + build.err());
        assertTrue(message.contains(": error: ") && message.contains(what), message);
        assertTrue(build.err().contains("hint: ") && build.err().contains(hint), build.err());
        assertFalse(build.err().contains("Exception") || build.err().contains("\tat "), "no stack trace:\n" + build.err());
        assertTrue(build.err().strip().endsWith("nothing was published (发现问题，未发布)."), build.err());
        assertEquals(good.checksums(), SiteTrees.checksums(out), "the last good site is byte-identical");

        Cli.Run check = Cli.run("check", "--source", src.toString());
        assertEquals(1, check.exit());
        assertTrue(check.err().contains(message), "check reports the same problem:\n" + check.err());
        return build.err();
    }
}
