package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an SVG file in assets/ may not contain: the parts that run code when the picture is opened
 * on the site's address (scripts, event attributes, javascript: addresses, HTML in a foreignObject,
 * and entity declarations, which can spell any of these so that no text search finds it).
 *
 * <p>Policy, as for raw HTML in sections: refused, not silently cleaned, so whoever added the
 * picture learns at once and fixes it where it was drawn.
 */
final class SvgRules {

    /** A forbidden element; every alternative is a plain word list, so matching is linear. */
    private static final Pattern ELEMENT = Pattern.compile(
            "(?i)<\\s*(script|foreignObject|iframe|embed|object|handler|listener|!ENTITY)\\b");
    private static final Pattern EVENT = Pattern.compile("(?i)(?:^|[\\s\"'/])(on[a-z]+)\\s*=");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("(?i)&#(x[0-9a-f]{1,6}|[0-9]{1,7});?");
    private static final String HINT = "remove it where the picture was drawn and export it again as plain SVG, or use"
            + " PNG; assets are published as they are, so it would run on the site (the portal refuses rather than"
            + " silently cleaning the file, so you know the picture must change)";

    private SvgRules() {
    }

    static List<Problem> check(TextFile file) {
        List<Problem> problems = new ArrayList<>();
        String[] lines = file.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            find(lines[i]).ifPresent(what -> problems.add(Problem.at(file.name(), line, message(what), HINT)));
        }
        // An address split over two lines: found only in the whole text, so no line to name.
        if (problems.isEmpty() && scriptAddress(file.text().replace("\n", ""))) {
            problems.add(Problem.at(file.name(), 0, message("a javascript: address"), HINT));
        }
        return problems;
    }

    private static String message(String what) {
        return "the SVG image contains " + what + ", which could run code on the site (SVG 中不允许脚本)";
    }

    private static Optional<String> find(String line) {
        Matcher element = ELEMENT.matcher(line);
        if (element.find()) {
            String name = element.group(1);
            return Optional.of(name.startsWith("!") ? "an entity declaration (<!ENTITY>)" : "the element <" + name + ">");
        }
        Matcher event = EVENT.matcher(line);
        if (event.find()) {
            return Optional.of("the event attribute " + event.group(1).toLowerCase(java.util.Locale.ROOT) + "=");
        }
        if (scriptAddress(line)) {
            return Optional.of("a javascript: address");
        }
        return Optional.empty();
    }

    /** A javascript: or vbscript: address, also when spelled with character references or spaces. */
    private static boolean scriptAddress(String text) {
        Matcher m = NUMERIC_ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder(text.length());
        while (m.find()) {
            String n = m.group(1);
            int c = n.charAt(0) == 'x' || n.charAt(0) == 'X' ? Integer.parseInt(n.substring(1), 16) : Integer.parseInt(n);
            m.appendReplacement(decoded, Character.isValidCodePoint(c) ? Matcher.quoteReplacement(Character.toString(c)) : "");
        }
        m.appendTail(decoded);
        String squeezed = decoded.toString().replaceAll("(?i)&colon;", ":").replaceAll("(?i)&(tab|newline);", "").replaceAll("[\\s\\x00-\\x1F]+", "")
                .toLowerCase(java.util.Locale.ROOT);
        return squeezed.contains("javascript:") || squeezed.contains("vbscript:");
    }
}
