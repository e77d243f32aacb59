package cn.fazhi.portal.cli;

import cn.fazhi.portal.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** serve's command line: --host, where the preview is written, and the refusals (exit 2) before anything is served. */
class ServeCommandTest {

    @Test
    void aHostThatIsNoAddressOfThisMachineIsWrongUsage(@TempDir Path tmp) {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("src"));
        Cli.Run name = Cli.run("serve", "--source", src.toString(), "--host", "example.gov.cn");
        assertEquals(2, name.exit(), name.err());
        assertTrue(name.err().contains("--host example.gov.cn: it is not an IP address; give an address of this machine,"
                + " e.g. 127.0.0.1 (the default: this machine only) or 0.0.0.0 (every network interface) (监听地址无效)"), name.err());
        // 192.0.2.1 is reserved for documentation: no machine has it.
        Cli.Run elsewhere = Cli.run("serve", "--source", src.toString(), "--host", "192.0.2.1");
        assertEquals(2, elsewhere.exit(), elsewhere.err());
        assertTrue(elsewhere.err().contains("--host 192.0.2.1: no network interface of this machine has this address"), elsewhere.err());
        assertEquals("", name.out() + elsewhere.out(), "nothing built, nothing served");
    }

    @Test
    void aPortInUseIsWrongUsage(@TempDir Path tmp) throws Exception {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("src"));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Cli.Run r = Cli.run("serve", "--source", src.toString(), "--port", String.valueOf(port), "--output", tmp.resolve("p").toString());
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("--port " + port + ": cannot serve on 127.0.0.1 port " + port + " ("), r.err());
            assertTrue(r.err().contains("choose another with --port N (端口不可用)"), r.err());
        }
    }

    /** serve replaces its preview folder at every rebuild: never a folder of the source, nor one holding it. */
    @Test
    void thePreviewFolderMustLieOutsideTheSourceFolder(@TempDir Path tmp) {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("src"));
        Cli.Run inside = Cli.run("serve", "--source", src.toString(), "--output", src.resolve("target/preview").toString());
        assertEquals(2, inside.exit(), inside.err());
        assertTrue(inside.err().contains("--output " + src.resolve("target/preview") + ": the preview must lie outside the source folder,"
                + " since serve replaces the preview folder at every rebuild; choose another with --output DIR (预览目录不能在源目录内)"), inside.err());
        assertFalse(Files.exists(src.resolve("target")));
        Cli.Run holding = Cli.run("serve", "--source", src.toString(), "--output", tmp.toString());
        assertEquals(2, holding.exit(), holding.err());
        assertTrue(holding.err().contains("the preview folder must not hold the source folder"), holding.err());
        Cli.Run missing = Cli.run("serve", "--source", tmp.resolve("no-such-folder").toString());
        assertEquals(2, missing.exit(), missing.err());
        assertTrue(missing.err().contains("no-such-folder: there is no such folder (源目录不存在)"), missing.err());
    }

    @Test
    void helpSaysWhereThePreviewGoesAndNamesHost() {
        Cli.Run r = Cli.run("serve", "--help");
        assertEquals(0, r.exit());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--host=ADDR") && help.contains("0.0.0.0"), help);
        assertTrue(help.contains("The preview is written outside the source folder, by default under $XDG_CACHE_HOME/portal"), help);
        assertTrue(help.contains("open pages then reload by themselves"), help);
    }

    /**
     * The whole command, on every interface: it says where the preview files are (outside the
     * source folder, under the cache folder the tests use), where to open it, and that other
     * machines can reach it. Stopped by interrupting it.
     */
    @Test
    void servesOnEveryInterfaceAndSaysWhere(@TempDir Path tmp) throws Exception {
        Path src = Fixtures.sourceTree("two-years", tmp.resolve("src"));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        int[] exit = {-1};
        Thread serve = new Thread(() -> exit[0] = Main.run("serve", "--source", src.toString(), "--host", "0.0.0.0", "--port", "0"));
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        String printed;
        try {
            serve.start();
            for (int i = 0; i < 1200 && !captured.toString(StandardCharsets.UTF_8).contains("Reachable from"); i++) {
                Thread.sleep(100);
            }
            serve.interrupt();
            serve.join(60_000);
            printed = captured.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals(0, exit[0], printed);
        Matcher files = Pattern.compile("Preview files: (.+) \\(预览文件\\)").matcher(printed);
        assertTrue(files.find(), printed);
        Path folder = Path.of(files.group(1));
        assertFalse(folder.startsWith(src), "the preview is written outside the source folder: " + folder);
        assertTrue(folder.startsWith(Path.of(System.getenv("XDG_CACHE_HOME"), "portal")), folder.toString());
        assertTrue(Files.isRegularFile(folder.resolve("2031/alpha.html")), "written there");
        assertTrue(printed.matches("(?s).*Serving the preview at http://127\\.0\\.0\\.1:\\d+/ \\(Ctrl\\+C stops\\); open pages reload"
                + " after each rebuild \\(自动刷新\\)\\.\n.*"), printed);
        assertTrue(printed.contains("Reachable from other machines on the network, drafts included (其他设备可访问，含草稿): "), printed);
        assertFalse(Files.exists(src.resolve("target")), "nothing is written into the source folder");
    }
}
