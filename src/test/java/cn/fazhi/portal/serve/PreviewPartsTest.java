package cn.fazhi.portal.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of serve that need no server: addresses, the default preview folder, the script tag. */
class PreviewPartsTest {

    @Test
    void hostsAreIpAddressesReadWithoutAnyNameLookup() throws Exception {
        assertTrue(PreviewAddress.parse("0.0.0.0").isAnyLocalAddress());
        assertTrue(PreviewAddress.parse("::").isAnyLocalAddress());
        assertTrue(PreviewAddress.parse("[::]").isAnyLocalAddress());
        assertTrue(PreviewAddress.parse("127.0.0.1").isLoopbackAddress());
        assertTrue(PreviewAddress.parse("::1").isLoopbackAddress());
        assertTrue(PreviewAddress.parse("localhost").isLoopbackAddress());
        assertEquals(InetAddress.getByName("192.168.1.5"), PreviewAddress.parse("192.168.1.5"));
        for (String bad : List.of("", "example.gov.cn", "my-laptop", "256.1.1.1", "1.2.3", "1.2.3.4.5", "1::2::3", "[::1", "0x7f.1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PreviewAddress.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("it is not"), e.getMessage());
        }
    }

    @Test
    void theWildcardAddressIsOpenedAtLoopbackAndOthersAsGiven() throws Exception {
        assertEquals("http://127.0.0.1:8080/", PreviewAddress.local(PreviewAddress.parse("0.0.0.0"), 8080));
        assertEquals("http://127.0.0.1:8080/", PreviewAddress.local(PreviewAddress.parse("127.0.0.1"), 8080));
        assertEquals("http://192.168.1.5:80/", PreviewAddress.local(PreviewAddress.parse("192.168.1.5"), 80));
        assertEquals("http://[0:0:0:0:0:0:0:1]:8080/", PreviewAddress.local(PreviewAddress.parse("::1"), 8080));
        assertFalse(PreviewAddress.reachableFromOthers(PreviewAddress.parse("127.0.0.1")));
        assertTrue(PreviewAddress.reachableFromOthers(PreviewAddress.parse("0.0.0.0")));
        assertEquals(List.of(), PreviewAddress.network(PreviewAddress.parse("127.0.0.1"), 8080));
        assertTrue(PreviewAddress.network(PreviewAddress.parse("0.0.0.0"), 8080).stream()
                .allMatch(u -> u.startsWith("http://") && u.endsWith(":8080/") && !u.contains("127.0.0.1")));
    }

    /** One folder per source folder, beside the caches, never inside the source folder. */
    @Test
    void theDefaultPreviewFolderIsBesideTheCachesAndOnePerSource(@TempDir Path tmp) {
        Path src = tmp.resolve("portal-src");
        Path xdg = tmp.resolve("xdg");
        Path home = tmp.resolve("home");
        Path folder = PreviewFolder.forSource(src, Map.of("XDG_CACHE_HOME", xdg.toString()), home);
        assertTrue(folder.startsWith(xdg.resolve("portal")), folder.toString());
        assertTrue(folder.getParent().getFileName().toString().matches("preview-[0-9a-f]{16}"), folder.toString());
        assertFalse(folder.startsWith(src));
        assertEquals(folder, PreviewFolder.forSource(src.resolve("content/..").resolve("."), Map.of("XDG_CACHE_HOME", xdg.toString()), home));
        assertNotEquals(folder, PreviewFolder.forSource(tmp.resolve("other-src"), Map.of("XDG_CACHE_HOME", xdg.toString()), home));
        Path noXdg = PreviewFolder.forSource(src, Map.of(), home);
        assertTrue(noXdg.startsWith(home.resolve(".cache/portal")), noXdg.toString());
    }

    @Test
    void theReloadScriptGoesIntoTheHeadAndNothingElseChanges() {
        BuildSignal.State state = new BuildSignal.State("r-7", "", false);
        String page = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><title>标题</title>\n</HEAD><body>正文</body></html>";
        String served = new String(LiveReload.withScript(page.getBytes(StandardCharsets.UTF_8), state), StandardCharsets.UTF_8);
        String tag = "<script src=\"/_preview/reload.js\" data-build=\"r-7\" defer></script>\n";
        assertEquals(page.replace("</HEAD>", tag + "</HEAD>"), served);
        assertEquals("<p>无头部</p>" + tag, new String(LiveReload.withScript("<p>无头部</p>".getBytes(StandardCharsets.UTF_8), state),
                StandardCharsets.UTF_8));
    }
}
