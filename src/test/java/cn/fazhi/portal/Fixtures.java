package cn.fazhi.portal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Source trees for tests: the real repository, or a fictional fixture built with the built-in theme. */
public final class Fixtures {

    /** The repository root (Maven runs tests there). */
    public static final Path REPO = Path.of("").toAbsolutePath();

    private Fixtures() {
    }

    /**
     * Copies {@code src/test/resources/fixtures/<name>} into {@code dir}: content/ and data/ only,
     * as a portal of another body holds them; templates, assets and the site pages (the
     * accessibility statement…) come from the theme built into the portal, so fixtures test what ships.
     */
    public static Path sourceTree(String name, Path dir) {
        copyTree(REPO.resolve("src/test/resources/fixtures").resolve(name), dir);
        return dir;
    }

    /**
     * {@link #sourceTree} with a copy of this repository's templates/, assets/ and content/pages/
     * in the source: a portal that overrides the whole built-in theme (with the same files), for
     * tests that damage a template or add files beside the theme's.
     */
    public static Path sourceTreeWithOwnTheme(String name, Path dir) {
        sourceTree(name, dir);
        copyTree(REPO.resolve("content/pages"), dir.resolve("content/pages"));
        copyTree(REPO.resolve("templates"), dir.resolve("templates"));
        copyTree(REPO.resolve("assets"), dir.resolve("assets"));
        return dir;
    }

    /** Every file below {@code root}, by relative path, with its text (UTF-8). */
    public static java.util.Map<String, String> texts(Path root) {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** A full copy of the real sources (content, data, templates, assets) to damage or edit. */
    public static Path realSourceCopy(Path dir) {
        for (String part : new String[] {"content", "data", "templates", "assets"}) {
            copyTree(REPO.resolve(part), dir.resolve(part));
        }
        return dir;
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path dir) {
        try {
            cn.fazhi.portal.render.FileTrees.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Document html(Path file) {
        try {
            return Jsoup.parse(file.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collapses all white space, so text comparisons ignore line breaks and indentation. */
    public static String normalize(String s) {
        return s.replaceAll("\\s+", "");
    }
}
