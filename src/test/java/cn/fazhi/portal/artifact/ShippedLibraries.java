package cn.fazhi.portal.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * The libraries inside a shaded jar, found the way a security scanner finds them: Maven's
 * {@code META-INF/maven/<group>/<artifact>/pom.properties}, the Ruby gems' {@code .gemspec} files
 * that JRuby carries, jars nested in JRuby's standard library ({@code …/<artifact>/<version>/x.jar}),
 * and the packages of libraries that ship no Maven metadata.
 *
 * @param maven Maven libraries as {@code group:artifact version}
 * @param gems Ruby gems as {@code name version}
 * @param packages the folders of the jar's classes ({@code com/orientechnologies/orient/core/})
 */
record ShippedLibraries(List<Library> maven, List<Library> gems, TreeSet<String> packages) {

    /** One library and its version as the jar states it. */
    record Library(String name, String version) {
        @Override
        public String toString() {
            return name + " " + version;
        }
    }

    private static final Pattern POM = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");
    private static final Pattern GEMSPEC = Pattern.compile("(?:.*/)?specifications/(?:default/)?(.+?)-(\\d[\\w.]*?)(?:-java)?\\.gemspec");
    private static final Pattern NESTED = Pattern.compile(".*/stdlib/(.+)/([^/]+)/(\\d[\\w.]*)/\\2-\\3\\.jar");

    static ShippedLibraries of(Path jar) throws IOException {
        List<Library> maven = new ArrayList<>();
        List<Library> gems = new ArrayList<>();
        TreeSet<String> packages = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                Matcher pom = POM.matcher(name);
                Matcher gem = GEMSPEC.matcher(name);
                Matcher nested = NESTED.matcher(name);
                if (pom.matches()) {
                    maven.add(new Library(pom.group(1) + ":" + pom.group(2), version(file, entry)));
                } else if (gem.matches()) {
                    gems.add(new Library(gem.group(1), gem.group(2)));
                } else if (nested.matches()) {
                    maven.add(new Library(nested.group(1).replace('/', '.') + ":" + nested.group(2), nested.group(3)));
                } else if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                    packages.add(name.substring(0, name.lastIndexOf('/') + 1));
                }
            }
        }
        maven.sort(java.util.Comparator.comparing(Library::name));
        gems.sort(java.util.Comparator.comparing(Library::name));
        return new ShippedLibraries(maven, gems, packages);
    }

    private static String version(JarFile file, ZipEntry entry) throws IOException {
        Properties p = new Properties();
        try (InputStream in = file.getInputStream(entry)) {
            p.load(in);
        }
        return p.getProperty("version", "?");
    }

    Optional<Library> maven(String groupAndArtifact) {
        return maven.stream().filter(l -> l.name().equals(groupAndArtifact)).findFirst();
    }

    Optional<Library> gem(String name) {
        return gems.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    boolean hasPackage(String prefix) {
        String ceiling = packages.ceiling(prefix);
        return ceiling != null && ceiling.startsWith(prefix);
    }
}
