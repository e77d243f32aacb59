package cn.fazhi.portal.a11y;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.testsupport.AccessibilityTree;
import cn.fazhi.portal.testsupport.BuiltSites;
import cn.fazhi.portal.testsupport.SiteInBrowser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 字号 choice is what it behaves as, one choice of three: a group named 字号 once, holding three
 * radio buttons of which exactly one is checked, moved with the arrow keys as in every radio group,
 * one stop in the tab order; 长者模式 stays a toggle button. Read from Chromium's accessibility tree
 * on the real site.
 */
class ReaderToolsTest {

    @RegisterExtension
    static final SiteInBrowser real = SiteInBrowser.of(BuiltSites::real);

    @AfterEach
    void forgetTheSettings() {
        if (real.started()) {
            real.driver().executeScript("localStorage.clear()");
        }
    }

    @Test
    void theFontSizeIsOneGroupNamedOnceOfThreeRadiosWithOneChecked() {
        ChromeDriver driver = real.open("2023/index.html");
        AccessibilityTree.Node tools = AccessibilityTree.of(driver, "#reader-tools").orElseThrow();
        String tree = tools.describe();
        List<AccessibilityTree.Node> named = tools.all().filter(n -> n.name().contains("字号")).toList();
        assertEquals(1, named.size(), "字号 is read once:\n" + tree);
        AccessibilityTree.Node group = named.get(0);
        assertTrue(List.of("group", "radiogroup").contains(group.role()), tree);
        List<AccessibilityTree.Node> radios = group.all().filter(n -> n.role().equals("radio")).toList();
        assertEquals(List.of("标准", "大", "特大"), radios.stream().map(AccessibilityTree.Node::name).toList(), tree);
        assertEquals(List.of("true", "false", "false"), radios.stream().map(r -> r.properties().get("checked")).toList(), tree);
        assertEquals(0, tools.all().filter(n -> n.properties().containsKey("pressed") && n.name().matches("标准|大|特大")).count(),
                "no toggle buttons for the sizes:\n" + tree);
        assertEquals(List.of("false"), tools.all().filter(n -> n.name().equals("长者模式") && n.role().equals("button"))
                .map(n -> n.properties().get("pressed")).toList(), "长者模式 stays a toggle button:\n" + tree);
    }

    @Test
    void theArrowKeysChangeTheSizeAndTheGroupIsOneTabStop() {
        ChromeDriver driver = real.open("2023/index.html");
        WebElement normal = driver.findElement(By.cssSelector("#reader-tools input[value=normal]"));
        driver.executeScript("arguments[0].focus()", normal);
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        assertEquals("large", driver.findElement(By.tagName("html")).getAttribute("data-font"));
        assertEquals(List.of("false", "true", "false"), checked(driver));
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        assertEquals("larger", driver.findElement(By.tagName("html")).getAttribute("data-font"));
        assertEquals(List.of("false", "false", "true"), checked(driver));
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
        assertEquals("large", driver.findElement(By.tagName("html")).getAttribute("data-font"));
        assertEquals("large", driver.switchTo().activeElement().getAttribute("value"), "the focus moves with the choice");

        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals("长者模式", driver.switchTo().activeElement().getText(), "one tab stop for the three sizes");
        driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertEquals("large", driver.switchTo().activeElement().getAttribute("value"), "back to the chosen size");

        real.open("indicators/legal-aid-cases.html");
        assertEquals("large", driver.findElement(By.tagName("html")).getAttribute("data-font"), "remembered across pages");
        assertEquals(List.of("false", "true", "false"), checked(driver), "and shown as chosen there");
    }

    @Test
    void theChosenSizeIsVisibleWithoutColourAndEachSizeIsAtLeast44PixelsSquare() {
        ChromeDriver driver = real.open("2023/index.html");
        List<WebElement> labels = driver.findElements(By.cssSelector("#reader-tools .font-sizes label"));
        assertEquals(3, labels.size());
        for (WebElement label : labels) {
            assertTrue(label.isDisplayed());
            assertTrue(label.getRect().getWidth() >= 44 && label.getRect().getHeight() >= 44, label.getText() + " " + label.getRect());
        }
        String style = "var s = getComputedStyle(arguments[0]); return s.fontWeight + ' ' + s.textDecorationLine;";
        assertEquals("700 underline", driver.executeScript(style, labels.get(0)), "the chosen size: bold and underlined");
        assertEquals("400 none", driver.executeScript(style, labels.get(1)));
    }

    @Test
    void theFocusedSizeIsFramedAlsoInForcedColours() {
        ChromeDriver driver = real.open("2023/index.html");
        // Forced colours (Windows contrast themes) drop backgrounds and shadows: the focus must show otherwise.
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "forced-colors", "value", "active"))));
        try {
            assertEquals(Boolean.TRUE, driver.executeScript("return matchMedia('(forced-colors: active)').matches"));
            driver.executeScript("document.querySelector('#reader-tools [data-elder]').focus()");
            driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
            assertEquals("normal", driver.switchTo().activeElement().getAttribute("value"), "the chosen size, reached by keyboard");
            @SuppressWarnings("unchecked")
            Map<String, Object> outline = (Map<String, Object>) driver.executeScript(
                    "var s = getComputedStyle(document.activeElement.closest('label'));"
                    + " return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor};");
            assertFalse("none".equals(outline.get("style")), "the focused label is framed: " + outline);
            assertTrue(((Number) outline.get("width")).doubleValue() >= 2, "at least 2 px: " + outline);
            assertFalse(String.valueOf(outline.get("color")).matches("transparent|rgba\\(.*, 0\\)"), "in a colour that shows: " + outline);
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    @Test
    void theToolsAreHiddenWithoutJavaScriptAndTheSettingsApplyBeforeThePageIsDrawn() {
        Document year = Fixtures.html(real.site().resolve("2023/index.html"));
        assertTrue(year.getElementById("reader-tools").hasAttr("hidden"));
        assertEquals(1, year.select("#reader-tools fieldset[aria-label=字号] legend[aria-hidden=true]").size());
        assertEquals(List.of("normal"), year.select("#reader-tools input[type=radio][checked]").eachAttr("value"),
                "标准 is chosen in the HTML itself");
        Element reader = year.selectFirst("head script[src*=js/reader.js?v=]");
        assertFalse(reader.hasAttr("defer") || reader.hasAttr("async"),
                "reader.js runs before the first paint, so a chosen size never makes the page jump");
    }

    private static List<String> checked(ChromeDriver driver) {
        return driver.findElements(By.cssSelector("#reader-tools input[name=font-size]")).stream()
                .map(r -> String.valueOf(r.isSelected())).toList();
    }
}
