package cn.fazhi.portal.search;

import cn.fazhi.portal.testsupport.SiteTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tokenizer's rules and the index files, on small made-up documents. */
class SearchIndexTest {

    @TempDir
    Path tmp;

    private static List<String> tokens(String... fields) {
        Tokenizer t = new Tokenizer();
        for (String f : fields) {
            t.add(f);
        }
        return t.tokens().stream().map(x -> x.text() + "@" + x.position()).toList();
    }

    @Test
    void hanRunsBecomeOverlappingBigramsEndingWithTheLastCharacter() {
        assertEquals(List.of("出庭@0", "庭应@1", "应诉@2", "诉@3"), tokens("出庭应诉"));
        assertEquals(List.of("法@0"), tokens("法"));
    }

    @Test
    void lettersAndDigitsAreWholeLowerCaseWordsNextToTheHanAroundThem() {
        assertEquals(List.of("加强@0", "强@1", "12348@2", "法律@3", "律@4"), tokens("加强12348法律"));
        assertEquals(List.of("2023@0", "年@1"), tokens("2023年"));
        assertEquals(List.of("率@0", "97@1", "26@3"), tokens("率97.26%"), "punctuation leaves a gap");
        assertEquals(List.of("pdf@0", "下载@1", "载@2"), tokens("PDF下载"));
    }

    @Test
    void fullWidthFormsAreFoldedSoTheyMatchWhatPeopleType() {
        assertEquals(List.of("12348@0", "abc@2"), tokens("１２３４８　ＡＢＣ"));
        assertEquals("(七)12348 abc", Tokenizer.fold("（七）１２３４８　ＡＢＣ"));
        assertEquals("（七）".length(), Tokenizer.fold("（七）").length(), "folding keeps every offset");
    }

    @Test
    void punctuationAndFieldsSeparateTokensWithAGapSoPhrasesNeverSpanThem() {
        assertEquals(List.of("正义@0", "义@1", "一是@3", "是@4"), tokens("正义。一是"));
        assertEquals(List.of("标题@0", "题@1", "正文@3", "文@4"), tokens("标题", "正文"));
    }

    @Test
    void charactersOutsideTheBasicPlaneAreOneCharacterEach() {
        assertEquals(List.of("𠀀中@0", "中@1"), tokens("𠀀中"));
    }

    @Test
    void theIndexHasAManifestShardsByFirstCharacterAndTextsWithDeltaCodedPositions() throws IOException {
        List<SearchIndex.Document> docs = List.of(
                new SearchIndex.Document("2023/a.html", "法律援助", "年度报告", List.of(2023), List.of("受理法律援助案件1233件。")),
                new SearchIndex.Document("indicators/b.html", "出庭应诉率", "指标数据", List.of(2022, 2023), List.of("法律")));
        SearchIndex.Stats stats = write(docs, tmp);
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(tmp.resolve("search/index.json").toFile());
        assertEquals(SearchIndex.VERSION, manifest.get("version").asInt());
        assertEquals(1, manifest.get("shards").asInt(), "a tiny index needs one shard");
        assertEquals(stats.shards(), manifest.get("shards").asInt());
        assertEquals("2023/a.html", manifest.at("/docs/0/u").asText());
        assertEquals("出庭应诉率", manifest.at("/docs/1/t").asText());
        assertEquals("[2022,2023]", manifest.at("/docs/1/y").toString());
        assertEquals(16, manifest.at("/docs/0/n").asInt(), "title 4, gap, 8 Han, number, Han, gap");
        JsonNode shard = json.readTree(tmp.resolve("search/shard/0.json").toFile());
        // 法律 is at 0 in doc 0's title and at 7 in its text; at 6 (after the title's 5+gap) in doc 1
        assertEquals("[[0,0,7],[1,6]]", shard.get("法律").toString());
        assertEquals("[[0,13]]", shard.get("1233").toString());
        assertEquals("{\"p\":[\"法律\"]}", Files.readString(tmp.resolve("search/doc/1.json")));
    }

