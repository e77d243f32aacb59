package cn.fazhi.portal.artifact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deny-list of LibraryGuardIT on small jars made here, laid out as the shade plugin lays them out. */
class LibraryDenyListTest {

    @TempDir
    Path dir;

    private Path jar(Map<String, String> entries) throws IOException {
        Path jar = dir.resolve("t.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String pom(String version) {
        return "artifactId=x\ngroupId=y\nversion=" + version + "\n";
    }

    @Test
    void theLibrariesOfJBake270AndAsciidoctorJ2513AreEachDenied() throws IOException {
        ShippedLibraries old = ShippedLibraries.of(jar(Map.of(
                "com/orientechnologies/orient/core/Orient.class", "",
                "META-INF/maven/com.orientechnologies/orientdb-core/pom.properties", pom("3.1.20"),
                "net/jpountz/lz4/LZ4Factory.class", "",
                "org/apache/commons/lang/StringUtils.class", "",
                "org/json/simple/JSONObject.class", "",
                "META-INF/maven/commons-logging/commons-logging/pom.properties", pom("1.3.5"),
                "META-INF/maven/org.slf4j/jcl-over-slf4j/pom.properties", pom("2.0.20"),
                "META-INF/jruby.home/lib/ruby/gems/shared/specifications/default/rexml-3.2.5.gemspec", "",
                "org/jruby/Ruby.class", "",
                "META-INF/maven/org.jruby/jruby-base/pom.properties", pom("9.4.7.0"))));
        List<String> found = LibraryDenyList.violations(old);
        assertEquals(7, found.size(), String.join("\n", found));
        for (String word : List.of("OrientDB", "lz4-java", "commons-lang 2", "json-simple", "twice", "rexml 3.2.5", "JRuby 9.4.7.0")) {
            assertTrue(found.stream().anyMatch(f -> f.contains(word)), word + " in " + found);
        }
    }

    @Test
    void currentVersionsPass() throws IOException {
        ShippedLibraries current = ShippedLibraries.of(jar(Map.of(
                "net/jpountz/lz4/LZ4Factory.class", "",
                "META-INF/maven/org.lz4/lz4-java/pom.properties", pom("1.8.1"),
                "META-INF/maven/org.slf4j/jcl-over-slf4j/pom.properties", pom("2.0.20"),
                "META-INF/jruby.home/lib/ruby/gems/shared/specifications/rexml-3.4.4.gemspec", "",
                "META-INF/jruby.home/lib/ruby/stdlib/org/bouncycastle/bcprov-jdk18on/1.84/bcprov-jdk18on-1.84.jar", "",
                "org/jruby/Ruby.class", "",
                "META-INF/maven/org.jruby/jruby-base/pom.properties", pom("9.4.12.1"))));
        assertEquals(List.of(), LibraryDenyList.violations(current));
        assertEquals("org.bouncycastle:bcprov-jdk18on 1.84", current.maven("org.bouncycastle:bcprov-jdk18on").orElseThrow().toString());
    }

    @Test
    void jrubyWithoutAReadableVersionIsDenied() throws IOException {
        ShippedLibraries unknown = ShippedLibraries.of(jar(Map.of("org/jruby/Ruby.class", "")));
        assertEquals(1, LibraryDenyList.violations(unknown).size());
    }

    @Test
    void versionsCompareNumericallyPartByPart() {
        assertTrue(LibraryDenyList.older("9.4.12.0", "9.4.12.1"));
        assertTrue(LibraryDenyList.older("3.3.8", "3.3.9"));
        assertFalse(LibraryDenyList.older("3.3.10", "3.3.9"));
        assertFalse(LibraryDenyList.older("9.4.12.1", "9.4.12.1"));
        assertFalse(LibraryDenyList.older("10.0.0.0", "9.4.12.1"));
        assertTrue(LibraryDenyList.older("1.4.0", "1.8.1"));
    }
}
