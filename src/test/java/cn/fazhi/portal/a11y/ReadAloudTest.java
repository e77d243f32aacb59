package cn.fazhi.portal.a11y;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.testsupport.AccessibilityTree;
import cn.fazhi.portal.testsupport.BrowserChecks;
import cn.fazhi.portal.testsupport.BuiltSites;
import cn.fazhi.portal.testsupport.SiteInBrowser;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 语音朗读 on the real site, in Chromium with the browser's speech synthesis replaced, before any
 * script of the page runs, by a stub that records what it is asked to say and offers the voices a
 * test gives it: the controls appear only with a zh-CN voice, are reached and worked by keyboard,
 * read the main text in order in zh-CN (from the top, or from the paragraph the reader chose), and
 * pause, resume and stop the voice.
 */
class ReadAloudTest {

    /**
     * Replaces speechSynthesis and SpeechSynthesisUtterance; window.__speech records the calls. It
     * behaves as Chrome's does: utterances wait in a queue and are said one after another; pause()
     * pauses the engine, also when it says nothing, and cancel() empties the queue but leaves it
     * paused, so that what is given to it later waits for a resume(). With __speech.pauseCancels set,
     * pause() drops what is said and queued instead, as on Chrome for Android.
     */
    private static final String STUB = """
            (function () {
              var voices = %s;
              var listeners = [];
              var queue = [];
              var log = window.__speech = { spoken: [], calls: [], current: null, pauseCancels: false };
              function Utterance(text) { this.text = text; this.lang = ''; this.voice = null; this.onend = null; this.onerror = null; }
              /* The engine starts the next utterance when it is free and not paused; spoken lists what it started saying. */
              function next() {
                if (synth.paused || log.current || !queue.length) { return; }
                var u = queue.shift();
                log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null });
                log.current = u;
              }
              function drop() { queue = []; log.current = null; }
              var synth = {
                speaking: false, paused: false, pending: false,
                getVoices: function () { return voices.slice(); },
                speak: function (u) { log.calls.push('speak'); queue.push(u); next(); },
                pause: function () { log.calls.push('pause'); if (log.pauseCancels) { drop(); } else { synth.paused = true; } },
                resume: function () { log.calls.push('resume'); synth.paused = false; next(); },
                cancel: function () {
                  log.calls.push('cancel');
                  drop();
                  try { sessionStorage.setItem('speech-cancelled', String(Number(sessionStorage.getItem('speech-cancelled') || 0) + 1)); } catch (e) {}
                },
                addEventListener: function (type, f) { if (type === 'voiceschanged') { listeners.push(f); } },
                removeEventListener: function () {}
              };
              /* The voice finishes the utterance it is saying (the page then gives it the next); nothing while paused. */
              log.finish = function () {
                if (synth.paused) { return; }
                var u = log.current; log.current = null;
                if (u && u.onend) { u.onend({}); }
                next();
              };
              /* What is being heard: the text of the utterance being said, or null. */
              log.heard = function () { return synth.paused || !log.current ? null : log.current.text; };
              log.setVoices = function (v) { voices = v; listeners.forEach(function (f) { f({}); }); };
              Object.defineProperty(window, 'speechSynthesis', { value: %s, configurable: true });
              window.SpeechSynthesisUtterance = Utterance;
            }());
            """;

    static final String ZH_VOICES = "[{ name: 'English', lang: 'en-US', localService: true },"
            + " { name: 'Online 普通话', lang: 'zh-CN', localService: false },"
            + " { name: 'Local 普通话', lang: 'zh_CN', localService: true }]";

    @RegisterExtension
    static final SiteInBrowser real = SiteInBrowser.of(BuiltSites::real);
    static final List<String> scripts = new ArrayList<>();

    @AfterEach
    void removeTheStub() {
        if (real.started()) {
            for (String id : scripts) {
                real.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
            }
            scripts.clear();
        }
    }

