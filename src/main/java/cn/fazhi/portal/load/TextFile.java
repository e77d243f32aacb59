package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;
import cn.fazhi.portal.problems.ProblemsException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A source file's text, decoded strictly as UTF-8 with a leading BOM dropped and CRLF/CR line
 * endings turned into LF, so that files saved by Windows editors build exactly like the others.
 *
 * @param path absolute path; null for a file of the built-in theme, which is not in the source
 * @param name source-relative name used in messages
 * @param text normalised text
 */
public record TextFile(Path path, String name, String text) {

    /** A text of the built-in theme (trusted, already UTF-8 with LF line endings), named as messages show it. */
    public static TextFile builtIn(String name, String text) {
        return new TextFile(null, name, text);
    }

    public static TextFile read(SourceTree tree, Path path) {
        String name = tree.relative(path);
        if (Files.isSymbolicLink(path)) {
            // SourceScan refuses links before a build reads anything; this also covers the
            // preview, which re-reads a saved file on its own.
            throw new ProblemsException(SourceScan.link(name, false));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ProblemsException(Problem.at(name, 0, "cannot read the file: " + e.getMessage(),
                    "check that the file exists and is readable"));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemsException(Problem.at(name, lineOfFirstBadByte(bytes),
                    "the file is not UTF-8 text (文件不是 UTF-8 编码)",
                    "save it as UTF-8: in Notepad choose 另存为 > 编码 UTF-8; in WPS/Word export as plain text UTF-8"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        refuseInvisibleCharacters(name, text);
        return new TextFile(path, name, text);
    }

    /**
     * Refuses the characters XML 1.0 does not allow (controls other than TAB and LF, U+FFFE,
     * U+FFFF, a surrogate without its pair) and the C1 controls, which HTML counts as errors: one in
     * a report title made feed.xml unreadable. They are invisible in most editors (pasted from a
     * PDF or a word processor), so the message gives line and column.
     */
    private static void refuseInvisibleCharacters(String name, String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                continue;
            }
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if (c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F || c == 0xFFFE || c == 0xFFFF
                    || Character.isSurrogate(c)) {
                throw new ProblemsException(Problem.at(name, line, String.format(java.util.Locale.ROOT,
                                "column %d holds the invisible character U+%04X, which web pages and feeds cannot hold"
                                        + " (不允许的控制字符)", column, (int) c),
                        "delete it: put the cursor just after the character before it and press Delete;"
                                + " it usually comes from text copied out of a PDF or a word processor"));
            }
            column++;
        }
    }

    /** Best effort: the line of the first byte sequence that is not valid UTF-8. */
    private static int lineOfFirstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }
}
