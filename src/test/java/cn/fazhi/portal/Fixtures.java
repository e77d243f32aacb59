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

    /**
     * Every file below {@code root}, by relative path, with its text (UTF-8); a file that is not
     * UTF-8 text (favicon.ico) as its size and SHA-256, so two trees still compare byte for byte.
     */
    public static java.util.Map<String, String> texts(Path root) {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(p);
                String text;
                try {
                    text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                            .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                } catch (java.nio.charset.CharacterCodingException binary) {
                    text = "binary file, " + bytes.length + " bytes, SHA-256 " + java.util.HexFormat.of().formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
                }
                files.put(root.relativize(p).toString().replace('\\', '/'), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java has SHA-256
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

    /** The file's bytes as ISO-8859-1 text: an ASCII string is found in it whether the file is text or binary. */
    public static String bytesAsText(Path file) {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text of {@code element} as the page shows it: without what is visually hidden (the
     * indicator's name in a figure link, which only screen readers get).
     */
    public static String shownText(org.jsoup.nodes.Element element) {
        org.jsoup.nodes.Element copy = element.clone();
        copy.select(".visually-hidden").remove();
        return copy.text();
    }

    /** Collapses all white space, so text comparisons ignore line breaks and indentation. */
    public static String normalize(String s) {
        return s.replaceAll("\\s+", "");
    }
}
