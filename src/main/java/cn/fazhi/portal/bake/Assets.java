package cn.fazhi.portal.bake;

import cn.fazhi.portal.load.SourceScan;
import cn.fazhi.portal.output.OutputFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The theme's files ({@code assets/}: style sheets, scripts, images, fonts), as the site publishes
 * them: {@code assets/css/site.css} becomes {@code css/site.css}. Read from the files the build's
 * scan found, which already refused links and kinds of file a site must not publish.
 */
public final class Assets {

    private static final String FOLDER = "assets";

    private Assets() {
    }

    /** The asset files among {@code scanned}, in the scan's order. */
    public static List<OutputFile> of(List<SourceScan.Entry> scanned) {
        List<OutputFile> files = new ArrayList<>();
        for (SourceScan.Entry e : scanned) {
            if (e.folder().equals(FOLDER)) {
                try {
                    files.add(new OutputFile(e.name().substring(FOLDER.length() + 1), Files.readAllBytes(e.path())));
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            }
        }
        return files;
    }
}
