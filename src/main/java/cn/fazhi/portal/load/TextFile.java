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
 * @param path absolute path
 * @param name source-relative name used in messages
 * @param text normalised text
 */
public record TextFile(Path path, String name, String text) {

    public static TextFile read(SourceTree tree, Path path) {
        String name = tree.relative(path);
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
        return new TextFile(path, name, text);
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
