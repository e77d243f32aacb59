package cn.fazhi.portal.artifact;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jar that {@code mvn package} made, read as a security review's scanner reads it: none of the
 * denied libraries is inside. Runs in {@code mvn verify}, after the jar exists (failsafe).
 */
class LibraryGuardIT {

    static ShippedLibraries jar;

    @BeforeAll
    static void read() throws IOException {
        Path path = Path.of(System.getProperty("portal.jar", "target/portal.jar"));
        assertTrue(Files.isRegularFile(path), path + " exists: run mvn package first");
        jar = ShippedLibraries.of(path);
        System.out.println("Libraries in " + path + ":\n  " + String.join("\n  ", jar.maven().stream().map(Object::toString).toList()));
    }

    @Test
    void noDeniedLibraryIsShipped() {
        assertEquals(java.util.List.of(), LibraryDenyList.violations(jar));
    }

    /** The guard reads what it checks: a jar it cannot read would pass every rule. */
    @Test
    void theGuardSeesJRubyItsRexmlAndTheLibrariesThePortalUses() {
        assertTrue(jar.maven("org.jruby:jruby-base").isPresent(), "JRuby's version is readable");
        assertTrue(jar.gem("rexml").isPresent(), "rexml's gemspec is found");
        assertTrue(jar.maven("org.jsoup:jsoup").isPresent());
        assertTrue(jar.maven("com.fasterxml.jackson.core:jackson-databind").isPresent());
        assertTrue(jar.hasPackage("org/jbake/app/"), "JBake, the render layer, is shipped");
        assertTrue(jar.hasPackage("org/asciidoctor/jruby/"), "AsciidoctorJ is shipped");
        assertFalse(jar.hasPackage("com/orientechnologies/"));
    }
}