    /** Opens a page of the real site with speechSynthesis stubbed: {@code voices} a JS array, {@code synth} "synth" or "undefined". */
    private static ChromeDriver open(String page, String voices, String synth) {
        ChromeDriver driver = real.driver();
        Map<String, Object> added = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", STUB.formatted(voices, synth)));
        scripts.add((String) added.get("identifier"));
        return real.open(page);
    }

    private static ChromeDriver open(String page) {
        return open(page, ZH_VOICES, "synth");
    }

    @Test
    void theControlsAreAGroupOfButtonsReachedByTabAfterTheOtherReaderTools() {
        ChromeDriver driver = open("2023/index.html");
        WebElement start = driver.findElement(By.cssSelector("#read-aloud [data-read=start]"));
        assertTrue(start.isDisplayed(), "a zh-CN voice: the controls are shown");
        driver.executeScript("document.querySelector('#reader-tools [data-elder]').focus()");
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals(start, driver.switchTo().activeElement(), "朗读全文 follows 长者模式 in the tab order");
        AccessibilityTree.Node group = AccessibilityTree.of(driver, "#read-aloud").orElseThrow();
        assertEquals("group", group.role());
        assertEquals("语音朗读", group.name());
        assertEquals(List.of("朗读全文"), group.all().filter(n -> n.role().equals("button")).map(AccessibilityTree.Node::name).toList(),
                "pause and stop appear once reading starts:\n" + group.describe());
        assertTrue(group.all().anyMatch(n -> n.role().equals("status")), "a polite status:\n" + group.describe());
    }

    @Test
    void readingTheYearPageSaysItsMainTextInOrderInChineseAndMarksTheParagraphBeingRead() {
        ChromeDriver driver = open("2023/index.html");
        driver.findElement(By.cssSelector("#read-aloud [data-read=start]")).sendKeys(Keys.ENTER);
        assertStatus(driver, "正在朗读");
        assertEquals("h1", driver.executeScript("return document.querySelector('.read-aloud-current').localName"),
                "the heading being read is marked");
        assertEquals("solid", driver.executeScript("return getComputedStyle(document.querySelector('.read-aloud-current')).outlineStyle"),
                "with a frame, not only a colour");
        driver.executeScript("while (window.__speech.current) { window.__speech.finish(); }");
        List<Map<String, Object>> spoken = spoken(driver);

        List<String> expected = mainText(Fixtures.html(real.site().resolve("2023/index.html")));
        assertEquals(String.join("", expected), spoken.stream().map(u -> (String) u.get("text")).collect(Collectors.joining()),
                "the main text, in order, every word once");
        assertEquals(expected.get(0), spoken.get(0).get("text"), "the title first");
        assertTrue(expected.get(0).startsWith("中共盘锦市委盘锦市人民政府关于2023年"), expected.get(0));
        assertFalse(spoken.stream().anyMatch(u -> ((String) u.get("text")).contains("目录") || ((String) u.get("text")).contains("单独查看本节")),
                "no navigation read out");
        for (Map<String, Object> u : spoken) {
            assertEquals("zh-CN", u.get("lang"));
            assertEquals("Local 普通话", u.get("voice"), "the zh-CN voice of this device, before an online one");
            assertTrue(((String) u.get("text")).length() <= 100, "paragraphs are said in short pieces: " + u.get("text"));
        }
        assertTrue(spoken.size() > expected.size(), "long paragraphs are cut: " + spoken.size() + " utterances for " + expected.size() + " blocks");
        assertStatus(driver, "朗读完毕");
        assertEquals(0L, driver.executeScript("return document.querySelectorAll('.read-aloud-current').length"), "no mark left");
    }

