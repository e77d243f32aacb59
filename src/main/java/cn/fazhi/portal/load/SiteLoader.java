package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.Problems;
import cn.fazhi.portal.problems.ProblemsException;
import cn.fazhi.portal.theme.Theme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code load} stage: reads {@code content/} and {@code data/} into validated records, with the
 * built-in theme's standard pages ({@code content/pages/}) where the source has none of that name.
 * It reports every problem it finds before giving up, so an editor fixes them in one round.
 */
public final class SiteLoader {

    static final Pattern YEAR = Pattern.compile("\\d{4}");
    /** content/pages/ holds pages about the site (accessibility statement…), not a report. */
    private static final String PAGES = "pages";
    private static final Pattern PAGE_FILE = Pattern.compile("([a-z0-9]+(?:-[a-z0-9]+)*)\\.adoc");

    private final YamlFiles yaml = new YamlFiles();
    private final Theme theme;

    /** @param theme the built-in theme, whose pages about the site the source may override */
    public SiteLoader(Theme theme) {
        this.theme = theme;
    }

    public Site load(SourceTree tree) {
        requireContent(tree);
        return load(tree, SourceScan.scan(tree));
    }

    /**
     * Loads the site from the files {@link SourceScan#scan} found in {@code tree} (a build scans
     * once, before anything is read: no link is followed, and no file over its limit is opened).
     */
    public Site load(SourceTree tree, List<SourceScan.Entry> files) {
        Problems problems = new Problems();
        requireContent(tree);
        SiteConfig config = loadConfig(tree, files, problems);
        SourceLimits limits = config.limits().outOfRange().isEmpty() ? config.limits() : SourceLimits.DEFAULTS;
        List<Problem> overLimits = limits.check(files);
        if (!overLimits.isEmpty()) {
            problems.addAll(overLimits);
            problems.throwIfAny();
        }
        for (SourceScan.Entry f : files) {
            if (f.folder().equals("assets") && f.name().toLowerCase(java.util.Locale.ROOT).endsWith(".svg")) {
                try {
                    problems.addAll(SvgRules.check(TextFile.read(tree, f.path())));
                } catch (ProblemsException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        List<Report> reports = new ArrayList<>();
        java.util.Set<Integer> yearFolders = new java.util.HashSet<>();
        List<InfoPage> infoPages = new ArrayList<>();
        for (Path entry : list(tree.content())) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            if (name.equals(PAGES) && Files.isDirectory(entry)) {
                infoPages.addAll(loadInfoPages(tree, entry, problems));
                continue;
            }
            if (!Files.isDirectory(entry)) {
                problems.add(tree.relative(entry), 0, "files directly in content/ are not used",
                        "put each report in a year folder, e.g. content/2024/");
            } else if (!YEAR.matcher(name).matches()) {
                problems.add(tree.relative(entry), 0, "the folder name '" + name + "' is not a year (不是年份)",
                        "name report folders by their four-digit year, e.g. content/2024/");
            } else {
                yearFolders.add(Integer.parseInt(name));
                ReportLoader.load(tree, entry, Integer.parseInt(name), problems).ifPresent(reports::add);
            }
        }
        infoPages.addAll(builtInPages(infoPages));
        infoPages.sort(java.util.Comparator.comparing(InfoPage::slug));
        if (reports.isEmpty() && problems.isEmpty()) {
            problems.add("content", 0, "content/ holds no report",
                    "add a year folder with an index.adoc, e.g. content/2024/index.adoc (see the editors' guide 编辑指南, 添加一个年度)");
        }
        Map<Integer, java.util.Set<String>> sectionsByYear = new HashMap<>();
        reports.forEach(r -> sectionsByYear.put(r.year(),
                r.sections().stream().map(Section::slug).collect(java.util.stream.Collectors.toSet())));
        Indicators indicators = new IndicatorLoader(yaml).load(tree, yearFolders, sectionsByYear, problems);
        if (problems.isEmpty()) {
            reports.forEach(r -> References.check(r, indicators, problems));
        }
        problems.throwIfAny();
        return new Site(tree, config, List.copyOf(reports), indicators, List.copyOf(infoPages));
    }

    /** Refuses a source without content/ (a wrong --source, usually) before anything else is looked at. */
    public static void requireContent(SourceTree tree) {
        if (!Files.isDirectory(tree.content())) {
            throw new ProblemsException(Problem.at("content", 0,
                    "there is no content/ folder in " + tree.root(),
                    "run the command in the portal's folder, or pass --source DIR pointing at it;"
                            + " to start a new portal: java -jar portal.jar init DIR"));
        }
    }

    private SiteConfig loadConfig(SourceTree tree, List<SourceScan.Entry> files, Problems problems) {
        Path file = tree.data().resolve("site.yaml");
        if (!Files.isRegularFile(file)) {
            problems.add("data/site.yaml", 0, "the site settings file is missing",
                    "create data/site.yaml with at least 'name: <portal name>' (see the editors' guide 编辑指南, 网站设置);"
                            + " init writes one with every setting explained: java -jar portal.jar init NEW-FOLDER");
            return SiteConfig.empty();
        }
        // The limits are set in this very file, so it is held to the default limit before it is read.
        List<Problem> tooLarge = SourceLimits.DEFAULTS.check(files.stream().filter(f -> f.path().equals(file)).toList());
        if (!tooLarge.isEmpty()) {
            problems.addAll(tooLarge);
            return SiteConfig.empty();
        }
        try {
            TextFile text = TextFile.read(tree, file);
            SiteConfig config = yaml.read(text, SiteConfig.class);
            if (config.name() == null || config.name().isBlank()) {
                problems.add("data/site.yaml", 1, "the field 'name' is missing", "add 'name: <portal name>'");
            }
            YamlLines lines = new YamlLines(text);
            config.limits().outOfRange().forEach((field, value) -> problems.add("data/site.yaml", lines.line(field),
                    "'" + field + "' is " + value + ", but it must be a whole number from 1 to " + SourceLimits.MAX
                            + " (限制值无效)", "write the limit in MiB (files: a count), e.g. 'limits:' then '  build_mib: 300'"));
            if (!config.baseUrl().isBlank()) {
                BaseUrl.check(config.baseUrl(), "data/site.yaml", lines.line("base_url")).ifPresent(problems::add);
            }
            return config;
        } catch (ProblemsException e) {
            problems.addAll(e.problems());
            return SiteConfig.empty();
        }
    }

    private List<InfoPage> loadInfoPages(SourceTree tree, Path dir, Problems problems) {
        List<InfoPage> pages = new ArrayList<>();
        for (Path file : list(dir)) {
            String name = file.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            Matcher m = PAGE_FILE.matcher(name);
            if (!m.matches() || Files.isDirectory(file)) {
                problems.add(tree.relative(file), 0, ReportLoader.describeBadName(name),
                        "name pages like accessibility.adoc: lowercase ASCII letters, digits and '-'");
                continue;
            }
            if (m.group(1).equals("index") || m.group(1).equals("404") || YEAR.matcher(m.group(1)).matches()) {
                problems.add(tree.relative(file), 0, "the page name '" + m.group(1) + "' is reserved by the site",
                        "choose another name");
                continue;
            }
            List<Problem> found = new ArrayList<>();
            readText(tree, file, problems).ifPresent(text -> AsciiDocHeader.parse(text, found).ifPresent(h -> {
                HeaderAttributes.PAGE.check(text, h, found);
                if (!FigureReferences.in(text.text()).references().isEmpty()) {
                    found.add(Problem.at(text.name(), 0, "figures (ind:…[]) can only be cited in a year's report",
                            "write the number in words here, or link to the indicator page"));
                }
                pages.add(new InfoPage(m.group(1), h.title(), text));
            }));
            problems.addAll(found);
        }
        return pages;
    }

    /** The theme's pages about the site that the source's content/pages/ does not override. */
    private List<InfoPage> builtInPages(List<InfoPage> own) {
        java.util.Set<String> overridden = new java.util.HashSet<>();
        own.forEach(p -> overridden.add(p.slug()));
        List<InfoPage> pages = new ArrayList<>();
        for (Theme.ThemeFile f : theme.in("content/" + PAGES)) {
            Matcher m = PAGE_FILE.matcher(f.name().substring(f.name().lastIndexOf('/') + 1));
            if (m.matches() && !overridden.contains(m.group(1))) {
                TextFile text = TextFile.builtIn(Theme.shown(f.name()), f.text());
                List<Problem> found = new ArrayList<>();
                AsciiDocHeader.parse(text, found).ifPresent(h -> pages.add(new InfoPage(m.group(1), h.title(), text)));
                if (!found.isEmpty()) {
                    throw new IllegalStateException("the built-in page " + f.name() + " is damaged: " + found);
                }
            }
        }
        return pages;
    }

    static Optional<TextFile> readText(SourceTree tree, Path file, Problems problems) {
        try {
            TextFile text = TextFile.read(tree, file);
            problems.addAll(SourceRules.check(text));
            return Optional.of(text);
        } catch (ProblemsException e) {
            problems.addAll(e.problems());
            return Optional.empty();
        }
    }

    static boolean status(TextFile file, AsciiDocHeader header, List<Problem> found) {
        return header.attribute("status").map(a -> switch (a.value()) {
            case "published" -> false;
            case "draft" -> true;
            default -> {
                found.add(Problem.at(file.name(), a.line(), "unknown status '" + a.value() + "'",
                        "write ':status: published' or ':status: draft'"));
                yield false;
            }
        }).orElse(false);
    }

    static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new ProblemsException(Problem.at(dir.toString(), 0, "cannot list the folder: " + e.getMessage(), ""));
        }
    }
}
