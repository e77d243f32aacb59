package cn.fazhi.portal.opendata;

import cn.fazhi.portal.load.Area;
import cn.fazhi.portal.load.Figure;
import cn.fazhi.portal.load.Indicator;
import cn.fazhi.portal.load.Indicators;
import cn.fazhi.portal.load.Report;
import cn.fazhi.portal.load.Site;
import cn.fazhi.portal.cite.Citation;
import cn.fazhi.portal.cite.Citations;
import cn.fazhi.portal.output.OutputFile;
import cn.fazhi.portal.pages.Addresses;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure as open data: {@code opendata/<year>.csv|json} per year and
 * {@code opendata/indicators.csv|json} for all years, written from the same values as the pages.
 * CSV is UTF-8 with a BOM so that Excel shows Chinese correctly. Columns are documented in README.
 * The CSV's text cells are neutralised for spreadsheets ({@link SpreadsheetCells}); the JSON keeps
 * every text exactly, and the numbers are exact in both.
 */
public final class OpenData {

    /** CSV columns, in order. */
    static final List<String> COLUMNS = List.of("indicator_id", "indicator_name", "area", "unit", "year", "value",
            "printed", "qualifier", "source_section", "source_url");

    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private final CsvMapper csv = new CsvMapper();

    /**
     * The open-data files: one pair per year with figures, and the pair of all indicators (with
     * none yet, only the column headings: the indicator index links to it).
     *
     * @param citations where the reports state each figure (the source columns)
     */
    public List<OutputFile> of(Site site, Addresses at, Citations citations) {
        Indicators ind = site.indicators();
        List<OutputFile> files = new ArrayList<>();
        try {
            List<Map<String, Object>> all = new ArrayList<>();
            for (Report report : site.reports()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Indicator d : ind.definitions()) {
                    ind.figure(d.id(), report.year()).ifPresent(f -> rows.add(row(ind, d, f, citations)));
                }
                if (rows.isEmpty()) {
                    continue;
                }
                all.addAll(rows);
                files.add(csv(at.openData(report.year() + ".csv").path(), rows));
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("year", report.year());
                doc.put("report", report.title());
                doc.put("issuers", report.issuers());
                doc.put("report_url", at.year(report.year()).absolute());
                doc.put("fields", COLUMNS);
                doc.put("figures", rows);
                files.add(new OutputFile(at.openData(report.year() + ".json").path(), json.writeValueAsBytes(doc)));
            }
            all.sort(java.util.Comparator.comparing((Map<String, Object> r) -> String.valueOf(r.get("indicator_id")))
                    .thenComparing(r -> (Integer) r.get("year")));
            files.add(csv(at.openData("indicators.csv").path(), all));
            files.add(new OutputFile(at.openData("indicators.json").path(),
                    json.writeValueAsBytes(indicatorsDoc(ind, at, citations))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private Map<String, Object> indicatorsDoc(Indicators ind, Addresses at, Citations citations) {
        Map<String, Area> areas = ind.areasById();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Indicator d : ind.definitions()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", d.id());
            x.put("name", d.name());
            x.put("area", areas.get(d.area()).name());
            x.put("unit", d.unit());
            x.put("definition", d.definition());
            x.put("page_url", at.indicator(d.id()).absolute());
            x.put("values", ind.series(d.id()).stream().map(f -> row(ind, d, f, citations)).toList());
            list.add(x);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("fields", COLUMNS);
        doc.put("indicators", list);
        return doc;
    }

    private static Map<String, Object> row(Indicators ind, Indicator d, Figure f, Citations citations) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("indicator_id", d.id());
        r.put("indicator_name", d.name());
        r.put("area", ind.areasById().get(d.area()).name());
        r.put("unit", d.unit());
        r.put("year", f.year());
        r.put("value", f.quantity());
        r.put("printed", f.printed());
        r.put("qualifier", f.wording().qualifier());
        Citation c = citations.first(d.id(), f.year()).orElse(null);
        r.put("source_section", c == null ? "" : c.sectionTitle());
        r.put("source_url", c == null ? "" : c.address().absolute());
        return r;
    }

    private OutputFile csv(String path, List<Map<String, Object>> rows) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        List<Map<String, Object>> plain = rows.stream().map(r -> {
            Map<String, Object> p = new LinkedHashMap<>(r);
            p.replaceAll((column, cell) -> cell instanceof String text ? SpreadsheetCells.neutralise(text) : cell);
            p.put("value", ((java.math.BigDecimal) r.get("value")).toPlainString());
            return p;
        }).toList();
        String text = csv.writer(schema.build()).writeValueAsString(plain);
        return OutputFile.text(path, "\uFEFF" + text);
    }
}