    @Test
    void pauseResumeAndStopWorkByKeyboard() {
        ChromeDriver driver = open("2023/disputes.html");
        WebElement start = driver.findElement(By.cssSelector("#read-aloud [data-read=start]"));
        WebElement pause = driver.findElement(By.cssSelector("#read-aloud [data-read=pause]"));
        WebElement stop = driver.findElement(By.cssSelector("#read-aloud [data-read=stop]"));
        assertFalse(pause.isDisplayed() || stop.isDisplayed(), "nothing to pause or stop yet");
        start.sendKeys(Keys.ENTER);
        String first = heard(driver);
        assertNotNull(first, "the voice speaks");
        start.sendKeys(Keys.TAB);
        assertEquals(pause, driver.switchTo().activeElement());
        assertEquals("暂停", pause.getText());
        pause.sendKeys(Keys.SPACE);
        assertNull(heard(driver), "silent while paused");
        assertEquals("继续", pause.getText(), "the button now resumes");
        assertStatus(driver, "已暂停");
        pause.sendKeys(Keys.ENTER);
        assertEquals(first, heard(driver), "the piece paused in is said again");
        assertEquals("暂停", pause.getText());
        driver.executeScript("window.__speech.finish()");
        String second = heard(driver);
        assertNotNull(second, "the next piece follows the one finished");
        assertNotEquals(first, second);
        pause.sendKeys(Keys.TAB);
        assertEquals(stop, driver.switchTo().activeElement());
        stop.sendKeys(Keys.ENTER);
        assertNull(heard(driver));
        assertEquals(Boolean.FALSE, driver.executeScript("return speechSynthesis.paused"), "the engine is left un-paused");
        assertStatus(driver, "已停止");
        assertEquals(start, driver.switchTo().activeElement(), "the focus goes back to 朗读全文 when stop disappears");
        assertFalse(pause.isDisplayed() || stop.isDisplayed());
        int said = spoken(driver).size();
        driver.executeScript("window.__speech.finish()");
        assertEquals(said, spoken(driver).size(), "nothing more is said after stop");
    }

    @Test
    void afterAPauseStopThenStartOrStartAloneReadsAgain() {
        for (boolean stopFirst : List.of(true, false)) {
            ChromeDriver driver = open("2023/disputes.html");
            WebElement start = driver.findElement(By.cssSelector("#read-aloud [data-read=start]"));
            start.click();
            String first = heard(driver);
            assertNotNull(first);
            driver.findElement(By.cssSelector("#read-aloud [data-read=pause]")).click();
            assertNull(heard(driver));
            if (stopFirst) {
                driver.findElement(By.cssSelector("#read-aloud [data-read=stop]")).click();
                assertStatus(driver, "已停止");
            }
            start.click();
            assertEquals(first, heard(driver), (stopFirst ? "暂停, 停止, 朗读全文" : "暂停, 朗读全文") + ": the page is read again from the top");
            assertStatus(driver, "正在朗读");
            assertEquals("暂停", driver.findElement(By.cssSelector("#read-aloud [data-read=pause]")).getText());
            driver.executeScript("window.__speech.finish()");
            assertNotNull(heard(driver), "and goes on");
            removeTheStub();
        }
    }

    @Test
    void continueReadsThePiecePausedInAgainAndGoesOnFromThere() {
        for (boolean pauseCancels : List.of(false, true)) {
            ChromeDriver driver = open("2023/disputes.html");
            driver.executeScript("window.__speech.pauseCancels = arguments[0]", pauseCancels);
            String how = pauseCancels ? "where pause() cancels (Chrome for Android)" : "where pause() pauses";
            WebElement start = driver.findElement(By.cssSelector("#read-aloud [data-read=start]"));
            WebElement pause = driver.findElement(By.cssSelector("#read-aloud [data-read=pause]"));
            start.click();
            driver.executeScript("while (window.__speech.current) { window.__speech.finish(); }");
            List<String> all = spoken(driver).stream().map(u -> (String) u.get("text")).toList();
            assertTrue(all.size() >= 3, all.toString());

            start.click();
            driver.executeScript("window.__speech.finish()");
            assertEquals(all.get(1), heard(driver));
            Object marked = driver.executeScript("return document.querySelector('.read-aloud-current')");
            pause.click();
            assertNull(heard(driver), how);
            assertStatus(driver, "已暂停");
            pause.click();
            assertEquals(all.get(1), heard(driver), "继续 says the piece paused in, " + how);
            assertStatus(driver, "继续朗读");
            assertEquals(marked, driver.executeScript("return document.querySelector('.read-aloud-current')"), "the same paragraph is marked");
            driver.executeScript("window.__speech.finish()");
            assertEquals(all.get(2), heard(driver), "then the next, " + how);
            removeTheStub();
        }
    }

