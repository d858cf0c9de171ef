package org.tdsl.interp.pylib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdsl.interp.FileAccess;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.bind.TdslLibrary;

/** open(): a `with` block that fails leaves the file as it was; paths go through the session's roots. */
class TextFileTest {
  @TempDir Path dir;

  private String run(Interpreter ip, String code) {
    ip.run(code, "t.tdsl", dir);
    return "";
  }

  private Interpreter interpreter(ByteArrayOutputStream out) {
    return new Interpreter(TdslLibrary.standard(), new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @Test
  void aWithBlockThatFailsLeavesTheFileAsItWasAndNoTemporaryBehind() throws Exception {
    Path f = dir.resolve("model.txt");
    Files.writeString(f, "old\n");
    Interpreter ip = interpreter(new ByteArrayOutputStream());
    String p = f.toString();
    TdslError e = assertThrows(TdslError.class, () -> run(ip, "with open('" + p + "', 'w') as out {\n  out.write('half')\n  x = 1 / 0\n}\n"));
    assertEquals("division by zero", e.getMessage());
    assertEquals("old\n", Files.readString(f));
    assertThrows(TdslError.class, () -> run(ip, "with open('" + p + "', 'a') as out {\n  out.write('more')\n  x = [][1]\n}\n"));
    assertEquals("old\n", Files.readString(f));
    try (var s = Files.list(dir)) {
      assertEquals(List.of("model.txt"), s.map(x -> x.getFileName().toString()).toList(), "no temporary file left");
    }
    run(ip, "with open('" + p + "', 'a') as out { out.write('new\\n') }\n");
    assertEquals("old\nnew\n", Files.readString(f));
  }

  @Test
  void aFileNeverClosedStillHoldsWhatWasWritten() throws Exception {
    Path f = dir.resolve("log.txt");
    run(interpreter(new ByteArrayOutputStream()), "open('" + f + "', 'w').write('line\\n')\nlog = open('" + f + "', 'a')\nlog.write('two')\n");
    assertEquals("line\ntwo", Files.readString(f));
  }

  @Test
  void pathsOutsideTheSessionsRootsAreRefusedAndDoNotExist() throws Exception {
    Path inside = Files.createDirectory(dir.resolve("work"));
    Path outside = Files.writeString(dir.resolve("secret.txt"), "s");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Interpreter ip = interpreter(out);
    ip.host().setFileAccess(FileAccess.within(inside, List.of(inside), List.of()));
    run(ip, "with open('a.txt', 'w') as f { f.write('ok') }\nprint(open('a.txt').read(), os.path.exists('a.txt'), os.path.exists('" + outside
        + "'), len(os.environ))\n");
    assertEquals("ok True False 0\n", out.toString(StandardCharsets.UTF_8));
    TdslError e = assertThrows(TdslError.class, () -> run(ip, "open('" + outside + "')\n"));
    assertTrue(e.getMessage().startsWith("PermissionError: "), e.getMessage());
  }
}
