package cn.fazhi.portal.compose;

/**
 * A page's meta description, cut from its own text: search engines show about 120 characters of
 * Chinese. A text that is longer ends at the last sentence end (。！？) in the first
 * {@value #LIMIT} characters, if one comes after the first {@value #MIN_SENTENCE}; else it is cut
 * at {@value #CUT} characters and ends with "…". Whitespace runs become one space.
 */
final class Descriptions {

    static final int LIMIT = 120;
    static final int MIN_SENTENCE = 50;
    static final int CUT = 110;
    private static final String SENTENCE_END = "。！？";

    private Descriptions() {
    }

    /** The description made of {@code text}, or of {@code fallback} when the text is blank. */
    static String of(String text, String fallback) {
        String plain = squeezed(text);
        return cut(plain.isEmpty() ? squeezed(fallback) : plain);
    }

    private static String squeezed(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static String cut(String plain) {
        if (plain.codePointCount(0, plain.length()) <= LIMIT) {
            return plain;
        }
        int limit = plain.offsetByCodePoints(0, LIMIT);
        for (int i = limit - 1; i >= plain.offsetByCodePoints(0, MIN_SENTENCE); i--) {
            if (SENTENCE_END.indexOf(plain.charAt(i)) >= 0) {
                return plain.substring(0, i + 1);
            }
        }
        return plain.substring(0, plain.offsetByCodePoints(0, CUT)) + "…";
    }
}
