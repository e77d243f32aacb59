package cn.fazhi.portal.bake;

import cn.fazhi.portal.load.SourceScan;
import cn.fazhi.portal.output.OutputFile;
import cn.fazhi.portal.theme.Theme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The theme's files ({@code assets/}: style sheets, scripts, images, fonts), as the site publishes
 * them: {@code assets/css/site.css} becomes {@code css/site.css}. The built-in theme's assets, each
 * replaced by the source's file of the same path; the source's are read from the files the build's
 * scan found, which already refused links and kinds of file a site must not publish.
 */
public final class Assets {

    private static final String FOLDER = "assets";

    private Assets() {
    }

    /** The built-in assets of {@code theme}, overridden and added to by the asset files among {@code scanned}, by path. */
    public static List<OutputFile> of(List<SourceScan.Entry> scanned, Theme theme) {
        Map<String, byte[]> files = new TreeMap<>();
        theme.in(FOLDER).forEach(f -> files.put(f.name(), f.bytes()));
        for (SourceScan.Entry e : scanned) {
            if (e.folder().equals(FOLDER)) {
                try {
                    files.put(e.name(), Files.readAllBytes(e.path()));
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            }
        }
        return files.entrySet().stream()
                .map(f -> new OutputFile(f.getKey().substring(FOLDER.length() + 1), f.getValue())).toList();
    }
}
