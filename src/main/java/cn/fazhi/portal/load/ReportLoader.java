package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.Problems;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loads one year's report from {@code content/<year>/}: its landing file and its sections in reading order. */
final class ReportLoader {

    /** {@code 01-slug.adoc} (a part) or {@code 01-02-slug.adoc} (a subsection of part 01). */
    static final Pattern SECTION_FILE = Pattern.compile("(\\d{2})(?:-(\\d{2}))?-([a-z0-9]+(?:-[a-z0-9]+)*)\\.adoc");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final String LANDING = "index.adoc";

    private ReportLoader() {
    }

    static Optional<Report> load(SourceTree tree, Path dir, int year, Problems problems) {
        Path landingPath = dir.resolve(LANDING);
        List<Problem> found = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        Map<String, String> slugFiles = new HashMap<>();
        Map<String, String> partSlugs = new HashMap<>();
        List<Path> files = new ArrayList<>(SiteLoader.list(dir));
        // Reading order: by number, a part before its subsections (01 < 01-01 < 01-02 < 02).
        files.sort(java.util.Comparator.comparing(ReportLoader::readingOrderKey));
        HeadingNumbers numbers = new HeadingNumbers(tree.inGit(), found);
        for (Path file : files) {
            String name = file.getFileName().toString();
            String rel = tree.relative(file);
            if (name.startsWith(".") || name.equals(LANDING)) {
                continue;
            }
            Matcher m = SECTION_FILE.matcher(name);
            if (Files.isDirectory(file) || !m.matches()) {
                found.add(Problem.at(rel, 0, describeBadName(name),
                        "name section files like 01-measures.adoc (a part) or 01-02-functions.adoc "
                                + "(a subsection of part 01): two-digit numbers, then lowercase ASCII letters, digits and '-'"));
                continue;
            }
            Optional<TextFile> text = SiteLoader.readText(tree, file, problems);
            if (text.isEmpty()) {
                continue;
            }
            Optional<AsciiDocHeader> header = AsciiDocHeader.parse(text.get(), found);
            if (header.isEmpty()) {
                continue;
            }
            HeaderAttributes.SECTION.check(text.get(), header.get(), found);
            String slug = m.group(3);
            String order = m.group(2) == null ? m.group(1) : m.group(1) + "-" + m.group(2);
            String previous = slugFiles.putIfAbsent(slug, rel);
            if (previous != null) {
                found.add(Problem.at(rel, 0, "the section name '" + slug + "' is already used by " + previous
                        + " (章节名重复)", "give one of the two files another name after its number"));
                continue;
            }
            String parent = "";
            if (m.group(2) == null) {
                partSlugs.put(m.group(1), slug);
            } else {
                parent = partSlugs.getOrDefault(m.group(1), "");
                if (parent.isEmpty()) {
                    found.add(Problem.at(rel, 0, "this subsection has no part: there is no file " + m.group(1)
                            + "-<name>.adoc", "add the part's file, e.g. " + m.group(1) + "-measures.adoc, or renumber this file"));
                    continue;
                }
            }
            boolean draft = SiteLoader.status(text.get(), header.get(), found);
            Section section = new Section(slug, order, parent, header.get().title(), draft, text.get());
            sections.add(section);
            numbers.next(section, header.get().titleLine());
        }
        Optional<Report> report = Optional.empty();
        if (!Files.isRegularFile(landingPath)) {
            found.add(Problem.at(tree.relative(dir), 0, "the year folder has no index.adoc (缺少报告首页文件)",
                    "add " + tree.relative(landingPath) + " with the report's title and issuers (see the editors' guide 编辑指南, 添加一个年度)"));
        } else {
            Optional<TextFile> landing = SiteLoader.readText(tree, landingPath, problems);
            Optional<AsciiDocHeader> header = landing.flatMap(t -> AsciiDocHeader.parse(t, found));
            if (header.isPresent()) {
                AsciiDocHeader h = header.get();
                HeaderAttributes.REPORT.check(landing.get(), h, found);
                List<String> issuers = h.attribute("issuer").map(a -> Arrays.stream(a.value().split("[;；]"))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
                if (issuers.isEmpty()) {
                    found.add(Problem.at(landing.get().name(), h.titleLine(), "the report names no issuer (缺少发布机关)",
                            "add a header line ':issuer: 中共XX市委; XX市人民政府' under the title"));
                }
                Optional<LocalDate> published = date(landing.get(), h, "date", found);
                Disclosure disclosure = disclosure(landing.get(), h, found);
                boolean draft = SiteLoader.status(landing.get(), h, found);
                report = Optional.of(new Report(year, h.title(), issuers, published, disclosure, draft, landing.get(), List.copyOf(sections)));
            }
        }
        problems.addAll(found);
        return found.isEmpty() ? report : Optional.empty();
    }

    private static String readingOrderKey(Path file) {
        String name = file.getFileName().toString();
        Matcher m = SECTION_FILE.matcher(name);
        return m.matches() ? m.group(1) + (m.group(2) == null ? "" : "-" + m.group(2)) + " " + name : "~" + name;
    }

    static String describeBadName(String name) {
        if (!name.chars().allMatch(c -> c < 128)) {
            return "the file name '" + name + "' is not plain ASCII; web addresses made from it would break (文件名只能用英文字母、数字和连字符)";
        }
        if (!name.endsWith(".adoc")) {
            return "'" + name + "' is not an AsciiDoc section file (.adoc); only section files belong in a year folder";
        }
        return "the file name '" + name + "' does not follow the section naming rule";
    }

    /** The 政府信息公开 facts and the source address, each only when stated; an empty value counts as not stated. */
    private static Disclosure disclosure(TextFile file, AsciiDocHeader header, List<Problem> found) {
        Optional<String> url = text(header, "source-url");
        url.ifPresent(u -> SourceUrl.check(u).ifPresent(wrong -> found.add(Problem.at(file.name(),
                header.attribute("source-url").orElseThrow().line(),
                "the source address '" + u + "' is not an http(s) web address: " + wrong + " (原文链接无效)",
                "write the address of the official publication as the browser shows it, starting with http:// or https://,"
                        + " e.g. :source-url: http://www.example.gov.cn/zfxxgk/content-1.html"))));
        return new Disclosure(url, text(header, "index-number"), text(header, "document-number"),
                date(file, header, "written-date", found));
    }

    private static Optional<String> text(AsciiDocHeader header, String name) {
        return header.attribute(name).map(AsciiDocHeader.Attribute::value).filter(v -> !v.isBlank());
    }

    private static Optional<LocalDate> date(TextFile file, AsciiDocHeader header, String name, List<Problem> found) {
        Optional<AsciiDocHeader.Attribute> attr = header.attribute(name);
        if (attr.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(attr.get().value(), DATE));
        } catch (DateTimeParseException e) {
            found.add(Problem.at(file.name(), attr.get().line(), "'" + attr.get().value() + "' is not a valid date (日期无效)",
                    "write the date as YYYY-MM-DD, e.g. :" + name + ": 2024-03-29, and check that the day exists"));
            return Optional.empty();
        }
    }
}
