package cn.fazhi.portal.compose;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.testsupport.BuiltSites;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quotes of the real site's indicator pages ({@link BuiltSites#real()}): each paragraph that
 * states a figure is quoted once, word for word, with every place the figure is printed marked.
 */
class IndicatorQuotesTest {

    static Path site;

    @BeforeAll
    static void build() {
        site = BuiltSites.real();
    }

    @Test
    void aParagraphThatStatesTheFigureTwiceIsQuotedOnceWithBothPlacesMarked() {
        // 归集公示行政管理信息类数 (data/indicators.yaml): “推进全市7类…公示7类…”
        Document page = Fixtures.html(site.resolve("indicators/administrative-info-categories.html"));
        Elements quotes = page.select("ul.citations > li");
        assertEquals(1, quotes.size(), quotes.outerHtml());
        Element quote = quotes.first().selectFirst("blockquote");
        assertEquals(List.of("7", "7"), quote.select("mark").eachText());
        String text = quote.text();
        assertTrue(text.startsWith("推进全市7类行政管理信息数据归集公示工作") && text.contains("公示7类行政管理信息9.5万条"), text);
        assertEquals("../2023/digital.html#digital-p2", quotes.first().selectFirst(".citation-source a").attr("href"));
    }

    @Test
    void everyQuoteIsTheReportsOwnWordsWithTheFigureMarkedAndNoParagraphTwice() throws IOException {
        List<Path> indicators;
        try (Stream<Path> files = Files.list(site.resolve("indicators"))) {
            indicators = files.filter(p -> !p.getFileName().toString().equals("index.html")).sorted().toList();
        }
        int quoted = 0;
        for (Path file : indicators) {
            Document page = Fixtures.html(file);
            Set<String> paragraphs = new HashSet<>();
            for (Element quote : page.select("ul.citations > li")) {
                String href = quote.selectFirst(".citation-source a").attr("href");
                assertTrue(paragraphs.add(href), "one quote per paragraph: " + href + " on " + file);
                Elements marks = quote.select("blockquote mark");
                assertFalse(marks.isEmpty(), "the figure is marked: " + file);
                String[] target = href.split("#");
                Element paragraph = Fixtures.html(file.getParent().resolve(target[0])).getElementById(target[1]);
                String words = Fixtures.normalize(quote.selectFirst("blockquote").text());
                assertTrue(Fixtures.normalize(Fixtures.shownText(paragraph)).contains(words), "quoted word for word: " + words);
                // Each mark is a figure of this indicator where the paragraph prints it.
                long printed = paragraph.select("a.figure[data-indicator=" + file.getFileName().toString().replace(".html", "") + "]").size();
                assertEquals(printed, marks.size(), "every place the paragraph prints the figure is marked: " + file);
                quoted++;
            }
        }
        assertTrue(quoted > 40, "the real site's indicator pages quote the report: " + quoted);
    }

    @Test
    void theMarkShowsInElderModeInForcedColoursAndInPrint() {
        String css = Fixtures.read(Fixtures.REPO.resolve("assets/css/site.css"));
        assertTrue(css.contains("mark.figure-mark { background: #fff0a0; color: var(--text); font-weight: 700;"),
                "bold as well as highlighted, so it does not rely on colour");
        assertTrue(css.contains("html.elder mark.figure-mark {"), "elder mode");
        int forced = css.indexOf("@media (forced-colors: active)");
        assertTrue(forced >= 0 && css.indexOf("mark.figure-mark", forced) > forced, "forced colours");
        int print = css.indexOf("@media print");
        assertTrue(print >= 0 && css.indexOf("mark.figure-mark", print) > print, "print");
    }
}
