package cn.fazhi.portal.testsupport;

import cn.fazhi.portal.output.OutputCatalog;
import cn.fazhi.portal.output.OutputFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Output catalogs for tests of the stages that read one: a published site read back, or pages written here. */
public final class Catalogs {

    private Catalogs() {
    }

    /** Every file under {@code site}, as the output catalog held it before it was published. */
    public static OutputCatalog read(Path site) {
        List<OutputFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.add(new OutputFile(site.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(files);
    }

    /** A catalog of text files given as path, text, path, text… */
    public static OutputCatalog of(String... pathThenText) {
        List<OutputFile> files = new ArrayList<>();
        for (int i = 0; i < pathThenText.length; i += 2) {
            files.add(OutputFile.text(pathThenText[i], pathThenText[i + 1]));
        }
        return of(files);
    }

    private static OutputCatalog of(List<OutputFile> files) {
        OutputCatalog catalog = new OutputCatalog();
        catalog.add(files);
        return catalog;
    }
}
