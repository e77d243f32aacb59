package cn.fazhi.portal;

import cn.fazhi.portal.testsupport.BuiltSites;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every figure of the official 2023 text is rendered from data, and a changed value changes the
 * sentence, the tables, the chart and the downloads together.
 */
class FiguresTest {

    @TempDir
    static Path tmp;
    static Path site;
    static Path changed;

    /** One row of a reference inventory (src/test/resources/reference/*.tsv). */
    record Row(String section, String printed, String what, String context) {
    }

    @BeforeAll
    static void build() throws IOException {
        site = BuiltSites.real();
        Path copy = Fixtures.realSourceCopy(tmp.resolve("copy"));
        Path values = copy.resolve("data/2023.yaml");
        String yaml = Files.readString(values);
        String edited = yaml.replace("indicator: legal-aid-cases\n    value: 1233\n", "indicator: legal-aid-cases\n    value: 4321\n");
        assertFalse(edited.equals(yaml), "the test edits the legal-aid value");
        Files.writeString(values, edited);
        changed = tmp.resolve("changed");
        try (Pipeline pipeline = new Pipeline()) {
            pipeline.build(new Pipeline.Options(copy, changed, false, null));
        }
    }

    static List<Row> inventory(String name) throws IOException {
        List<String> lines = Files.readAllLines(Fixtures.REPO.resolve("src/test/resources/reference/" + name));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            rows.add(new Row(f[0], f[1], f[2], f[3]));
        }
        return rows;
    }

    @Test
    void theInventoriesAccountForEveryNumeralOfTheOfficialText() throws IOException {
        // Each digit run of the seed is covered by exactly one row: a quantity or a listed non-quantity.
        String seed = Files.readString(Fixtures.REPO.resolve("src/test/resources/reference/panjin-2023.txt"));
        List<Row> rows = new ArrayList<>(inventory("figures-2023.tsv"));
        rows.addAll(inventory("non-quantities-2023.tsv"));
        boolean[] covered = new boolean[seed.length()];
        for (Row r : rows) {
            int ctx = seed.indexOf(r.context());
            assertTrue(ctx >= 0 && seed.indexOf(r.context(), ctx + 1) < 0, "context occurs once: " + r);
            int at = ctx + r.context().indexOf(r.printed());
            for (int i = at; i < at + r.printed().length(); i++) {
                assertFalse(covered[i], "counted twice: " + r);
                covered[i] = true;
            }
        }
        Matcher digits = Pattern.compile("\\d+").matcher(seed);
        while (digits.find()) {
            assertTrue(covered[digits.start()], "numeral not accounted for: '" + digits.group() + "' near "
                    + seed.substring(Math.max(0, digits.start() - 8), Math.min(seed.length(), digits.end() + 8)));
        }
    }

    @Test
    void everyQuantityInTheReportIsRenderedFromDataInItsOriginalWording() throws IOException {
        Document year = Fixtures.html(site.resolve("2023/index.html"));
        Element report = year.selectFirst("article.report");
        List<String> rendered = report.select("a.figure > data").eachText();
        List<String> expected = inventory("figures-2023.tsv").stream().map(Row::printed).toList();
        assertEquals(expected, rendered, "every quantity, in text order, comes from a bound figure");

        // What is left once bound figures are removed: only the listed non-quantities.
        Element copy = report.clone();
        copy.select("a.figure").remove();
        copy.select("nav.toc, p.section-link, p.figures-link, dl.report-meta").remove();
        Matcher digits = Pattern.compile("\\d+").matcher(copy.text());
        List<String> left = new ArrayList<>();
        while (digits.find()) {
            left.add(digits.group());
        }
        List<String> allowed = new ArrayList<>();
        for (Row r : inventory("non-quantities-2023.tsv")) {
            Matcher m = Pattern.compile("\\d+").matcher(r.printed());
            while (m.find()) {
                allowed.add(m.group());
            }
        }
        assertEquals(allowed.stream().sorted().toList(), left.stream().sorted().toList(),
                "unbound numerals are exactly the listed non-quantities (years, names)");
    }

    @Test
    void boundFiguresCarryTheExactMachineValueAndLinkToTheirIndicator() {
        Document disputes = Fixtures.html(site.resolve("2023/disputes.html"));
        Element rate = disputes.selectFirst("a.figure[data-indicator=agency-head-court-appearance-rate]");
        assertEquals("../indicators/agency-head-court-appearance-rate.html", rate.attr("href"));
        assertEquals("0.9726", rate.selectFirst("data").attr("value"));
        assertEquals("97.26%", rate.selectFirst("data").text());
        // Named for screen readers by its indicator too: a number alone says nothing in a list of links.
        assertEquals("97.26%（指标：行政机关负责人出庭应诉率）", rate.text().replace(" ", ""));
        assertEquals("（指标：行政机关负责人出庭应诉率）", rate.selectFirst("span.visually-hidden").text());
        Element amount = disputes.selectFirst("a.figure[data-indicator=arbitration-claim-amount] data");
        assertEquals("17000000", amount.attr("value"));
        assertEquals("1700余万", amount.text());
    }

    @Test
    void indicatorPagesQuoteAndLinkTheExactParagraphThatStatesTheFigure() {
        Document page = Fixtures.html(site.resolve("indicators/legal-aid-cases.html"));
        Element citation = page.selectFirst("ul.citations li");
        assertEquals("受理法律援助案件1233件;累计受理仲裁案件77件,涉案标的额1700余万元。", citation.selectFirst("blockquote").text());
        String href = citation.selectFirst("a").attr("href");
        assertEquals("../2023/disputes.html#disputes-p3", href);
        Document target = Fixtures.html(site.resolve("2023/disputes.html"));
        assertTrue(Fixtures.shownText(target.getElementById("disputes-p3")).contains("受理法律援助案件1233件"));
    }

    @Test
    void theYearTableHasCaptionsHeaderCellsUnitsAndSources() {
        Document figures = Fixtures.html(site.resolve("2023/figures.html"));
        assertEquals(9, figures.select("table").size(), "one table per area of the report");
        for (Element table : figures.select("table")) {
            assertTrue(table.selectFirst("caption").text().contains("2023年，来源："));
            assertEquals(4, table.select("thead th[scope=col]").size());
            assertFalse(table.select("tbody th[scope=row]").isEmpty());
        }
        assertEquals(52, figures.select("tbody tr").size(), "every 2023 value appears once");
        // A percentage prints its own %: the unit column is left empty rather than repeating it (97.26% %).
        Element rate = figures.selectFirst("tr:contains(行政机关负责人出庭应诉率)");
        assertEquals("97.26%", rate.selectFirst("td.num").text());
        assertEquals("", rate.select("td").get(1).text());
        assertEquals("件", figures.selectFirst("tr:contains(法律援助案件数)").select("td").get(1).text());
    }

    @Test
    void aChangedValueChangesTheSentenceTheTablesTheChartAndTheDownloadsTogether() throws IOException {
        String section = Fixtures.shownText(Fixtures.html(changed.resolve("2023/disputes.html")).selectFirst("main"));
        assertTrue(section.contains("受理法律援助案件4321件"));
        assertFalse(section.contains("1233"));
        assertTrue(Fixtures.html(changed.resolve("2023/figures.html")).select("tr:contains(法律援助案件数) td.num").text().contains("4321"));
        Document page = Fixtures.html(changed.resolve("indicators/legal-aid-cases.html"));
        assertEquals("4321件", page.select("table td.num").first().text());
        assertTrue(page.select(".chart .chart-value").text().contains("4321件"));
        assertTrue(page.select("figcaption").text().contains("4321件"));
        assertTrue(page.select("blockquote").text().contains("4321件"));
        String csv = Files.readString(changed.resolve("opendata/2023.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF"), "CSV starts with a BOM for Excel");
        assertTrue(csv.lines().anyMatch(l -> l.contains("legal-aid-cases") && l.contains(",4321,4321,")), csv);
        assertFalse(csv.contains("1233"));
        JsonNode json = new ObjectMapper().readTree(changed.resolve("opendata/indicators.json").toFile());
        JsonNode legalAid = null;
        for (JsonNode i : json.get("indicators")) {
            if (i.get("id").asText().equals("legal-aid-cases")) {
                legalAid = i;
            }
        }
        assertEquals(4321, legalAid.get("values").get(0).get("value").asInt());
        assertFalse(Files.readString(changed.resolve("opendata/2023.json")).contains("1233"));
    }
}
