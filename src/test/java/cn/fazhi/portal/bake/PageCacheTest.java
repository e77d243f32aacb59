package cn.fazhi.portal.bake;

import cn.fazhi.portal.pages.Address;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.pages.NotFoundPage;
import cn.fazhi.portal.pages.Page;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A page's key cannot be made to stay the same by an edit: the author of a change chooses the page's
 * model, and with a linear checksum of it (CRC) an edit can be solved for that gives the old
 * checksum, so that a build on top of the last output would keep the old page while a clean build
 * shows the new one. Here such an edit is solved for, and the two models must still have different keys.
 */
class PageCacheTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LETTERS = 96;

    @Test
    void anEditSolvedToKeepTheModelsChecksumStillChangesThePagesKey() throws Exception {
        String before = "a".repeat(LETTERS);
        String after = collidingEdit(before);
        assertNotEquals(before, after);
        byte[] beforeJson = JSON.writeValueAsBytes(model(before));
        byte[] afterJson = JSON.writeValueAsBytes(model(after));
        assertEquals(PageCache.checksum(beforeJson), PageCache.checksum(afterJson), "the edit was solved to keep the CRCs and length");

        assertNotEquals(PageCache.key("layout", page(before)), PageCache.key("layout", page(after)),
                "a changed model is a changed key, whatever its checksum");
    }

    @Test
    void theSameModelGivesTheSameKey() {
        assertEquals(PageCache.key("layout", page("甲")), PageCache.key("layout", page("甲")));
        assertNotEquals(PageCache.key("layout", page("甲")), PageCache.key("other layout", page("甲")));
    }

    private static NotFoundPage model(String home) {
        return new NotFoundPage(null, home, List.of(), "sitemap.html", "search.html");
    }

    private static Page page(String home) {
        return new Page(new Address(Addresses.of("https://example.invalid/"), "404.html", null), "notfound", model(home));
    }

    /**
     * {@code text} with some of its letters 'a' changed to 'c' (one bit, 0x02), chosen so that the
     * model's JSON keeps its length, CRC-32C and CRC-32. Both CRCs are affine in the bits of
     * equal-length inputs, so each letter's flip changes the 64 checksum bits by a fixed vector, and
     * any set of flips whose vectors add up (XOR) to zero leaves the checksums as they were: with
     * more flips (96) than checksum bits (64), Gaussian elimination over GF(2) finds such a set.
     */
    private static String collidingEdit(String text) throws Exception {
        long base = bits(text);
        List<Long> vectors = new ArrayList<>();
        List<BitSet> made = new ArrayList<>(); // which flips each reduced vector is the sum of
        for (int i = 0; i < text.length(); i++) {
            char[] flipped = text.toCharArray();
            flipped[i] ^= 0x02;
            long v = bits(new String(flipped)) ^ base;
            BitSet from = new BitSet();
            from.set(i);
            for (int j = 0; j < vectors.size(); j++) {
                long pivot = Long.highestOneBit(vectors.get(j));
                if ((v & pivot) != 0) {
                    v ^= vectors.get(j);
                    from.xor(made.get(j));
                }
            }
            if (v == 0) { // these flips together change nothing
                char[] edited = text.toCharArray();
                from.stream().forEach(k -> edited[k] ^= 0x02);
                return new String(edited);
            }
            // keep the basis reduced: the new pivot is cleared from the vectors before it
            long pivot = Long.highestOneBit(v);
            for (int j = 0; j < vectors.size(); j++) {
                if ((vectors.get(j) & pivot) != 0) {
                    vectors.set(j, vectors.get(j) ^ v);
                    made.get(j).xor(from);
                }
            }
            vectors.add(v);
            made.add(from);
        }
        throw new AssertionError("more flips than checksum bits always give a dependent set");
    }

    /** The model's two CRCs as one 64-bit vector (the length is the same for every edit). */
    private static long bits(String home) throws Exception {
        String[] parts = PageCache.checksum(JSON.writeValueAsBytes(model(home))).split("-");
        return (Long.parseLong(parts[1], 16) << 32) ^ Long.parseLong(parts[2], 16);
    }
}
