package cn.fazhi.portal.search;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The static search index, written as small JSON files under {@code search/} that
 * {@code assets/js/search.js} fetches as needed:
 *
 * <pre>
 * search/index.json        manifest: format version, content hash, number of shards, and per
 *                          document its site-relative address, title, context, years and length
 * search/shard/&lt;k&gt;.json     postings of every token whose first character c has c mod shards = k:
 *                          {"法律":[[doc,pos,+delta,+delta…],…],…}, documents ascending, positions
 *                          as the first one and then differences
 * search/doc/&lt;id&gt;.json      the document's text, {"p":["paragraph",…]}, fetched only for the results
 *                          shown, to make their snippets
 * </pre>
 *
 * A query fetches the manifest, one shard per distinct first character of its tokens, and the
 * texts of the results on screen, so what a search downloads stays about the same as the site
 * grows. The number of shards is the smallest power of two that keeps the average shard under
 * {@link #TARGET_SHARD_BYTES}. Everything is sorted and hashed from content only, so the same
 * sources always give byte-identical files.
 */
public final class SearchIndex {

    /** Format version, stated in the manifest; the script refuses a version it does not know. */
    public static final int VERSION = 1;
    /** Folder of the index in the site. */
    public static final String FOLDER = "search";
    /** Average shard size the shard count aims at. */
    static final int TARGET_SHARD_BYTES = 8 * 1024;
    private static final int MAX_SHARDS = 1024;

    /**
     * One searchable page.
     *
     * @param path site-relative address, e.g. {@code 2023/disputes.html}
     * @param title the page's title (indexed, shown as the result's link)
     * @param context where the page belongs, shown under the title, e.g. {@code 年度报告 · 一、主要举措及成效}
     * @param years the years the page is about (the year filter)
     * @param paragraphs the page's text, one entry per paragraph (indexed, used for snippets)
     */
    public record Document(String path, String title, String context, List<Integer> years, List<String> paragraphs) {
        public Document {
            years = List.copyOf(years);
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /** What was written: for the build log and the tests. */
    public record Stats(int documents, int tokens, int shards, long bytes) {
    }

    private final ObjectMapper json = new ObjectMapper();

    /** Writes the index of {@code documents} (in the order given, which fixes their ids) into {@code site}. */
    public Stats write(List<Document> documents, Path site) {
        // Gathered in hash maps and sorted once at the end: a sorted map per token occurrence cost
        // more than the rest of the index. Documents are added in id order, so each token's
        // documents come out in id order.
        Map<String, Map<Integer, List<Integer>>> gathered = new HashMap<>();
        List<Integer> lengths = new ArrayList<>();
        for (int id = 0; id < documents.size(); id++) {
            Document d = documents.get(id);
            Tokenizer tokenizer = new Tokenizer().add(d.title());
            d.paragraphs().forEach(tokenizer::add);
            for (Tokenizer.Token t : tokenizer.tokens()) {
                gathered.computeIfAbsent(t.text(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(id, k -> new ArrayList<>()).add(t.position());
            }
            lengths.add(tokenizer.length());
        }
        SortedMap<String, Map<Integer, List<Integer>>> postings = new TreeMap<>(gathered);
        try {
            Map<String, List<List<Integer>>> encoded = new LinkedHashMap<>();
            long total = 0;
            for (var e : postings.entrySet()) {
                List<List<Integer>> list = encode(e.getValue());
                encoded.put(e.getKey(), list);
                total += json.writeValueAsBytes(e.getKey()).length + json.writeValueAsBytes(list).length + 2;
            }
            int shards = shardCount(total);
            List<Map<String, List<List<Integer>>>> byShard = new ArrayList<>();
            for (int k = 0; k < shards; k++) {
                byShard.add(new LinkedHashMap<>());
            }
            encoded.forEach((token, list) -> byShard.get(shardOf(token, shards)).put(token, list));

            Map<String, byte[]> files = new TreeMap<>();
            for (int k = 0; k < shards; k++) {
                files.put("shard/" + k + ".json", json.writeValueAsBytes(byShard.get(k)));
            }
            for (int id = 0; id < documents.size(); id++) {
                files.put("doc/" + id + ".json", json.writeValueAsBytes(Map.of("p", documents.get(id).paragraphs())));
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("version", VERSION);
            manifest.put("hash", hash(files));
            manifest.put("shards", shards);
            List<Map<String, Object>> docs = new ArrayList<>();
            for (int id = 0; id < documents.size(); id++) {
                Document d = documents.get(id);
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("u", d.path());
                x.put("t", d.title());
                x.put("c", d.context());
                x.put("y", d.years());
                x.put("n", lengths.get(id));
                docs.add(x);
            }
            manifest.put("docs", docs);
            files.put("index.json", json.writeValueAsBytes(manifest));

            Path folder = site.resolve(FOLDER);
            long bytes = 0;
            for (var f : files.entrySet()) {
                Path file = folder.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, f.getValue());
                bytes += f.getValue().length;
            }
            return new Stats(documents.size(), postings.size(), shards, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shard a token's postings are in: its first code point modulo the shard count. */
    public static int shardOf(String token, int shards) {
        return token.codePointAt(0) % shards;
    }

    static int shardCount(long totalBytes) {
        int n = 1;
        while (n < MAX_SHARDS && (long) n * TARGET_SHARD_BYTES < totalBytes) {
            n *= 2;
        }
        return n;
    }

    /** {doc → positions} as [[doc, first, +delta, …], …]. */
    /** @param byDoc positions by document id, in increasing id order */
    private static List<List<Integer>> encode(Map<Integer, List<Integer>> byDoc) {
        List<List<Integer>> out = new ArrayList<>();
        byDoc.forEach((doc, positions) -> {
            List<Integer> entry = new ArrayList<>();
            entry.add(doc);
            int previous = 0;
            for (int p : positions) {
                entry.add(p - previous);
                previous = p;
            }
            out.add(entry);
        });
        return out;
    }

    private static String hash(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (var f : files.entrySet()) {
                sha.update(f.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.getValue());
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