    @Test
    void shardsAreChosenByTheFirstCharacterAndGrowInPowersOfTwo() {
        assertEquals(1, SearchIndex.shardCount(100));
        assertEquals(2, SearchIndex.shardCount(SearchIndex.TARGET_SHARD_BYTES + 1));
        assertEquals(16, SearchIndex.shardCount(15L * SearchIndex.TARGET_SHARD_BYTES));
        assertEquals(SearchIndex.shardOf("法律", 16), SearchIndex.shardOf("法", 16), "a prefix is always in its token's shard");
        assertEquals("法".codePointAt(0) % 16, SearchIndex.shardOf("法律", 16));
    }

    @Test
    void theSameDocumentsAlwaysGiveByteIdenticalFiles() throws IOException {
        List<SearchIndex.Document> docs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            docs.add(new SearchIndex.Document("p" + i + ".html", "第" + i + "节 法治政府", "年度报告", List.of(2000 + i % 10),
                    List.of("推进行政复议质量提升专项行动" + i, "受理法律援助案件" + (i * 37) + "件")));
        }
        write(docs, tmp.resolve("one"));
        write(List.copyOf(docs), tmp.resolve("two"));
        Map<String, String> one = SiteTrees.checksums(tmp.resolve("one"));
        assertEquals(one, SiteTrees.checksums(tmp.resolve("two")));
        assertTrue(one.keySet().stream().filter(n -> n.startsWith("search/shard/")).count() > 1, "large enough to shard");
    }

    @Test
    void aTenTimesLargerSiteGetsMoreShardsNotTenTimesLargerOnes() throws IOException {
        SearchIndex.Stats one = write(syntheticYears(1), tmp.resolve("one"));
        SearchIndex.Stats ten = write(syntheticYears(10), tmp.resolve("ten"));
        assertTrue(ten.bytes() > 8 * one.bytes(), "ten times the text: " + one + " " + ten);
        assertTrue(ten.shards() >= 8 * one.shards(), "the postings are split further: " + one + " " + ten);
        long largestOne = largestShard(tmp.resolve("one"));
        long largestTen = largestShard(tmp.resolve("ten"));
        assertTrue(2 * largestTen < 10 * largestOne && 10 * largestTen < ten.bytes(),
                "what one token costs to fetch grows far slower than the site: " + largestOne + " → " + largestTen);
    }

    /** About one real year's worth of text per year: 70 pages of pseudo-random common characters. */
    private static List<SearchIndex.Document> syntheticYears(int years) {
        java.util.Random random = new java.util.Random(2023);
        List<SearchIndex.Document> docs = new ArrayList<>();
        for (int y = 0; y < years; y++) {
            for (int p = 0; p < 70; p++) {
                StringBuilder text = new StringBuilder();
                for (int c = 0; c < 150; c++) {
                    // skewed like real text: the commonest character is about 2.5% of all
                    text.appendCodePoint(0x4E00 + (int) (1500 * Math.pow(random.nextDouble(), 2)));
                    if (random.nextInt(12) == 0) {
                        text.append('，');
                    }
                }
                docs.add(new SearchIndex.Document((2014 + y) + "/p" + p + ".html", "第" + p + "页", "年度报告",
                        List.of(2014 + y), List.of(text.toString())));
            }
        }
        return docs;
    }

    private static long largestShard(Path site) throws IOException {
        try (Stream<Path> s = Files.list(site.resolve("search/shard"))) {
            return s.mapToLong(p -> p.toFile().length()).max().orElseThrow();
        }
    }

    /** The index made and written into {@code site}, as publishing would. */
    private static SearchIndex.Stats write(List<SearchIndex.Document> docs, Path site) throws IOException {
        SearchIndex.Made made = new SearchIndex().make(docs);
        for (cn.fazhi.portal.output.OutputFile f : made.files()) {
            Path file = site.resolve(f.path());
            Files.createDirectories(file.getParent());
            Files.write(file, f.bytes());
        }
        return made.stats();
    }
}
