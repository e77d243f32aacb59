package cn.fazhi.portal.bake;

import cn.fazhi.portal.load.SourceScan;
import cn.fazhi.portal.output.OutputFile;
import cn.fazhi.portal.render.ContentKey;
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
 *
 * <p>Each is linked from the pages at an address that names its version ({@link #addresses}):
 * static hosts and browsers keep a script or style sheet for minutes to days, and a page of a new
 * release run with the script of the last one can break (the search page shows neither its form
 * nor its message for readers without JavaScript). A new version is a new address, so a browser
 * fetches it with the page that needs it; an unchanged file keeps its address and stays cached.
 */
public final class Assets {

    private static final String FOLDER = "assets";
    /** Hex digits of the SHA-256 in an address: enough that two versions of one file never share one. */
    private static final int VERSION_DIGITS = 10;

    private final List<OutputFile> files;
    private final Map<String, String> addresses;

    private Assets(List<OutputFile> files) {
        this.files = List.copyOf(files);
        Map<String, String> versioned = new TreeMap<>();
        for (OutputFile f : files) {
            versioned.put(f.path(), f.path() + "?v=" + ContentKey.of(f.bytes()).substring(0, VERSION_DIGITS));
        }
        this.addresses = java.util.Collections.unmodifiableMap(versioned);
    }

    /** The built-in assets of {@code theme}, overridden and added to by the asset files among {@code scanned}, by path. */
    public static Assets of(List<SourceScan.Entry> scanned, Theme theme) {
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
        return new Assets(files.entrySet().stream()
                .map(f -> new OutputFile(f.getKey().substring(FOLDER.length() + 1), f.getValue())).toList());
    }

    /** The files, at their paths in the site ({@code css/site.css}). */
    public List<OutputFile> files() {
        return files;
    }

    /**
     * Each file's address relative to the site's root, with its version: {@code css/site.css} to
     * {@code css/site.css?v=} and the first {@value #VERSION_DIGITS} hex digits of the SHA-256 of its bytes.
     */
    public Map<String, String> addresses() {
        return addresses;
    }
}