    @Test
    void anIndicatorPageReadsItsDefinitionAndTheChartsTextSummary() {
        ChromeDriver driver = open("indicators/legal-aid-cases.html");
        driver.findElement(By.cssSelector("#read-aloud [data-read=start]")).click();
        driver.executeScript("while (window.__speech.current) { window.__speech.finish(); }");
        String said = spoken(driver).stream().map(u -> (String) u.get("text")).collect(Collectors.joining());
        Document page = Fixtures.html(real.site().resolve("indicators/legal-aid-cases.html"));
        String definition = page.selectFirst("dl.indicator-meta dt:containsOwn(定义) + dd").text();
        String summary = page.selectFirst("figure.chart-figure figcaption").text();
        assertFalse(definition.isEmpty() || summary.isEmpty());
        assertTrue(said.contains("定义" + definition), "the definition is read: " + said);
        assertTrue(said.contains(summary), "the chart's text summary is read (the chart itself is hidden from it): " + said);
        assertEquals(String.join("", mainText(page)).replaceAll("[\\s\u3000]", ""), said.replaceAll("[\\s\u3000]", ""),
                "the main text, in order, every word once (not the table's cells)");
    }

    @Test
    void readingStartsAtTheParagraphInFocusOrTheSelectedText() {
        ChromeDriver driver = open("2023/index.html");
        Document page = Fixtures.html(real.site().resolve("2023/index.html"));
        // A figure link in the second paragraph of (七): Tab reaches it, then the reader goes to the controls.
        String paragraph = page.selectFirst("#disputes-p2 p").text();
        driver.executeScript("document.querySelector('#disputes-p2 a').focus()");
        driver.executeScript("document.querySelector('#read-aloud [data-read=start]').focus()");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        String first = (String) spoken(driver).get(0).get("text");
        assertTrue(paragraph.startsWith(first), "starts at the paragraph that had the focus: " + first);
        assertStatus(driver, "正在从所选段落朗读");

        driver.findElement(By.cssSelector("#read-aloud [data-read=stop]")).click();
        String selected = page.selectFirst("#problems-p1 p").text();
        driver.executeScript("var r = document.createRange(); r.selectNodeContents(document.querySelector('#problems-p1 p'));"
                + " getSelection().removeAllRanges(); getSelection().addRange(r);");
        driver.findElement(By.cssSelector("#read-aloud [data-read=start]")).click();
        List<Map<String, Object>> spoken = spoken(driver);
        String from = (String) spoken.get(spoken.size() - 1).get("text");
        assertTrue(selected.startsWith(from), "starts at the paragraph with the selected text: " + from);
    }

    @Test
    void leavingThePageStopsTheVoice() {
        ChromeDriver driver = open("2023/disputes.html");
        driver.executeScript("sessionStorage.removeItem('speech-cancelled')");
        driver.findElement(By.cssSelector("#read-aloud [data-read=start]")).click();
        real.open("2023/index.html");
        assertEquals("2", driver.executeScript("return sessionStorage.getItem('speech-cancelled')"),
                "cancelled when starting and again when the page was left");
    }

    @Test
    void theControlsAppearWhenTheVoicesArriveLate() {
        ChromeDriver driver = open("2023/disputes.html", "[]", "synth");
        WebElement box = driver.findElement(By.id("read-aloud"));
        assertFalse(box.isDisplayed(), "no voice yet");
        driver.executeScript("window.__speech.setVoices([{ name: 'cmn', lang: 'cmn-Hans-CN', localService: true }])");
        assertTrue(box.isDisplayed(), "shown on voiceschanged");
    }

