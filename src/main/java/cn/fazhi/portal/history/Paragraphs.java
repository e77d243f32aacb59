package cn.fazhi.portal.history;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The published sentences of an AsciiDoc file's text, and what changed between two versions.
 * A change is narrowed to the sentences that differ (common sentences at either end are cut), so a
 * notice quotes the corrected sentence, not the whole paragraph. Comments and the header are not
 * published and never compared.
 */
final class Paragraphs {

    /** A sentence ends with 。！？； (the reports' own punctuation), or the paragraph ends. */
    private static final Pattern SENTENCE = Pattern.compile("[^。！？；;]*[。！？；;]?");

    /** An old and a new wording. */
    record Replaced(String before, String after) {
    }

    private Paragraphs() {
    }

    /** The paragraphs after the header, each on one line, comments left out. */
    static List<String> of(String text) {
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length && (lines[i].isBlank() || lines[i].startsWith("//"))) {
            i++; // blank lines and comments before the title
        }
        if (i < lines.length && lines[i].startsWith("= ")) {
            while (i < lines.length && !lines[i].isBlank()) {
                i++; // the title and the attribute lines
            }
        }
        List<String> paragraphs = new ArrayList<>();
        StringBuilder p = new StringBuilder();
        boolean blockComment = false;
        for (; i < lines.length; i++) {
            String line = lines[i];
            if (line.equals("////")) {
                blockComment = !blockComment;
            } else if (blockComment || line.startsWith("//")) {
                continue;
            } else if (line.isBlank()) {
                flush(p, paragraphs);
            } else {
                p.append(line.strip());
            }
        }
        flush(p, paragraphs);
        return paragraphs;
    }

    private static void flush(StringBuilder p, List<String> paragraphs) {
        if (!p.isEmpty()) {
            paragraphs.add(p.toString());
            p.setLength(0);
        }
    }

    /**
     * The changes from {@code before} to {@code after}: paragraphs alike at either end are cut; the
     * rest, when both sides have as many, are paired one to one, else compared as one block. A
     * paragraph only added or only deleted is no correction of a published sentence.
     */
    static List<Replaced> changes(List<String> before, List<String> after) {
        int start = 0;
        while (start < before.size() && start < after.size() && before.get(start).equals(after.get(start))) {
            start++;
        }
        int endB = before.size();
        int endA = after.size();
        while (endB > start && endA > start && before.get(endB - 1).equals(after.get(endA - 1))) {
            endB--;
            endA--;
        }
        List<String> oldPart = before.subList(start, endB);
        List<String> newPart = after.subList(start, endA);
        List<Replaced> changes = new ArrayList<>();
        if (oldPart.isEmpty() || newPart.isEmpty()) {
            return changes;
        }
        if (oldPart.size() == newPart.size()) {
            for (int i = 0; i < oldPart.size(); i++) {
                changes.add(sentences(oldPart.get(i), newPart.get(i)));
            }
        } else {
            changes.add(sentences(String.join("", oldPart), String.join("", newPart)));
        }
        return changes;
    }

    /** The sentences that differ between two paragraphs. */
    static Replaced sentences(String before, String after) {
        List<String> b = split(before);
        List<String> a = split(after);
        int start = 0;
        while (start < b.size() && start < a.size() && b.get(start).equals(a.get(start))) {
            start++;
        }
        int endB = b.size();
        int endA = a.size();
        while (endB > start && endA > start && b.get(endB - 1).equals(a.get(endA - 1))) {
            endB--;
            endA--;
        }
        return new Replaced(String.join("", b.subList(start, endB)), String.join("", a.subList(start, endA)));
    }

    private static List<String> split(String paragraph) {
        List<String> sentences = new ArrayList<>();
        Matcher m = SENTENCE.matcher(paragraph);
        while (m.find()) {
            if (!m.group().isEmpty()) {
                sentences.add(m.group());
            }
        }
        return sentences;
    }
}
