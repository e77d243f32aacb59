package cn.fazhi.portal.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The built-in theme: the templates, assets and standard pages ({@code content/pages/}) that ship
 * inside portal.jar under {@code theme/}, copied there by {@code mvn package} from this repository's
 * {@code templates/}, {@code assets/} and {@code content/pages/}. A portal's source then needs only
 * {@code content/} and {@code data/}: a file of the same path in the source overrides the built-in
 * one (Hugo's lookup order: the site's own files before its theme's), and a theme piece can never
 * be missing.
 *
 * <p>The theme is part of the tool, not of the commit being built: it is trusted as the code is,
 * and a new tool version brings its own (the build stamp already keys on the jar).
 */
public final class Theme {

    /** Where the theme lies inside the jar (or the classes folder the tests run from). */
    private static final String ROOT = "theme/";

    /** The built-in files by name as in a source ({@code templates/layout.ftl}), sorted. */
    private final Map<String, byte[]> files;

    private Theme(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** A theme of the given files (name as in a source → bytes): tests, and a theme read from elsewhere. */
    public static Theme of(Map<String, byte[]> files) {
        return new Theme(files);
    }

    /**
     * The theme built into the running portal.
     *
     * @throws IllegalStateException when it cannot be read: the jar is damaged, a fault of the tool
     */
    public static Theme builtIn() {
        Path code;
        try {
            code = Path.of(Theme.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot find the portal's own files to read its built-in theme", e);
        }
        try {
            Map<String, byte[]> files = Files.isDirectory(code) ? fromFolder(code.resolve(ROOT)) : fromJar(code);
            if (files.isEmpty()) {
                throw new IllegalStateException("the built-in theme is missing from " + code + "; download portal.jar again");
            }
            return new Theme(files);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("cannot read the built-in theme from " + code + ": " + e.getMessage()
                    + "; download portal.jar again", e);
        }
    }

    private static Map<String, byte[]> fromFolder(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        return files;
    }

    private static Map<String, byte[]> fromJar(Path jar) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (JarFile zip = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = zip.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (entry.getName().startsWith(ROOT) && !entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        files.put(entry.getName().substring(ROOT.length()), in.readAllBytes());
                    }
                }
            }
        }
        return files;
    }

    /** The built-in files under {@code folder} ({@code "assets"}, {@code "content/pages"}), by name. */
    public List<ThemeFile> in(String folder) {
        String prefix = folder + "/";
        List<ThemeFile> found = new ArrayList<>();
        files.forEach((name, bytes) -> {
            if (name.startsWith(prefix)) {
                found.add(new ThemeFile(name, bytes));
            }
        });
        return found;
    }

    /** The built-in file of that name ({@code templates/layout.ftl}), if the theme has one. */
    public Optional<ThemeFile> file(String name) {
        byte[] bytes = files.get(name);
        return bytes == null ? Optional.empty() : Optional.of(new ThemeFile(name, bytes));
    }

    /**
     * Whether {@code file}, named {@code name} in the source ({@code templates/layout.ftl}), replaces
     * a built-in file by one that differs from it: {@code check} lists these, since a new version of
     * the portal brings a new theme, and a source's own copy then keeps the old one.
     */
    public boolean overriddenBy(String name, Path file) {
        byte[] builtIn = files.get(name);
        try {
            return builtIn != null && (Files.size(file) != builtIn.length || !java.util.Arrays.equals(builtIn, Files.readAllBytes(file)));
        } catch (IOException e) {
            return false; // unreadable: the build itself reports it
        }
    }

    /** How messages name a built-in file, which is not in the editor's folder. */
    public static String shown(String name) {
        return name + " (built-in theme, 内置主题)";
    }

    /** One file of the theme: its name as in a source, and its bytes. */
    public record ThemeFile(String name, byte[] bytes) {

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
