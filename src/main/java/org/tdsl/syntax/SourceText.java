package org.tdsl.syntax;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A program file's bytes as the text the lexer reads, with Python's manners: UTF-8 only (a
 * byte that is not is a located SyntaxError in Python's words, not an I/O failure), a
 * leading byte-order mark skipped, and {@code \r\n} or a lone {@code \r} taken as a line end.
 */
public final class SourceText {
  private SourceText() {}

  /** Reads and decodes a program file; IOException only when the file cannot be read. */
  public static String read(Path file) throws IOException {
    return decode(Files.readAllBytes(file), file.toString());
  }

  /** The text of a program's bytes, or a SyntaxError at the first byte that is not UTF-8. */
  public static String decode(byte[] bytes, String file) {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    if (utf8.decode(in, out, true).isError()) throw notUtf8(bytes, in.position(), file);
    utf8.flush(out);
    return lineEnds(out.flip().toString());
  }

  /** Without a leading BOM, and with every line ending in a plain {@code \n}. */
  public static String lineEnds(String text) {
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    if (text.indexOf('\r') < 0) return text;
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** CPython's words for it, at the offending byte's line and column (counted in characters before it). */
  private static SyntaxError notUtf8(byte[] bytes, int at, String file) {
    int line = 1, lineStart = 0;
    for (int i = 0; i < at; i++) {
      if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= at || bytes[i + 1] != '\n'))) { line++; lineStart = i + 1; }
    }
    String before = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8);
    int col = before.codePointCount(0, before.length()) + 1;
    // CPython adds "in file F on line N", which the location in front of every tdsl error already says
    return new SyntaxError(String.format("Non-UTF-8 code starting with '\\x%02x' (tdsl reads programs as UTF-8)", bytes[at] & 0xff),
        new Pos(file, line, col, 1));
  }

}
