package cn.fazhi.portal.render;

/**
 * Finds Asciidoctor's inline passthroughs in a text, in linear time: {@code pass:[…]} (with or
 * without substitutions, {@code pass:q[…]}), and text between a pair of {@code +++} or {@code $$}.
 * A regular expression such as {@code \+\+\+.*\+\+\+} backtracks quadratically on a long line of
 * plus signs; an editor's line can be a megabyte long.
 */
final class Passthroughs {

    private Passthroughs() {
    }

    /** Where the first passthrough in {@code text} starts, or -1. */
    static int find(String text) {
        int best = -1;
        for (int from = text.indexOf("pass:"); from >= 0; from = text.indexOf("pass:", from + 1)) {
            int i = from + "pass:".length();
            while (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == ',')) {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '[') {
                best = from;
                break;
            }
        }
        for (String fence : new String[] {"+++", "$$"}) {
            int open = text.indexOf(fence);
            if (open >= 0 && text.indexOf(fence, open + fence.length() + 1) >= 0 && (best < 0 || open < best)) {
                best = open;
            }
        }
        return best;
    }
}
