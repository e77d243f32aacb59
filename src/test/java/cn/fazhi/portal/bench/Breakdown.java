package cn.fazhi.portal.bench;

import cn.fazhi.portal.check.LinkChecker;
import cn.fazhi.portal.derive.IndicatorPages;
import cn.fazhi.portal.derive.OpenData;
import cn.fazhi.portal.derive.ReportPages;
import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Section;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.load.SiteLoader;
import cn.fazhi.portal.load.SourceTree;
import cn.fazhi.portal.load.TextFile;
import cn.fazhi.portal.pages.Page;
import cn.fazhi.portal.publish.AtomicPublisher;
import cn.fazhi.portal.render.AsciiDocConverter;
import cn.fazhi.portal.render.HtmlFragments;
import cn.fazhi.portal.render.JBakeBaker;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the time of one cold build goes: the same stages as {@code Pipeline.build} (load, convert,
 * compose, bake, open data, link check, publish), called in the same order through the same public
 * classes, each timed. Conversion is split into Asciidoctor's creation (JRuby start), the first file
 * (JRuby warming up) and the rest. Kept outside {@code Pipeline} on purpose: the pipeline is not
 * changed for measuring it. If {@code Pipeline} gains stages, add them here.
 *
 * <pre>java [same options] -cp target/portal.jar:target/test-classes cn.fazhi.portal.bench.Breakdown SOURCE OUTPUT</pre>
 */
public final class Breakdown {

    private final Map<String, Double> stages = new LinkedHashMap<>();
    private long mark = System.nanoTime();
    /** The jsoup paragraph anchoring done inside convert(), timed again on its own. */
    private double anchors;

    private Breakdown() {
    }

    private void lap(String stage) {
        long now = System.nanoTime();
        stages.merge(stage, (now - mark) / 1e9, Double::sum);
        mark = now;
    }

    public static void main(String[] args) {
        long mainEntered = System.currentTimeMillis();
        double jvmStart = (mainEntered - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
        Breakdown b = new Breakdown();
        Path source = Path.of(args[0]);
        Path output = Path.of(args[1]).toAbsolutePath().normalize();
        b.run(source, output);
        double total = b.stages.values().stream().mapToDouble(Double::doubleValue).sum();
        long gcMillis = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        double compileSeconds = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3;
        double cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        System.out.println("| stage | seconds | share of main() |\n|---|---|---|");
        System.out.printf(Locale.ROOT, "| (JVM start to main(), not in the total) | %.2f | |%n", jvmStart);
        b.stages.forEach((k, v) -> {
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.0f%% |%n", k, v, 100 * v / total);
            if (k.startsWith("convert: the other")) {
                System.out.printf(Locale.ROOT, "| &nbsp;&nbsp;of which jsoup paragraph anchors (timed again apart; in the line above) | %.2f | %.0f%% |%n",
                        b.anchors, 100 * b.anchors / total);
            }
        });
        System.out.printf(Locale.ROOT, "| **total of main()** | **%.2f** | |%n", total);
        System.out.printf(Locale.ROOT, "process CPU %.1f s over %.1f s of wall time since JVM start; JIT compiler threads %.1f s; GC pauses/cycles %.1f s%n",
                cpu, jvmStart + total, compileSeconds, gcMillis / 1e3);
    }

    private void run(Path source, Path output) {
        SourceTree tree = new SourceTree(source);
        AtomicPublisher publisher = new AtomicPublisher(output);
        Path staging = publisher.stage();
        Path work = output.resolveSibling("." + output.getFileName() + ".work");
        lap("prepare staging");

        Site site = new SiteLoader().load(tree).withoutDrafts();
        lap("load + validate (content, YAML, references)");

        try (AsciiDocConverter converter = new AsciiDocConverter()) {
            converter.use(site.indicators());
            lap("Asciidoctor.create (JRuby start) + register ind macro");
            Map<String, String> html = new HashMap<>();
            List<TextFile> files = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            List<Integer> years = new ArrayList<>();
            for (Report report : site.reports()) {
                files.add(report.landing());
                prefixes.add("preamble");
                years.add(report.year());
                for (Section section : report.sections()) {
                    files.add(section.source());
                    prefixes.add(section.slug());
                    years.add(report.year());
                }
            }
            for (int i = 0; i < files.size(); i++) {
                AsciiDocConverter.Result r = converter.convert(files.get(i), years.get(i), prefixes.get(i));
                if (!r.problems().isEmpty()) {
                    throw new IllegalStateException(r.problems().toString());
                }
                html.put(files.get(i).name(), r.html());
                lap(i == 0 ? "convert: first file (JRuby warm-up)" : "convert: the other " + (files.size() - 1) + " files");
            }
            // The paragraph anchors (jsoup) run inside convert(); timing them again separately shows their share.
            long t = System.nanoTime();
            for (int i = 0; i < files.size(); i++) {
                HtmlFragments.anchorParagraphs(html.get(files.get(i).name()), prefixes.get(i));
            }
            anchors = (System.nanoTime() - t) / 1e9;
            mark = System.nanoTime();

            List<Page> pages = new ArrayList<>(new ReportPages().compose(site, html::get));
            lap("compose report pages");
            pages.addAll(new IndicatorPages().compose(site, html::get));
            lap("compose indicator pages (citations, charts)");
            new JBakeBaker().bake(pages, tree, work, staging);
            lap("JBake bake (" + pages.size() + " pages: stage YAML, crawl into OrientDB, render Freemarker)");
            new OpenData().write(site, html::get, staging);
            lap("open data (CSV, JSON)");
            LinkChecker.Report links = new LinkChecker().check(staging);
            if (!links.broken().isEmpty()) {
                throw new IllegalStateException(links.broken().toString());
            }
            lap("link check (" + links.pages() + " pages)");
            publisher.publish(staging);
            lap("publish (atomic replace)");
        }
        lap("Asciidoctor shutdown");
    }
}
