package cn.fazhi.portal.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into the tokens the site search indexes. Chinese needs no dictionary here: every
 * run of Han characters is indexed as overlapping character bigrams, so any Chinese phrase of two
 * or more characters is found exactly where it occurs (a word segmenter would miss a phrase that
 * it cuts differently in the query and in the text). Runs of other letters and digits are single
 * lower-case tokens.
 *
 * <p>Every token has a position, so the search script can require a query's tokens to be
 * adjacent (a phrase) rather than merely present in the same page:
 * <ul>
 *   <li>a Han run {@code c1…cn} gives the bigrams {@code c1c2 … c(n-1)cn} at positions
 *       {@code p … p+n-2} and the single character {@code cn} at {@code p+n-1}, so each character
 *       starts exactly one token and a one-character query finds every occurrence by prefix;</li>
 *   <li>a run of letters and digits ({@code 2023}, {@code 12348}, {@code pdf}) is one token at one
 *       position, directly after a Han run it touches ({@code 2023年});</li>
 *   <li>anything else (punctuation, spaces) separates tokens and leaves a one-position gap, and so
 *       does the boundary between two fields (title, paragraphs).</li>
 * </ul>
 * {@code assets/js/search.js} applies the same rules to the query; the two must stay in step.
 */
public final class Tokenizer {

    /** One indexed token and its position in the document. */
    public record Token(String text, int position) {
    }

    private final List<Token> tokens = new ArrayList<>();
    private int position;

    /** Adds one field (a title or a paragraph), separated from the previous one by a gap. */
    public Tokenizer add(String field) {
        if (!tokens.isEmpty() || position > 0) {
            position++;
        }
        String s = fold(field);
        int i = 0;
        boolean gap = false;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (isHan(cp)) {
                int end = runEnd(s, i, true);
                int[] at = codePointStarts(s, i, end); // at[k]: where the run's k-th character starts
                int n = at.length - 1;
                for (int k = 0; k + 1 < n; k++) {
                    tokens.add(new Token(s.substring(at[k], at[k + 2]), position + k));
                }
                tokens.add(new Token(s.substring(at[n - 1], at[n]), position + n - 1));
                position += n;
                i = end;
                gap = false;
            } else if (isWord(cp)) {
                int end = runEnd(s, i, false);
                tokens.add(new Token(s.substring(i, end), position));
                position++;
                i = end;
                gap = false;
            } else {
                if (!gap) {
                    position++;
                    gap = true;
                }
                i += Character.charCount(cp);
            }
        }
        return this;
    }

    /** The tokens added so far, in order of position. */
    public List<Token> tokens() {
        return List.copyOf(tokens);
    }

    /** The number of positions used so far (the document's length for ranking). */
    public int length() {
        return position;
    }

    /**
     * Character folding applied to text and query alike, one UTF-16 unit for one, so offsets
     * are kept: full-width ASCII variants ({@code １２３４８}, {@code ＡＢＣ}) become ASCII, the
     * ideographic space a space, and A-Z lower case.
     */
    public static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            b.append(c);
        }
        return b.toString();
    }

    /** A Han (Chinese) character: indexed as bigrams. JavaScript: {@code /\p{Script=Han}/u}. */
    public static boolean isHan(int cp) {
        // Fast answers for the common cases (the script table is a binary search): nothing below
        // U+2E80 is Han, and the CJK Unified Ideographs up to U+9FEF all are.
        if (cp < 0x2E80) {
            return false;
        }
        if (cp >= 0x4E00 && cp <= 0x9FEF) {
            return true;
        }
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /** A letter or decimal digit that is not Han: part of a word. JavaScript: {@code /[\p{L}\p{Nd}]/u}. */
    public static boolean isWord(int cp) {
        return Character.isLetterOrDigit(cp) && !isHan(cp);
    }

    private static int runEnd(String s, int from, boolean han) {
        int i = from;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (han ? !isHan(cp) : !isWord(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /** The offset of each code point in {@code s[from, to)}, and {@code to} at the end. */
    private static int[] codePointStarts(String s, int from, int to) {
        int[] at = new int[s.codePointCount(from, to) + 1];
        int k = 0;
        for (int i = from; i < to; i += Character.charCount(s.codePointAt(i))) {
            at[k++] = i;
        }
        at[k] = to;
        return at;
    }
}
