package cn.fazhi.portal.compose;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.testsupport.BuiltSites;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With two years of (fictional) data ({@link BuiltSites#twoYears()}), indicator pages compute the change and summarise the series. */
class IndicatorHistoryTest {

    static Path site;

    @BeforeAll
    static void build() {
        site = BuiltSites.twoYears();
    }

    @Test
    void theChangeAgainstThePreviousYearIsComputed() {
        Document cases = Fixtures.html(site.resolve("indicators/fictional-cases.html"));
        assertEquals(List.of("2031年", "2032年"), cases.select("tbody th").eachText());
        assertEquals(List.of("1200件", "1500件", "+300件（+25%）"), cases.select("tbody td").eachText());
        Document rate = Fixtures.html(site.resolve("indicators/fictional-rate.html"));
        assertEquals("+1.75个百分点", rate.select("tbody tr").last().select("td").last().text());
    }

    @Test
    void theChartHasOneBarPerYearAndTheSummarySaysWhatItShows() {
        Document cases = Fixtures.html(site.resolve("indicators/fictional-cases.html"));
        assertEquals(2, cases.select(".chart svg.chart-bar rect").size());
        assertEquals(List.of("2031年", "2032年"), cases.select(".chart .chart-year").eachText());
        assertEquals("true", cases.selectFirst(".chart").attr("aria-hidden"));
        assertEquals("虚构案件数：2031年至2032年共2年数据；最高为2032年的1500件，最低为2031年的1200件；2032年较2031年变化+300件（+25%）。",
                cases.selectFirst("figcaption").text());
    }

    @Test
    void anIndicatorListsEveryYearItHasAndEachYearHasItsTable() {
        Document index = Fixtures.html(site.resolve("indicators/index.html"));
        assertTrue(index.select("tr:contains(虚构案件数)").text().contains("2031年、2032年"));
        assertTrue(index.select("tr:contains(虚构金额)").text().endsWith("2031年"));
        assertEquals(3, Fixtures.html(site.resolve("2031/figures.html")).select("tbody tr").size());
        assertEquals(2, Fixtures.html(site.resolve("2032/figures.html")).select("tbody tr").size());
    }
}
