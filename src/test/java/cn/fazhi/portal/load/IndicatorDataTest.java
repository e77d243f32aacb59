package cn.fazhi.portal.load;

import cn.fazhi.portal.theme.Theme;
import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.ProblemsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The indicator data model and each mistake an editor can make in it. */
class IndicatorDataTest {

    @Test
    void theRealDataLoadsIntoTypedRecords() {
        Indicators ind = new SiteLoader(Theme.builtIn()).load(new SourceTree(Fixtures.REPO)).indicators();
        assertEquals(9, ind.areas().size());
        assertEquals(ind.definitions().size(), ind.ofYear(2023).size(), "every defined indicator has a 2023 value");
        Figure amount = ind.figure("flexible-enforcement-reduction-amount", 2023).orElseThrow();
        assertEquals("3819万余", amount.printed());
        assertEquals(new BigDecimal("38190000"), amount.quantity());
        assertEquals("functions", amount.section());
    }

    /** Loads the two-year fixture after {@code edit} and returns the first line of each problem. */
    private static List<String> problemsAfter(Path tmp, String file, String from, String to) throws IOException {
        Path src = Fixtures.sourceTree("two-years", tmp);
        Path path = src.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), "the fixture contains " + from);
        Files.writeString(path, text.replace(from, to));
        ProblemsException e = assertThrows(ProblemsException.class, () -> new SiteLoader(Theme.builtIn()).load(new SourceTree(src)));
        return e.problems().stream().map(Problem::format).toList();
    }

    private static void assertOne(List<String> problems, String expectedStart, String hintPart) {
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(expectedStart), problems.get(0));
        assertTrue(problems.get(0).contains("hint: ") && problems.get(0).contains(hintPart), problems.get(0));
    }

    @Test
    void anUnknownFieldIsNamedWithTheAllowedOnes(@TempDir Path tmp) throws IOException {
        assertOne(problemsAfter(tmp, "data/indicators.yaml", "    unit: 件\n", "    unit: 件\n    colour: red\n"),
                "data/indicators.yaml:9: error: unknown field 'colour' (未知字段)", "area, definition, id, name, unit");
    }

    @Test
    void textWhereANumberBelongsIsAWrongType(@TempDir Path tmp) throws IOException {
        assertOne(problemsAfter(tmp, "data/2031.yaml", "value: 1200", "value: 一千二百"),
                "data/2031.yaml:4: error: 'values[0].value' has the value '一千二百', but it must be a number (类型错误)",
                "write a number");
    }

    @Test
    void aDuplicateKeyIsRefused(@TempDir Path tmp) throws IOException {
        assertOne(problemsAfter(tmp, "data/2031.yaml", "    value: 1200\n", "    value: 1200\n    value: 1300\n"),
                "data/2031.yaml:5: error: duplicate field 'value'", "each field may appear once");
    }

    @Test
    void aDuplicateIndicatorIdIsRefused(@TempDir Path tmp) throws IOException {
        assertOne(problemsAfter(tmp, "data/indicators.yaml", "id: fictional-amount", "id: fictional-cases"),
                "data/indicators.yaml:16: error: the indicator id 'fictional-cases' is defined twice (指标重复)",
                "defined once");
    }

    @Test
    void aValueForAnUndefinedIndicatorSuggestsTheClosestId(@TempDir Path tmp) throws IOException {
        List<String> problems = problemsAfter(tmp, "data/2032.yaml", "indicator: fictional-rate", "indicator: fictional-rates");
        assertOne(problems, "data/2032.yaml:7: error: value for an undefined indicator 'fictional-rates' "
                + "(did you mean 'fictional-rate'?) (未定义的指标)", "define it in data/indicators.yaml");
    }

    @Test
    void aMissingUnitIsNamed(@TempDir Path tmp) throws IOException {
        assertOne(problemsAfter(tmp, "data/indicators.yaml", "    unit: 元\n", ""),
                "data/indicators.yaml:16: error: the indicator 'fictional-amount' has no 'unit' (缺少单位)", "add 'unit: …'");
    }

    @Test
    void anUnknownWordingIsNamedWithTheAllowedForms(@TempDir Path tmp) throws IOException {
        assertOne(problemsAfter(tmp, "data/2031.yaml", "wording: N万余", "wording: N千余"),
                "data/2031.yaml:13: error: 'N千余' is not a known wording", "N万余");
    }

    @Test
    void anUnknownReferenceInTheTextSuggestsTheClosestId(@TempDir Path tmp) throws IOException {
        assertOne(problemsAfter(tmp, "content/2031/01-alpha.adoc", "ind:fictional-cases[]", "ind:fictional-case[]"),
                "content/2031/01-alpha.adoc:3: error: unknown indicator 'fictional-case' (did you mean 'fictional-cases'?)",
                "data/indicators.yaml");
    }

    @Test
    void aReferenceToAFigureTheYearLacksIsNamed(@TempDir Path tmp) throws IOException {
        assertOne(problemsAfter(tmp, "content/2032/01-alpha.adoc", "ind:fictional-rate[]", "ind:fictional-amount[]"),
                "content/2032/01-alpha.adoc:3: error: the indicator 'fictional-amount' has no value for 2032", "data/2032.yaml");
    }
}
