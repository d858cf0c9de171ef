package org.tdsl.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdsl.api.Session;
import org.tdsl.api.TdslException;

/** Program files Python reads that tdsl refused or misread (issue 14, item 6). */
class OddFilesTest {
  @TempDir Path tmp;

  private String run(String name, byte[] bytes) throws IOException {
    Path file = tmp.resolve(name);
    Files.write(file, bytes);
    StringWriter out = new StringWriter();
    Session.builder().output(out).build().eval(file);
    return out.toString();
  }

  @Test
  void aByteOrderMarkIsSkippedAsPythonSkipsIt() throws IOException {
    assertEquals("1\n", run("bom.tdsl", new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'p', 'r', 'i', 'n', 't', '(', '1', ')', '\n'}));
  }

  @Test
  void aLoneCarriageReturnEndsALineAsInPython() throws IOException {
    assertEquals("2\n", run("cr.tdsl", "x = 1\rprint(x + 1)\r".getBytes()));
    assertEquals("3\n", run("crlf.tdsl", "x = 1\r\nprint(x + 2)\r\n".getBytes()));
  }

  @Test
  void aLatin1ByteIsALocatedSyntaxErrorInPythonsWords() throws IOException {
    Path file = tmp.resolve("latin.tdsl");
    Files.write(file, new byte[] {'x', ' ', '=', ' ', '1', '\n', 'y', ' ', '=', ' ', '"', 'c', 'a', 'f', (byte) 0xe9, '"', '\n'});
    TdslException e = assertThrows(TdslException.class, () -> Session.create().eval(file));
    assertEquals(TdslException.Kind.SYNTAX, e.kind());
    assertEquals("Non-UTF-8 code starting with '\\xe9' (tdsl reads programs as UTF-8)", e.message());
    assertEquals(2, e.line());
    assertEquals(9, e.column());
  }
}
