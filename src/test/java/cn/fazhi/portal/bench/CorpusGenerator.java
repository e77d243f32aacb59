package cn.fazhi.portal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes a synthetic, visibly fictional source tree in the portal's real format, for benchmarks:
 * {@code content/<year>/index.adoc} and {@code NN[-MM]-slug.adoc} sections of administrative
 * Chinese prose with headings, a table and a list, {@code data/indicators.yaml},
 * {@code data/<year>.yaml}, {@code data/site.yaml}, and the repository's {@code templates/} and
 * {@code assets/}. Two shapes of figures ({@link Figures}), so that no speed-up is tuned to one:
 * {@code small} and {@code large} bind {@value #FIGURES_PER_SECTION} figures {@code ind:<id>[]} per
 * section of about 2 KB (in prose, a table and a list; an indicator is cited several times a year),
 * {@code indicators} (issue 22's corpus) binds every indicator's value exactly once a year, in the
 * prose of one section of 2–4 KB whose table and list hold no figure.
 *
 * <p>Deterministic: the same {@link Spec} always gives the same bytes ({@link Random} with a fixed
 * seed, fixed vocabulary, no clock, no hash ordering). Uses the JDK only, so the benchmark can run
 * it from {@code target/test-classes} without the test class path.
 *
 * <pre>java -cp target/test-classes cn.fazhi.portal.bench.CorpusGenerator small|large|indicators OUT_DIR [REPO_DIR]</pre>
 */
public final class CorpusGenerator {

    public static final int FIGURES_PER_SECTION = 10;
    /** The first (fictional) report year; later years follow. */
    public static final int FIRST_YEAR = 2031;
    /** Marks a folder as a generated corpus, so regenerating may safely delete it. */
    static final String MARKER = ".bench-corpus";

    /** The sizes of the {@code indicators} shape's section files, in bytes of UTF-8. */
    public static final int MIN_SECTION_BYTES = 2048;
    public static final int MAX_SECTION_BYTES = 4096;

    /** How figures are bound in the prose. */
    public enum Figures {
        /** {@value #FIGURES_PER_SECTION} per section (paragraphs, table, list), indicators cited round-robin. */
        TEN_PER_SECTION,
        /** Every indicator's value once a year, in a paragraph of one section; sections of 2–4 KB. */
        ONCE_EACH
    }

    /** What to generate. */
    public record Spec(String name, int years, int sections, int indicators, Figures figures, long seed) {
        public static final List<String> PRESETS = List.of("small", "large", "indicators");

        public static Spec preset(String name) {
            return switch (name) {
                // The size of the real site: one year, 12 section files, ~50 indicators.
                case "small" -> new Spec("small", 1, 12, 50, Figures.TEN_PER_SECTION, 20240701L);
                case "large" -> new Spec("large", 10, 50, 200, Figures.TEN_PER_SECTION, 20240701L);
                // Issue 22's corpus: 10 x 50 sections, 200 indicators with a value every year, each bound once (726 pages).
                case "indicators" -> new Spec("indicators", 10, 50, 200, Figures.ONCE_EACH, 20261207L);
                default -> throw new IllegalArgumentException("unknown preset '" + name + "': use " + String.join(", ", PRESETS));
            };
        }
    }

    // ---- fixed vocabulary ------------------------------------------------------------------

    private static final String CITY = "样例市";

    /** Areas of work (the national outline's headings, generic): id, name. */
    private static final String[][] AREAS = {
            {"leadership", "加强党的领导,完善法治政府建设推进机制"},
            {"functions", "健全政府机构职能体系,推动更好发挥政府作用"},
            {"rules", "健全依法行政制度体系,加快推进政府治理规范化程序化法治化"},
            {"decisions", "健全行政决策制定体系,不断提升行政决策公信力和执行力"},
            {"enforcement", "健全行政执法工作体系,全面推进严格规范公正文明执法"},
            {"emergencies", "健全突发事件应对体系,依法预防处置重大突发事件"},
            {"disputes", "健全社会矛盾纠纷行政预防调处化解体系,不断促进社会公平正义"},
            {"oversight", "健全行政权力制约和监督体系,促进行政权力规范透明运行"},
            {"digital", "健全法治政府建设科技保障体系,全面建设数字法治政府"},
    };

    /** Things that are counted: slug, Chinese name, measure word, area index. */
    private static final String[][] OBJECTS = {
            {"reconsideration", "行政复议案件", "件", "6"},
            {"legal-aid", "法律援助案件", "件", "6"},
            {"mediation", "矛盾纠纷调解案件", "件", "6"},
            {"arbitration", "劳动人事争议仲裁案件", "件", "6"},
            {"court-appearance", "行政机关负责人出庭应诉案件", "件", "7"},
            {"normative-docs", "行政规范性文件", "件", "2"},
            {"legality-review", "合法性审查事项", "件", "3"},
            {"public-lawyers", "公职律师", "人", "3"},
            {"legal-counsel", "政府法律顾问服务事项", "件次", "3"},
            {"enforcement-staff", "行政执法人员", "人", "4"},
            {"inspections", "涉企行政检查", "次", "4"},
            {"penalties", "行政处罚案件", "件", "4"},
            {"licences", "行政许可事项", "项", "1"},
            {"services", "政务服务事项", "项", "1"},
            {"certificates", "证明事项", "项", "1"},
            {"drills", "应急演练", "次", "5"},
            {"hazards", "安全隐患排查整治事项", "处", "5"},
            {"training", "法治培训班", "期", "0"},
            {"study-sessions", "集体学法活动", "次", "0"},
            {"petitions", "信访事项", "件", "6"},
            {"legal-literacy", "法律明白人", "人", "6"},
            {"demo-sites", "法治宣传教育示范点", "个", "6"},
            {"supervision", "行政执法监督检查", "次", "7"},
            {"audits", "审计监督项目", "个", "7"},
            {"disclosures", "政府信息主动公开条目", "条", "7"},
            {"online-cases", "网上办理行政执法案件", "件", "8"},
            {"data-sharing", "政务数据共享接口", "个", "8"},
            {"smart-terminals", "移动执法终端", "台", "8"},
            {"grid-workers", "网格员", "名", "6"},
            {"credit-repair", "信用修复事项", "件", "3"},
    };

    /** How an object is measured: slug, name suffix, kind (count|rate|amount). */
    private static final String[][] KINDS = {
            {"count", "数", "count"},
            {"rate", "办结率", "rate"},
            {"amount", "涉及金额", "amount"},
            {"new", "新增数", "count"},
    };

    /** Whose figure it is: slug, prefix. */
    private static final String[][] SCOPES = {{"city", "全市"}, {"municipal", "市本级"}, {"county", "县区"}};

    private static final String[] PART_TITLES = {
            "主要举措及成效", "存在的不足和原因", "下一步工作打算", "重点任务推进情况", "基层法治建设情况",
            "法治队伍建设情况", "法治宣传教育情况", "行政执法协调监督情况", "数字法治政府建设情况", "其他需要报告的事项",
    };

    private static final String[] VERBS = {"深入推进", "持续完善", "扎实开展", "全面落实", "切实加强", "不断健全",
            "积极探索", "稳步推进", "大力实施", "统筹推进", "严格落实", "着力提升"};
    private static final String[] NOUNS = {"工作机制", "制度体系", "专项治理", "规范化建设", "标准化建设", "监督考核",
            "责任清单", "协调联动机制", "源头治理", "闭环管理", "全流程监管", "信息化平台"};
    private static final String[] GOALS = {"法治政府建设水平持续提升", "群众获得感显著增强", "营商环境进一步优化",
            "行政行为更加规范", "基层治理效能明显提高", "依法行政能力不断增强", "社会大局保持和谐稳定"};
    private static final String[] CONNECT = {"坚持问题导向和目标导向", "按照年度工作要点部署", "围绕中心、服务大局",
            "坚持系统观念", "对标对表上级要求", "聚焦群众急难愁盼问题"};
    private static final String[] ORDINALS = {"一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是"};
    private static final String[] LIST_LEADS = {"组织开展", "印发实施", "建立完善", "督促整改", "指导推动", "培育打造"};
    private static final String[] HEADINGS = {"主要做法", "工作成效", "典型经验", "创新举措", "推进情况", "存在问题"};
    private static final String[] CHINESE_DIGITS = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    // ---- the model -------------------------------------------------------------------------

    private record Indicator(int index, String id, String name, String unit, String kind, String area, String definition) {
    }

    private record SectionFile(String file, String slug, String title, int area) {
    }

    private final Spec spec;
    private final Random random;
    private final List<Indicator> indicators = new ArrayList<>();
    /** Per indicator: the value in the first year and its yearly growth. */
    private final Map<String, double[]> trends = new LinkedHashMap<>();

    private CorpusGenerator(Spec spec) {
        this.spec = spec;
        this.random = new Random(spec.seed());
    }

    /**
     * Writes the corpus into {@code out} (a previously generated corpus there is replaced; any other
     * non-empty folder is refused) and copies {@code templates/}, {@code assets/} and the site pages
     * ({@code content/pages/}, e.g. the accessibility statement every page links to) from {@code repo}.
     */
    public static Path generate(Spec spec, Path out, Path repo) {
        try {
            prepare(out);
            new CorpusGenerator(spec).write(out);
            copyTree(repo.resolve("templates"), out.resolve("templates"));
            copyTree(repo.resolve("assets"), out.resolve("assets"));
            copyTree(repo.resolve("content/pages"), out.resolve("content/pages"));
            Files.writeString(out.resolve(MARKER), spec + "\n");
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: CorpusGenerator small|large|indicators OUT_DIR [REPO_DIR]");
            System.exit(2);
        }
        Spec spec = Spec.preset(args[0]);
        Path out = generate(spec, Path.of(args[1]), Path.of(args.length > 2 ? args[2] : "."));
        System.out.println("Generated " + spec + " into " + out.toAbsolutePath().normalize());
    }

    private static void prepare(Path out) throws IOException {
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.list(out)) {
                boolean empty = s.findAny().isEmpty();
                if (!empty && !Files.exists(out.resolve(MARKER))) {
                    throw new IllegalArgumentException(out + " is not empty and is not a generated corpus; refusing to overwrite it");
                }
            }
            for (String part : new String[] {"content", "data", "templates", "assets"}) {
                deleteRecursively(out.resolve(part));
            }
        }
        Files.createDirectories(out);
    }

    private void write(Path out) throws IOException {
        defineIndicators();
        Path data = out.resolve("data");
        Files.createDirectories(data);
        writeFile(data.resolve("site.yaml"), "# Generated benchmark corpus (虚构样例，非真实数据).\n"
                + "name: " + quote(CITY + "法治政府建设年度报告（虚构样例）") + "\n"
                + "base_url: https://example.invalid/bench/\n");
        writeFile(data.resolve("indicators.yaml"), indicatorsYaml());
        // The years the prose names are not quantities ("Every number accounted for"), so the corpus builds without warnings.
        StringBuilder years = new StringBuilder("# Generated benchmark corpus (虚构样例).\nallowed:\n");
        for (int y = 0; y < spec.years(); y++) {
            years.append("  - text: ").append(FIRST_YEAR + y).append("年\n    what: 年份：报告年度（虚构）\n");
        }
        writeFile(data.resolve("non-quantities.yaml"), years.toString());
        for (int y = 0; y < spec.years(); y++) {
            int year = FIRST_YEAR + y;
            writeYear(out, year, y);
        }
    }

    private void defineIndicators() {
        int combos = OBJECTS.length * KINDS.length * SCOPES.length;
        if (spec.indicators() > combos) {
            throw new IllegalArgumentException("at most " + combos + " indicators");
        }
        for (int i = 0; i < spec.indicators(); i++) {
            String[] obj = OBJECTS[i % OBJECTS.length];
            String[] kind = KINDS[(i / OBJECTS.length) % KINDS.length];
            String[] scope = SCOPES[i / (OBJECTS.length * KINDS.length)];
            String id = obj[0] + "-" + kind[0] + "-" + scope[0];
            String unit = switch (kind[2]) {
                case "rate" -> "%";
                case "amount" -> "元";
                default -> obj[2];
            };
            String name = scope[1] + obj[1] + kind[1];
            String definition = "本报告所述" + scope[1] + obj[1] + "的" + kind[1] + ",按年度统计(虚构数据)。";
            indicators.add(new Indicator(i, id, name, unit, kind[2], AREAS[Integer.parseInt(obj[3])][0], definition));
            double base = switch (kind[2]) {
                case "rate" -> 80 + random.nextInt(1500) / 100.0;
                case "amount" -> 50 + random.nextInt(9950);
                default -> 3 + random.nextInt(random.nextBoolean() ? 300 : 30000);
            };
            trends.put(id, new double[] {base, -0.05 + random.nextInt(20) / 100.0});
        }
    }

    private String indicatorsYaml() {
        StringBuilder b = new StringBuilder("# Generated benchmark corpus: fictional indicators (虚构指标).\nareas:\n");
        for (String[] area : AREAS) {
            b.append("  - id: ").append(area[0]).append("\n    name: ").append(quote(area[1])).append('\n');
        }
        b.append("indicators:\n");
        for (Indicator d : indicators) {
            b.append("  - id: ").append(d.id()).append('\n')
                    .append("    name: ").append(quote(d.name())).append('\n')
                    .append("    unit: ").append(quote(d.unit())).append('\n')
                    .append("    area: ").append(d.area()).append('\n')
                    .append("    definition: ").append(quote(d.definition())).append('\n');
        }
        return b.toString();
    }

    /** The value of an indicator in year number {@code y} (0 = first year), and its wording. */
    private String[] figure(Indicator d, int y) {
        double[] t = trends.get(d.id());
        double noise = 1 + ((d.index() * 31 + y * 17) % 11 - 5) / 100.0;
        return switch (d.kind()) {
            case "rate" -> {
                double v = Math.min(99.99, 100 - (100 - t[0]) * Math.pow(0.9, y) * noise);
                yield new String[] {plain(BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP)), "N%"};
            }
            case "amount" -> {
                double v = t[0] * Math.pow(1 + t[1], y) * noise;
                yield new String[] {plain(BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP)),
                        d.index() % 2 == 0 ? "N万余" : "N万"};
            }
            default -> {
                long v = Math.max(1, Math.round(t[0] * Math.pow(1 + t[1], y) * noise));
                yield new String[] {String.valueOf(v), v > 1000 && d.index() % 3 == 0 ? "N余" : "N"};
            }
        };
    }

    private void writeYear(Path out, int year, int y) throws IOException {
        Path dir = out.resolve("content").resolve(String.valueOf(year));
        Files.createDirectories(dir);
        writeFile(dir.resolve("index.adoc"), "= 中共" + CITY + "委" + CITY + "人民政府关于" + year
                + "年法治政府建设情况的报告（虚构）\n"
                + ":issuer: 中共" + CITY + "委; " + CITY + "人民政府\n"
                + ":date: " + (year + 1) + "-03-28\n"
                + ":status: published\n"
                + "// Generated benchmark corpus: every name, number and sentence here is fictional.\n\n"
                + year + "年," + CITY + "(虚构)" + sentence(random) + "法治政府建设各项工作取得新进展。本报告为基准测试生成的虚构样例,不代表任何真实机关。\n");

        List<SectionFile> sections = sectionFiles();
        // TEN_PER_SECTION: ten figures per section, assigned round-robin from a per-year shuffle, so
        // every indicator is cited when there are enough sections. ONCE_EACH: the shuffled indicators
        // dealt out over the sections, each once. Each value names the first section that states it.
        List<Indicator> order = new ArrayList<>(indicators);
        java.util.Collections.shuffle(order, random);
        Map<String, String> firstSection = new LinkedHashMap<>();
        int next = 0;
        for (int i = 0; i < sections.size(); i++) {
            SectionFile s = sections.get(i);
            List<Indicator> cited = new ArrayList<>();
            if (spec.figures() == Figures.ONCE_EACH) {
                for (int k = i; k < order.size(); k += sections.size()) {
                    cited.add(order.get(k));
                }
            } else {
                for (int k = 0; k < FIGURES_PER_SECTION; k++) {
                    cited.add(order.get(next++ % order.size()));
                }
            }
            cited.forEach(d -> firstSection.putIfAbsent(d.id(), s.slug()));
            String text = spec.figures() == Figures.ONCE_EACH ? onceEachSection(year, s, cited) : section(year, s, cited);
            writeFile(dir.resolve(s.file()), text);
        }

        StringBuilder values = new StringBuilder("# Generated benchmark corpus: fictional values (虚构数据).\nyear: " + year + "\nvalues:\n");
        for (Indicator d : indicators) {
            String[] f = figure(d, y);
            values.append("  - indicator: ").append(d.id()).append('\n')
                    .append("    value: ").append(f[0]).append('\n')
                    .append("    wording: ").append(quote(f[1])).append('\n')
                    .append("    section: ").append(firstSection.getOrDefault(d.id(), sections.get(0).slug())).append('\n');
        }
        writeFile(out.resolve("data").resolve(year + ".yaml"), values.toString());
    }

    /** Parts of up to nine subsections each, like the real report (一、… with (一)…(九)). */
    private List<SectionFile> sectionFiles() {
        List<SectionFile> files = new ArrayList<>();
        int part = 0;
        int sub = 0;
        for (int i = 0; i < spec.sections(); i++) {
            if (i == 0 || sub == 9) {
                part++;
                sub = 0;
                String slug = "part" + part;
                String title = chinese(part) + "、" + PART_TITLES[(part - 1) % PART_TITLES.length];
                files.add(new SectionFile(String.format("%02d-%s.adoc", part, slug), slug, title, (part - 1) % AREAS.length));
            } else {
                sub++;
                int area = (part * 9 + sub) % AREAS.length;
                String slug = AREAS[area][0] + "-" + part + "-" + sub;
                String title = "(" + chinese(sub) + ")" + AREAS[area][1];
                files.add(new SectionFile(String.format("%02d-%02d-%s.adoc", part, sub, slug), slug, title, area));
            }
        }
        return files;
    }

    /**
     * One section: an opening paragraph, two headed blocks with paragraphs, a captioned table and
     * a list; ten figures in all (5 in paragraphs, 3 in the table, 2 in the list).
     */
    private String section(int year, SectionFile s, List<Indicator> cited) {
        StringBuilder b = new StringBuilder();
        b.append("= ").append(s.title()).append("\n\n");
        b.append(CONNECT[random.nextInt(CONNECT.length)]).append(',').append(sentence(random))
                .append(year).append("年,").append(figureClause(cited.get(0))).append("。")
                .append(sentence(random)).append(GOALS[random.nextInt(GOALS.length)]).append("。\n\n");

        b.append("== ").append(HEADINGS[random.nextInt(HEADINGS.length)]).append("\n\n");
        for (int p = 0; p < 2; p++) {
            b.append(ORDINALS[p]).append(sentence(random)).append(figureClause(cited.get(1 + 2 * p))).append(",")
                    .append(sentence(random)).append(figureClause(cited.get(2 + 2 * p))).append("。")
                    .append(CONNECT[random.nextInt(CONNECT.length)]).append(',').append(sentence(random))
                    .append(GOALS[random.nextInt(GOALS.length)]).append("。\n\n");
        }

        b.append(".表 ").append(year).append("年").append(CITY).append("有关工作主要数据(虚构)\n");
        b.append("[cols=\"3,2,2\",options=\"header\"]\n|===\n|事项 |数值 |说明\n");
        for (int t = 5; t < 8; t++) {
            Indicator d = cited.get(t);
            b.append("|").append(d.name()).append(" |ind:").append(d.id()).append("[]").append(unitAfter(d))
                    .append(" |").append(VERBS[random.nextInt(VERBS.length)]).append(NOUNS[random.nextInt(NOUNS.length)]).append('\n');
        }
        b.append("|===\n\n");

        b.append("== ").append(HEADINGS[random.nextInt(HEADINGS.length)]).append("\n\n");
        b.append("主要工作包括:\n\n");
        for (int l = 0; l < 3; l++) {
            b.append("* ").append(LIST_LEADS[random.nextInt(LIST_LEADS.length)]).append(NOUNS[random.nextInt(NOUNS.length)]);
            if (l < 2) {
                b.append(",").append(figureClause(cited.get(8 + l)));
            }
            b.append("。\n");
        }
        b.append('\n').append(ORDINALS[2]).append(sentence(random)).append(sentence(random))
                .append(GOALS[random.nextInt(GOALS.length)]).append("。\n");
        return b.toString();
    }

    /**
     * A section of the {@code indicators} shape: its figures one to a paragraph (prose only), a
     * captioned table and a list without figures, then paragraphs until the file has a size drawn
     * between {@link #MIN_SECTION_BYTES} and {@link #MAX_SECTION_BYTES}.
     */
    private String onceEachSection(int year, SectionFile s, List<Indicator> cited) {
        int target = MIN_SECTION_BYTES + 150 + random.nextInt(MAX_SECTION_BYTES - MIN_SECTION_BYTES - 450);
        StringBuilder b = new StringBuilder();
        b.append("= ").append(s.title()).append("\n\n");
        b.append(CONNECT[random.nextInt(CONNECT.length)]).append(',').append(sentence(random)).append(year).append("年,")
                .append(sentence(random)).append(GOALS[random.nextInt(GOALS.length)]).append("。\n\n");
        b.append("== ").append(HEADINGS[random.nextInt(HEADINGS.length)]).append("\n\n");
        for (int p = 0; p < cited.size(); p++) {
            b.append(ORDINALS[p % ORDINALS.length]).append(sentence(random)).append(figureClause(cited.get(p))).append(",")
                    .append(sentence(random)).append(GOALS[random.nextInt(GOALS.length)]).append("。\n\n");
        }
        b.append(".表 ").append(year).append("年").append(CITY).append("有关工作推进情况(虚构)\n");
        b.append("[cols=\"2,3,3\",options=\"header\"]\n|===\n|事项 |主要举措 |成效\n");
        for (int t = 0; t < 3; t++) {
            b.append("|").append(NOUNS[random.nextInt(NOUNS.length)]).append(" |").append(VERBS[random.nextInt(VERBS.length)])
                    .append(NOUNS[random.nextInt(NOUNS.length)]).append(" |").append(GOALS[random.nextInt(GOALS.length)]).append('\n');
        }
        b.append("|===\n\n");
        b.append("== ").append(HEADINGS[random.nextInt(HEADINGS.length)]).append("\n\n主要工作包括:\n\n");
        int items = 3 + random.nextInt(3);
        for (int l = 0; l < items; l++) {
            b.append("* ").append(LIST_LEADS[random.nextInt(LIST_LEADS.length)]).append(NOUNS[random.nextInt(NOUNS.length)])
                    .append(",").append(GOALS[random.nextInt(GOALS.length)]).append("。\n");
        }
        b.append('\n');
        while (b.toString().getBytes(StandardCharsets.UTF_8).length < target) {
            b.append(CONNECT[random.nextInt(CONNECT.length)]).append(',').append(sentence(random)).append(sentence(random))
                    .append(GOALS[random.nextInt(GOALS.length)]).append("。\n\n");
        }
        return b.toString();
    }

    private static String figureClause(Indicator d) {
        return switch (d.kind()) {
            case "rate" -> d.name() + "达到ind:" + d.id() + "[]";
            case "amount" -> d.name() + "ind:" + d.id() + "[]元";
            default -> d.name() + "为ind:" + d.id() + "[]" + d.unit();
        };
    }

    private static String unitAfter(Indicator d) {
        return d.kind().equals("rate") ? "" : d.unit();
    }

    private static String sentence(Random random) {
        return VERBS[random.nextInt(VERBS.length)] + NOUNS[random.nextInt(NOUNS.length)] + ","
                + VERBS[random.nextInt(VERBS.length)] + NOUNS[random.nextInt(NOUNS.length)] + ",";
    }

    static String chinese(int n) {
        if (n < 10) {
            return CHINESE_DIGITS[n];
        }
        String tens = n / 10 == 1 ? "十" : CHINESE_DIGITS[n / 10] + "十";
        return n % 10 == 0 ? tens : tens + CHINESE_DIGITS[n % 10];
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void writeFile(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
