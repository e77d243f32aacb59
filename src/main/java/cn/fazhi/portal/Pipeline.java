package cn.fazhi.portal;

import cn.fazhi.portal.check.LinkChecker;
import cn.fazhi.portal.load.InfoPage;
import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Section;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.load.SiteLoader;
import cn.fazhi.portal.load.SourceTree;
import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.Problems;
import cn.fazhi.portal.publish.AtomicPublisher;
import cn.fazhi.portal.render.AsciiDocConverter;
import cn.fazhi.portal.derive.IndicatorPages;
import cn.fazhi.portal.derive.OpenData;
import cn.fazhi.portal.derive.ReportPages;
import cn.fazhi.portal.derive.SearchPages;
import cn.fazhi.portal.render.JBakeBaker;
import cn.fazhi.portal.pages.Page;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wires the stages in their one direction: load, render (convert, compose, bake), check, publish.
 * One instance may build many times (as {@code serve} does) and keeps Asciidoctor warm between.
 */
public final class Pipeline implements AutoCloseable {

    /** What to build and how. */
    public record Options(Path source, Path output, boolean drafts, String baseUrl) {
    }

    /** What a successful build produced. */
    public record Result(int pages, int externalLinks, long millis) {
    }

    private final AsciiDocConverter converter = new AsciiDocConverter();

    /**
     * Builds the site into a staging folder and, if every stage succeeds, replaces the output.
     *
     * @throws cn.fazhi.portal.problems.ProblemsException with every problem found, output untouched
     */
    public Result build(Options options) {
        long start = System.nanoTime();
        AtomicPublisher publisher = new AtomicPublisher(options.output());
        Path staging = publisher.stage();
        try {
            LinkChecker.Report links = render(options, staging, workFolder(options.output()));
            publisher.publish(staging);
            return new Result(links.pages(), links.external().size(), (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | Error e) {
            publisher.discard(staging);
            throw e;
        }
    }

    private LinkChecker.Report render(Options options, Path into, Path work) {
        SourceTree tree = new SourceTree(options.source());
        Site site = new SiteLoader().load(tree);
        if (!options.drafts()) {
            site = site.withoutDrafts();
        }
        if (options.baseUrl() != null) {
            site = site.withConfig(site.config().withBaseUrl(options.baseUrl()));
        }
        Map<String, String> html = convertAll(site);
        List<Page> pages = new ArrayList<>(new ReportPages().compose(site, html::get));
        pages.addAll(new IndicatorPages().compose(site, html::get));
        SearchPages search = new SearchPages();
        pages.add(search.page(site));
        new JBakeBaker().bake(pages, tree, work, into);
        new OpenData().write(site, html::get, into);
        search.writeIndex(pages, into);
        LinkChecker.Report links = new LinkChecker().check(into);
        if (!links.broken().isEmpty()) {
            Problems problems = new Problems();
            links.broken().forEach(b -> problems.add("site/" + b.page(), 0, "broken link '" + b.link() + "': " + b.reason(),
                    "fix the link in the section text or the template that makes this page"));
            problems.throwIfAny();
        }
        return links;
    }

    private Map<String, String> convertAll(Site site) {
        converter.use(site.indicators());
        Problems problems = new Problems();
        Map<String, String> html = new HashMap<>();
        for (Report report : site.reports()) {
            AsciiDocConverter.Result preamble = converter.convert(report.landing(), report.year(), "preamble");
            problems.addAll(preamble.problems());
            html.put(report.landing().name(), preamble.html());
            for (Section section : report.sections()) {
                AsciiDocConverter.Result result = converter.convert(section.source(), report.year(), section.slug());
                problems.addAll(result.problems());
                html.put(section.source().name(), result.html());
            }
        }
        for (InfoPage page : site.infoPages()) {
            AsciiDocConverter.Result result = converter.convert(page.source(), 0, page.slug());
            problems.addAll(result.problems());
            html.put(page.source().name(), result.html());
        }
        problems.throwIfAny();
        return html;
    }

    private static Path workFolder(Path output) {
        Path abs = output.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".work");
    }

    /**
     * Runs every stage a build runs, into a throw-away folder, and publishes nothing.
     *
     * @return the problems found, empty when the sources are fine
     */
    public List<Problem> check(Path source, Path scratch) {
        try {
            render(new Options(source, scratch.resolve("site"), false, null), scratch.resolve("site"), scratch.resolve("work"));
            return List.of();
        } catch (cn.fazhi.portal.problems.ProblemsException e) {
            return e.problems();
        }
    }

    @Override
    public void close() {
        converter.close();
    }
}
