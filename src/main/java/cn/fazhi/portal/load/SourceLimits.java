package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much a build reads, from the {@code limits:} block of data/site.yaml; a field left out takes
 * its default. A commit is not trusted: without limits one large file takes the build's memory
 * (a 50 MB section took 4 GB). Checked on the sizes {@link SourceScan} found, before any file is read.
 *
 * @param textFileMib largest text file in content/, data/ and templates/, in MiB (default 2)
 * @param assetFileMib largest file in assets/, in MiB (default 10)
 * @param buildMib all files of the four folders together, in MiB (default 200)
 * @param buildFiles number of files in the four folders together (default 20 000)
 * @param conversionSeconds how long converting one AsciiDoc file may take, in seconds (default 60);
 *                          checked while converting ({@code render.Deadline})
 */
public record SourceLimits(Long textFileMib, Long assetFileMib, Long buildMib, Long buildFiles, Long conversionSeconds) {

    static final long TEXT_FILE_MIB = 2;
    static final long ASSET_FILE_MIB = 10;
    static final long BUILD_MIB = 200;
    static final long BUILD_FILES = 20_000;
    static final long CONVERSION_SECONDS = 60;
    /** Above this a setting is a typing mistake (and MiB in bytes would overflow). */
    static final long MAX = 1_048_576;
    private static final long MIB = 1024 * 1024;

    static final SourceLimits DEFAULTS = new SourceLimits(null, null, null, null, null);

    /** How long converting one AsciiDoc file may take. */
    public java.time.Duration conversionTime() {
        return java.time.Duration.ofSeconds(or(conversionSeconds, CONVERSION_SECONDS));
    }

    long textFileBytes() {
        return or(textFileMib, TEXT_FILE_MIB) * MIB;
    }

    long assetFileBytes() {
        return or(assetFileMib, ASSET_FILE_MIB) * MIB;
    }

    /** Each setting that is out of range, with the field's path in data/site.yaml. */
    Map<String, Long> outOfRange() {
        Map<String, Long> bad = new TreeMap<>();
        Map<String, Long> set = new TreeMap<>();
        set.put("text_file_mib", textFileMib);
        set.put("asset_file_mib", assetFileMib);
        set.put("build_mib", buildMib);
        set.put("build_files", buildFiles);
        set.put("conversion_seconds", conversionSeconds);
        set.forEach((name, value) -> {
            if (value != null && (value < 1 || value > MAX)) {
                bad.put("limits." + name, value);
            }
        });
        return bad;
    }

    /** Every file over its limit, and the build over its own, as problems naming the files. */
    List<Problem> check(List<SourceScan.Entry> files) {
        List<Problem> problems = new ArrayList<>();
        long total = 0;
        for (SourceScan.Entry f : files) {
            total += f.size();
            boolean asset = f.folder().equals("assets");
            long limit = asset ? assetFileBytes() : textFileBytes();
            if (f.size() > limit) {
                problems.add(Problem.at(f.name(), 0, "the file is " + size(f.size()) + ", over the limit of "
                                + mib(limit) + (asset ? " for a file in assets/" : " for a text file in " + f.folder() + "/")
                                + " (文件过大)",
                        (asset ? "make it smaller (compress the image, subset the font), or raise the limit"
                                : "split it into smaller files, or raise the limit") + " in data/site.yaml: "
                                + setting(asset ? "asset_file_mib" : "text_file_mib", asset ? ASSET_FILE_MIB : TEXT_FILE_MIB)));
            }
        }
        long buildBytes = or(buildMib, BUILD_MIB) * MIB;
        if (total > buildBytes) {
            SourceScan.Entry largest = files.stream().max(Comparator.comparingLong(SourceScan.Entry::size)).orElseThrow();
            problems.add(Problem.at(largest.name(), 0, "the sources add up to " + size(total) + ", over the limit of "
                            + mib(buildBytes) + " for a build; this is the largest file, " + size(largest.size()) + " (源文件总量过大)",
                    "remove files that are not needed, or raise the limit in data/site.yaml: " + setting("build_mib", BUILD_MIB)));
        }
        long maxFiles = or(buildFiles, BUILD_FILES);
        if (files.size() > maxFiles) {
            Map<String, Long> perFolder = new TreeMap<>();
            files.forEach(f -> perFolder.merge(f.folder(), 1L, Long::sum));
            String fullest = perFolder.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            problems.add(Problem.at(fullest, 0, "the sources hold " + files.size() + " files, over the limit of " + maxFiles
                            + " for a build; " + fullest + "/ holds " + perFolder.get(fullest) + " of them (文件数量过多)",
                    "remove files that are not needed, or raise the limit in data/site.yaml: " + setting("build_files", BUILD_FILES)));
        }
        return problems;
    }

    private static String setting(String name, long defaultValue) {
        return "'limits:' then '  " + name + ": <number>' (default " + defaultValue + ")";
    }

    private static String size(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB (%d bytes)", bytes / (double) MIB, bytes);
    }

    private static String mib(long bytes) {
        return bytes / MIB + " MiB";
    }

    private static long or(Long value, long defaultValue) {
        return value == null ? defaultValue : value;
    }
}
