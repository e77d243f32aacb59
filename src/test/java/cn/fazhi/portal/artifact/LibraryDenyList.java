package cn.fazhi.portal.artifact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Libraries a government security review would reject in {@code portal.jar}: code the portal never
 * runs that carries known vulnerabilities, or versions with published CVEs (issue "Ship only what
 * runs"; README, "Dependencies").
 */
final class LibraryDenyList {

    private LibraryDenyList() {
    }

    /** Why each denied library in {@code jar} is denied; empty when the jar is clean. */
    static List<String> violations(ShippedLibraries jar) {
        List<String> found = new ArrayList<>();
        if (jar.hasPackage("com/orientechnologies/") || jar.maven("com.orientechnologies:orientdb-core").isPresent()) {
            found.add("OrientDB is bundled: JBake's content store, which the portal never starts");
        }
        if (jar.hasPackage("net/jpountz/lz4/")) {
            Optional<ShippedLibraries.Library> lz4 = jar.maven("org.lz4:lz4-java").or(() -> jar.maven("at.yawk.lz4:lz4-java"));
            if (lz4.isEmpty() || older(lz4.get().version(), "1.8.1")) {
                found.add("lz4-java older than 1.8.1 is bundled (" + lz4.map(Object::toString).orElse("version unknown")
                        + "): CVE-2025-12183, CVE-2025-66566");
            }
        }
        if (jar.hasPackage("org/apache/commons/lang/") || jar.maven("commons-lang:commons-lang").isPresent()) {
            found.add("commons-lang 2.x is bundled: CVE-2025-48924, with no 2.x fix");
        }
        if (jar.hasPackage("org/json/simple/") || jar.maven("com.googlecode.json-simple:json-simple").isPresent()) {
            found.add("json-simple is bundled: unmaintained since 2012");
        }
        if (jar.maven("commons-logging:commons-logging").isPresent() && jar.maven("org.slf4j:jcl-over-slf4j").isPresent()) {
            found.add("org.apache.commons.logging is bundled twice (commons-logging and jcl-over-slf4j): class-path order picks the winner");
        }
        jar.gem("rexml").filter(r -> older(r.version(), "3.3.9"))
                .ifPresent(r -> found.add("rexml " + r.version() + " is bundled: older than 3.3.9, with CVEs of 2024"));
        Optional<ShippedLibraries.Library> jruby = jar.maven("org.jruby:jruby-base").or(() -> jar.maven("org.jruby:jruby-complete"));
        if (jar.hasPackage("org/jruby/") && jruby.isEmpty()) {
            found.add("JRuby is bundled but its version cannot be read (no pom.properties of org.jruby:jruby-base)");
        }
        jruby.filter(j -> older(j.version(), "9.4.12.1"))
                .ifPresent(j -> found.add("JRuby " + j.version() + " is bundled: older than 9.4.12.1 (CVE-2025-46551 in jruby-openssl)"));
        return found;
    }

    /** Whether dotted version {@code a} is older than {@code b}, numerically part by part (3.10 is newer than 3.9). */
    static boolean older(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? number(x[i]) : 0;
            long q = i < y.length ? number(y[i]) : 0;
            if (p != q) {
                return p < q;
            }
        }
        return false;
    }

    private static long number(String part) {
        String digits = part.replaceAll("\\D.*$", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }
}
