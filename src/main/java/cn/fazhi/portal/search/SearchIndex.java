package cn.fazhi.portal.search;

import cn.fazhi.portal.output.OutputFile;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** What the index holds: for the build log and the tests. */
    public record Stats(int documents, int tokens, int shards, long bytes) {
    }

    private final ObjectMapper json = new ObjectMapper();

    /** The index's files and what they hold. */
    public record Made(List<OutputFile> files, Stats stats) {
    }

    /** The index of {@code documents}, in the order given, which fixes their ids. */
    public Made make(List<Document> documents) {
        // Each document's positions are grouped by token first, so the site-wide map is touched
        // once per distinct token of a document, not once per occurrence. Documents are added in
        // id order, so each token's postings come out in id order.
        Map<String, List<Posting>> gathered = new HashMap<>();
        List<Integer> lengths = new ArrayList<>();
        for (int id = 0; id < documents.size(); id++) {
            Document d = documents.get(id);
            Tokenizer tokenizer = new Tokenizer().add(d.title());
            d.paragraphs().forEach(tokenizer::add);
            Map<String, List<Integer>> positions = new HashMap<>(); // each token once per document: any order
            for (Tokenizer.Token t : tokenizer.tokens()) {
                positions.computeIfAbsent(t.text(), k -> new ArrayList<>()).add(t.position());
            }
            int doc = id;
            positions.forEach((token, at) -> gathered.computeIfAbsent(token, k -> new ArrayList<>()).add(new Posting(doc, at)));
            lengths.add(tokenizer.length());
        }
        SortedMap<String, List<Posting>> postings = new TreeMap<>(gathered);
        try {
            // Each token's entry ("token":[[doc,pos,+delta…],…]) is written once; a shard is its
            // tokens' entries in token order, which is exactly the JSON object of them.
            Map<String, byte[]> entries = new LinkedHashMap<>();
            long total = 0;
            for (var e : postings.entrySet()) {
                byte[] entry = entry(e.getKey(), e.getValue());
                entries.put(e.getKey(), entry);
                total += entry.length + 1;
            }
            int shards = shardCount(total);
            List<ByteArrayOutputStream> byShard = new ArrayList<>();
            for (int k = 0; k < shards; k++) {
                byShard.add(new ByteArrayOutputStream());
            }
            entries.forEach((token, entry) -> {
                ByteArrayOutputStream shard = byShard.get(shardOf(token, shards));
                shard.write(shard.size() == 0 ? '{' : ',');
                shard.writeBytes(entry);
            });

            Map<String, byte[]> files = new TreeMap<>();
            for (int k = 0; k < shards; k++) {
                ByteArrayOutputStream shard = byShard.get(k);
                if (shard.size() == 0) {
                    shard.write('{');
                }
                shard.write('}');
                files.put("shard/" + k + ".json", shard.toByteArray());
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

            List<OutputFile> made = new ArrayList<>();
            long bytes = 0;
            for (var f : files.entrySet()) {
                made.add(new OutputFile(FOLDER + "/" + f.getKey(), f.getValue()));
                bytes += f.getValue().length;
            }
            return new Made(made, new Stats(documents.size(), postings.size(), shards, bytes));
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

    /** One token's postings in one document: the positions, ascending. */
    private record Posting(int doc, List<Integer> positions) {
    }

    /** {@code "token":[[doc, first, +delta, …], …]}, documents ascending. */
    private byte[] entry(String token, List<Posting> postings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName(token);
            g.writeStartArray();
            for (Posting p : postings) {
                g.writeStartArray();
                g.writeNumber(p.doc());
                int previous = 0;
                for (int at : p.positions()) {
                    g.writeNumber(at - previous);
                    previous = at;
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        byte[] object = out.toByteArray();
        return java.util.Arrays.copyOfRange(object, 1, object.length - 1); // without the braces
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
