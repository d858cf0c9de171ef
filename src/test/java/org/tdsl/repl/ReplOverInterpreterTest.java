package org.tdsl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdsl.interp.Interpreter;

/** The console over the real interpreter, typed into as a person would; and the piped path. */
class ReplOverInterpreterTest {
  @TempDir Path dir;

  private Session session() throws IOException {
    return new Session(null, out -> new InterpreterBackend(Interpreter::new, out));
  }

  @Test
  void echoContinuationAndErrors() throws Exception {
    try (Session s = session()) {
      s.type("x = 10\r").type("x * 2, x != 3\r").awaitScreen("(20, True)");
      s.type("def f(n) {\r  t = 0\r\r  for i in range(n) { t += i }\r  return t\r}\r\r").type("f(5)\r").awaitScreen("\n10\n");
      s.type("f(zzz)\r").awaitScreen("^");
      s.type("f(4)\r").awaitScreen("\n6\n");
      String screen = s.screen();
      assertTrue(screen.contains("... }\n... \n>>> "), screen);
      assertTrue(screen.contains("error: <stdin#5>:1:3: name 'zzz' is not defined\n    1 | f(zzz)\n      |   ^\n"), screen);
    }
  }

  @Test
  void saveWritesAScriptThatRunsAsTheSessionDid() throws Exception {
    Path lib = dir.resolve("lib.tdsl");
    Files.writeString(lib, "c = 40\n");
    Path saved = dir.resolve("saved.tdsl");
    try (Session s = session()) {
      s.type(":load \"" + lib + "\"\r").type("d = c + 2\r").type("d / 0\r").type("print(d)\r").awaitScreen("\n42\n");
      s.type(":save " + saved + "\r").awaitScreen("saved 2 inputs");
    }
    assertEquals("import \"" + lib.toAbsolutePath() + "\"\nd = c + 2\nprint(d)\n", Files.readString(saved));
    assertEquals("42\n", tdsl(null, saved.toString()).out);
  }

  @Test
  void ctrlCCancelsALoopAndKeepsTheVariables() throws Exception {
    try (Session s = session()) {
      s.type("n = 0\r").type("while True { n += 1 }\r\r");
      Thread.sleep(500);
      s.type("\u0003");
      s.awaitScreen("KeyboardInterrupt");
      s.type("n > 0\r").awaitScreen("\nTrue\n");
      assertTrue(s.running());
    }
  }

  @Test
  void tabCompletesKeywordArgumentsAndAttributes() throws Exception {
    try (Session s = session()) {
      s.type("l = [2, 1]\r").type("l.so\t");
      Thread.sleep(300);
      s.type("()\r").type("print(1, 2, sep\t");  // "se" is set, setattr and sep= now
      Thread.sleep(300);
      s.type("'-')\r").awaitScreen("1-2\n");
      s.type("l\r").awaitScreen("[1, 2]");
    }
  }

  /** {@code echo CODE | tdsl} prints exactly what the same code prints as a script file. */
  @Test
  void pipedStdinRunsAsTheScriptWould() throws Exception {
    String code = "x = [1, 2]\nx\nfor i in range(2) {\n\n  print(i)\n}\nprint(x, sep='')\n";
    Path script = dir.resolve("s.tdsl");
    Files.writeString(script, code);
    Result piped = tdsl(code);
    Result file = tdsl(null, script.toString());
    assertEquals("0\n1\n[1, 2]\n", piped.out);
    assertEquals(file.out, piped.out);
    assertEquals(0, piped.status);
    Result error = tdsl("print(1)\nprint(nope)\n");
    assertEquals("1\n", error.out);
    assertEquals(1, error.status);
    assertTrue(error.err.startsWith("error: <stdin>:2:7: name 'nope' is not defined"), error.err);
  }

  private record Result(String out, String err, int status) {}

  private static Result tdsl(String stdin, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "org.tdsl.cli.Main"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    if (stdin != null) p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    return new Result(out, err.replaceAll("WARNING: Using incubator modules: jdk.incubator.vector\n", ""), p.exitValue());
  }
}