    @Test
    void withoutAChineseVoiceOrWithoutSpeechTheControlsAreHiddenFromEveryone() {
        for (String[] setup : List.of(new String[] {"[{ name: 'English', lang: 'en-US', localService: true },"
                + " { name: 'Taiwan', lang: 'zh-TW', localService: true }]", "synth"}, new String[] {"[]", "undefined"})) {
            ChromeDriver driver = open("2023/disputes.html", setup[0], setup[1]);
            assertFalse(driver.findElement(By.id("read-aloud")).isDisplayed(), setup[0] + " " + setup[1]);
            assertTrue(AccessibilityTree.of(driver, "#read-aloud").isEmpty(), "not in the accessibility tree either");
            assertTrue(driver.findElement(By.cssSelector("#reader-tools .font-sizes")).isDisplayed(), "the other tools are there");
            removeTheStub();
        }
    }

    @Test
    void whileReadingThePagePassesAxe() {
        ChromeDriver driver = open("2023/disputes.html");
        driver.findElement(By.cssSelector("#read-aloud [data-read=start]")).click();
        assertStatus(driver, "正在朗读");
        Results axe = new AxeBuilder().withTags(BrowserChecks.AXE_TAGS).setLegacyMode(true).analyze(driver);
        assertEquals(List.of(), axe.getViolations().stream().map(Rule::getId).toList(),
                axe.getViolations().stream().map(r -> r.getId() + ": " + r.getNodes()).collect(Collectors.joining("\n")));
        assertNotEquals(0L, driver.executeScript("return document.querySelectorAll('.read-aloud-current').length"));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The text read aloud, worked out from the HTML file: the headings, paragraphs, list items, terms
     * and descriptions, table and figure captions of main (not table cells), without navigation,
     * 更新日期, paragraphs and descriptions that are just one link (and their terms), and text only
     * for screen readers.
     */
    static List<String> mainText(Document page) {
        Element main = page.selectFirst("main").clone();
        main.select("nav, .page-updated, [hidden], [aria-hidden=true], .visually-hidden, script").remove();
        List<String> out = new ArrayList<>();
        for (Element block : main.select(BLOCKS)) {
            String text = ownText(block);
            Element dd = block.tagName().equals("dt") ? block.nextElementSibling() : null;
            boolean skipped = oneLink(block, text) || dd != null && dd.tagName().equals("dd") && oneLink(dd, ownText(dd));
            if (!text.isEmpty() && !skipped) {
                out.add(text);
            }
        }
        return out;
    }

    private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, caption, figcaption";

    private static String ownText(Element block) {
        Element own = block.clone();
        own.select(BLOCKS).stream().filter(e -> e != own).forEach(Element::remove);
        return own.text();
    }

    /** A paragraph or a description that is one link (单独查看本节, an address) leads elsewhere: it is not read, nor is its term. */
    private static boolean oneLink(Element block, String text) {
        return (block.tagName().equals("p") || block.tagName().equals("dd")) && block.select("a").size() == 1
                && block.select("a").text().replace(" ", "").equals(text.replace(" ", ""));
    }

    /** Waits a little for the status to say {@code expected} (it is announced after 50 ms), then checks it. */
    private static void assertStatus(ChromeDriver driver, String expected) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d ->
                    expected.equals(d.findElement(By.id("read-aloud-status")).getText()));
        } catch (org.openqa.selenium.TimeoutException e) {
            // reported below
        }
        assertEquals(expected, driver.findElement(By.id("read-aloud-status")).getText());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> spoken(ChromeDriver driver) {
        return (List<Map<String, Object>>) driver.executeScript("return window.__speech.spoken");
    }

    /** What the stub's voice is saying now (null: silent, or paused). */
    private static String heard(ChromeDriver driver) {
        return (String) driver.executeScript("return window.__speech.heard()");
    }
}
