package cn.fazhi.portal.robust;

import cn.fazhi.portal.Fixtures;
import cn.fazhi.portal.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Very large inputs build without crashing: a 10 MB section and a 100 000-line YAML file. Both are
 * over the default limit of 2 MiB per text file, so each raises it in data/site.yaml as a site
 * that needs such files would.
 */
class LargeInputTest {

    private static Path withLargeTextFiles(Path src) throws IOException {
        Path site = src.resolve("data/site.yaml");
        Files.writeString(site, Files.readString(site) + "limits:\n  text_file_mib: 16\n");
        return src;
    }

    @Test
    void aTenMegabyteSectionBuilds(@TempDir Path tmp) throws IOException {
        Path src = withLargeTextFiles(Fixtures.sourceTree("two-years", tmp.resolve("src")));
        StringBuilder text = new StringBuilder("= 三、虚构的超长部分（测试用）\n");
        String paragraph = "这是为测试超大章节而重复的虚构段落，内容没有任何实际意义，只用于检验生成器在处理十兆字节的章节时不会崩溃。".repeat(4);
        int n = 0;
        long bytes = 0;
        while (bytes < 10L * 1024 * 1024 + 4096) {
            String block = "\n" + (++n) + "、" + paragraph + "\n";
            bytes += block.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            text.append(block);
        }
        Path big = src.resolve("content/2031/03-huge.adoc");
        Files.writeString(big, text);
        assertTrue(Files.size(big) >= 10L * 1024 * 1024, "the section is at least 10 MB");
        Path site = tmp.resolve("site");
        try (Pipeline pipeline = new Pipeline()) {
            pipeline.build(new Pipeline.Options(src, site, false, null));
        }
        String page = Files.readString(site.resolve("2031/huge.html"));
        assertTrue(page.contains("id=\"huge-p" + n + "\""), "every paragraph was converted and anchored");
    }

    @Test
    void aHundredThousandLineYamlFileBuilds(@TempDir Path tmp) throws IOException {
        Path src = withLargeTextFiles(Fixtures.sourceTree("two-years", tmp.resolve("src")));
        StringBuilder yaml = new StringBuilder(Files.readString(src.resolve("data/indicators.yaml")));
        int indicators = 0;
        while (yaml.chars().filter(c -> c == '\n').count() < 100_000) {
            indicators++;
            yaml.append("  - id: fictional-bulk-").append(indicators).append('\n')
                    .append("    name: 虚构批量指标").append(indicators).append('\n')
                    .append("    unit: 件\n    area: alpha-area\n    definition: |\n");
            for (int line = 0; line < 95; line++) {
                yaml.append("      虚构的多行定义，第").append(line + 1).append("行（测试用）。\n");
            }
        }
        Path file = src.resolve("data/indicators.yaml");
        Files.writeString(file, yaml);
        assertTrue(Files.readAllLines(file).size() >= 100_000);
        Path site = tmp.resolve("site");
        try (Pipeline pipeline = new Pipeline()) {
            // The preview: it shows every indicator, the published site only those with a figure.
            pipeline.build(new Pipeline.Options(src, site, true, null));
        }
        assertTrue(Files.isRegularFile(site.resolve("indicators/fictional-bulk-" + indicators + ".html")));
        assertEquals(indicators + 3, Fixtures.html(site.resolve("indicators/index.html")).select("tbody tr").size());
    }
}
