package org.tdsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's exit statuses and what it prints, run in process. */
class MainTest {
  @TempDir Path dir;

  record Run(int status, String out, String err) {}

  private Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))).run(args);
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String script(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  @Test
  void aFullHeapIsAnErrorAtTheAllocatingExpressionNotAStackTrace() throws Exception {
    // a JVM of its own with a small heap: 400 MB of zeros cannot fit in 48 MB
    String file = script("big.tdsl", "x = 1\ny = zeros(100, 1000, 1000)\nprint(x)\n");
    org.tdsl.testing.ChildJvm.Run r = org.tdsl.testing.ChildJvm.run(dir, 120, System.getProperty("java.class.path"),
        java.util.List.of("-Xmx48m"), Main.class.getName(), java.util.List.of(file));
    assertEquals(1, r.status(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().contains("big.tdsl:2:5: DefaultCPUAllocator: can't allocate memory: the Java heap is full"
        + " (give it more with TDSL_JAVA_OPTS=-Xmx<size>, e.g. -Xmx4g)\n    2 | y = zeros(100, 1000, 1000)\n"
        + "      |     ^"), r.err());
    assertTrue(!r.err().contains("at org.tdsl"), "no Java stack trace: " + r.err());
  }

  /** The hidden --replay-draws FILE: draws from the recording, a draw out of order located, a bad file a usage error. */
  @Test
  void replayDrawsTakesTheProgramsDrawsFromARecording() throws Exception {
    Path draws = new org.tdsl.io.DrawFileFixture().f32("randn", new int[] {2}, 1, 0.5f, -2f).write(dir.resolve("d.safetensors"));
    assertEquals(new Run(0, "[0.5, -2.0]\n", ""), run("", "--replay-draws", draws.toString(), "-e", "print(randn(2).tolist())"));
    Run wrong = run("", "--replay-draws", draws.toString(), script("w.tdsl", "x = 1\ny = rand(2)\n"));
    assertEquals(1, wrong.status());
    assertTrue(wrong.err().contains("w.tdsl:2:5: random draw 1 of 1 does not match the recording: this program draws rand of shape [2]"
        + " here, the recorded program drew randn of shape [2]"), wrong.err());
    assertTrue(run("", "-e", "print(randn(2).tolist())").out().length() > 0, "no recording: the generator draws again");
    Run missing = run("", "--replay-draws", dir.resolve("none").toString(), "-e", "1");
    assertEquals(2, missing.status());
    assertTrue(missing.err().startsWith("tdsl: --replay-draws: no such file: "), missing.err());
  }

  @Test
  void exitEndsTheScriptAsPythonsSystemExitDoes() throws IOException {
    assertEquals(new Run(0, "1\n", ""), run("", script("a.tdsl", "print(1)\nexit()\nprint(2)\n")));
    assertEquals(new Run(3, "1\n", ""), run("", script("b.tdsl", "def f() { print(1)\n quit(3) }\nf()\nprint(2)\n")));
    assertEquals(new Run(1, "", "bad input\n"), run("", script("c.tdsl", "for i in range(3) { exit('bad input') }\n")));
    assertEquals(new Run(0, "", ""), run("exit(None)\nprint(2)\n"));
  }

  @Test
  void runsCodeGivenWithDashE() {
    Run r = run("", "-e", "print(1 + 1)");
    assertEquals(new Run(0, "2\n", ""), r);
  }

  @Test
  void runsPipedStdinWhenNoFileIsGiven() {
    Run r = run("print(1 + 1)\n");
    assertEquals(new Run(0, "2\n", ""), r);
  }

  @Test
  void passesArgvWithTheScriptNameFirst() throws IOException {
    String f = script("a.tdsl", "print(argv)\n");
    Run r = run("", f, "x", "--y");
    assertEquals("['" + f + "', 'x', '--y']\n", r.out());
    assertEquals(0, r.status());
  }

  @Test
  void runtimeErrorShowsLineCaretAndCallsAndExitsOne() throws IOException {
    String f = script("train.tdsl", "def net(x) {\n  y = x + \"s\"\n  return y\n}\nprint(\"start\")\nnet(1)\n");
    Run r = run("", f);
    assertEquals(1, r.status());
    assertEquals("start\n", r.out());
    assertEquals("error: " + f + ":2:9: unsupported operand type(s) for +: 'int' and 'str'\n"
        + "    2 |   y = x + \"s\"\n"
        + "      |         ^\n"
        + "  in net (" + f + ":2), called from " + f + ":6\n", r.err());
  }

  @Test
  void syntaxErrorExitsTwo() throws IOException {
    String f = script("bad.tdsl", "x = (1 +\n");
    Run r = run("", f);
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("error: " + f + ":1:5: expected ')' to close '(' at 1:5"), r.err());
  }

  @Test
  void checkParsesOnly() throws IOException {
    String good = script("good.tdsl", "print(undefined_name)\n");
    assertEquals(new Run(0, "", ""), run("", "--check", good));
    String bad = script("bad.tdsl", "if x {\n");
    Run r = run("", "--check", bad);
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("error: " + bad + ":1:6: expected '}' to close '{' at 1:6"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run("", "--bogus").status());
    assertEquals(2, run("", dir.resolve("missing.tdsl").toString()).status());
    assertEquals(0, run("", "--help").status());
    assertEquals(new Run(0, Main.VERSION + "\n", ""), run("", "--version"));
  }

  @Test
  void deepRecursionIsAnErrorNotACrash() {
    Run r = run("", "-e", "def f(n) { return f(n + 1) }\nf(0)");
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith("error: <string>:1:19: maximum recursion depth exceeded"), r.err());
  }

  @Test
  void internalErrorsAreOneLineUnlessDebugging() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    java.util.function.Supplier<org.tdsl.interp.Builtins> table = () -> {
      org.tdsl.interp.Builtins b = org.tdsl.interp.Builtins.standard();
      b.register("broken", "broken()", "Always fails.", a -> {
        throw new IllegalStateException("boom");
      });
      return b;
    };
    Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), table);
    assertEquals(1, main.run(new String[] {"-e", "print(1)\nbroken()"}));
    assertEquals("1\n", out.toString(StandardCharsets.UTF_8));
    assertEquals("error: internal error: java.lang.IllegalStateException: boom (run with --debug for the Java trace)\n",
        err.toString(StandardCharsets.UTF_8));
    err.reset();
    assertEquals(1, main.run(new String[] {"--debug", "-e", "broken()"}));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("\tat "), "a Java trace with --debug");
  }

  @Test
  void simpleReplEchoesValuesAndKeepsStateAfterErrors() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String input = "x = 2\nx * 3\nnope\nif x > 1 {\n  print('big')\n}\nelse { print('small') }\n\n[x, (x,)]\n";
    Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    assertEquals(0, main.startRepl());
    String shown = out.toString(StandardCharsets.UTF_8);
    // after the else block nothing can follow: it runs at once, and the blank line is a prompt of its own
    assertTrue(shown.contains(">>> 6\n>>> >>> ... ... ... big\n>>> >>> [2, (2,)]\n>>> \n"), shown);
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: <stdin#3>:1:1: name 'nope' is not defined"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void readingTheGradOfANonLeafWarnsOnStderrOncePerLine() throws IOException {
    String f = script("w.tdsl", "x = tensor(2., requires_grad=True)\nz = x * x\nz.backward()\n"
        + "for i in range(3) { print(z.grad) }\nprint(x.grad)\nz.retain_grad()\nprint(z.grad)\n");
    Run r = run("", f);
    assertEquals(new Run(0, "None\nNone\nNone\ntensor(4.)\nNone\n", r.err()), r);
    String[] lines = r.err().split("\n");
    assertEquals(2, lines.length, r.err());
    assertTrue(lines[0].startsWith(f + ":4: UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor"
        + " is being accessed."), lines[0]);
    assertEquals("  for i in range(3) { print(z.grad) }", lines[1]);
  }

  @Test
  void aWarningAfterAFunctionReturnedNamesTheCallersLine() throws IOException {
    String f = script("w2.tdsl", "def f(t) {\n  return t * 1\n}\nx = tensor(1., requires_grad=True)\nprint(f(x).grad)\n");
    Run r = run("", f);
    assertEquals(0, r.status(), r.err());
    assertTrue(r.err().startsWith(f + ":5: UserWarning: "), r.err());
  }

  @Test
  void severalDashEAreTheProgramsLinesInOrder() {
    assertEquals(new Run(0, "1\n2\n", ""), run("", "-e", "print(1)", "-e", "print(2)"));
    // one program, as perl -e: a block may span two -e, and what follows the last is argv
    assertEquals(new Run(0, "3\n['-e', 'x', '-e']\n", ""),
        run("", "-e", "for i in [3] {", "-e", "print(i) }", "-e", "print(argv)", "x", "-e"));
    assertEquals(2, run("", "-e", "print(1)", "-e").status());
  }

  /** Issue 14: a Latin-1 byte was "can't open file: Input length = 2" plus the usage text. */
  @Test
  void aScriptThatIsNotUtf8IsALocatedSyntaxError() throws java.io.IOException {
    Path latin = dir.resolve("latin.tdsl");
    java.nio.file.Files.write(latin, new byte[] {'x', ' ', '=', ' ', '"', 'c', 'a', 'f', (byte) 0xe9, '"', '\n'});
    for (Run r : List.of(run("", latin.toString()), run("", "--check", latin.toString()))) {
      assertEquals(2, r.status());
      assertTrue(r.err().startsWith("error: " + latin + ":1:9: Non-UTF-8 code starting with '\\xe9' (tdsl reads programs as UTF-8)"), r.err());
      assertTrue(!r.err().contains("usage"), r.err());
    }
  }

  @Test
  void aMissingScriptIsOneLineWithItsAbsolutePath() {
    Path missing = dir.resolve("nope.tdsl");
    Run r = run("", missing.toString());
    assertEquals(new Run(2, "", "tdsl: can't open file '" + missing.toAbsolutePath() + "': No such file or directory\n"), r);
    assertEquals(new Run(2, "", "tdsl: can't open file '" + dir.toAbsolutePath() + "': Is a directory\n"), run("", dir.toString()));
    assertEquals(2, run("", "--check", missing.toString()).status());
    assertEquals(1, run("", "--check", missing.toString()).err().lines().count());
  }

  @Test
  void aScriptKnowsItsOwnPathAsFile() throws IOException {
    String f = script("where.tdsl", "print(__file__)\n");
    assertEquals(new Run(0, Path.of(f).toAbsolutePath() + "\n", ""), run("", f));
    // as python3 -c: no file, no __file__
    assertTrue(run("", "-e", "print(__file__)").err().contains("name '__file__' is not defined"));
  }

  @Test
  void mnistWithoutARootReadsDataBesideTheScriptWhereverItRunsFrom() throws IOException {
    Path data = Files.createDirectories(dir.resolve("project/data/mnist"));
    try (var files = Files.list(Path.of("examples/data/mnist"))) {
      for (Path f : files.toList()) Files.copy(f, data.resolve(f.getFileName()));
    }
    String f = script("project/count.tdsl", "print(len(mnist(train=False)))\n");
    assertEquals(new Run(0, "200\n", ""), run("", f));  // the working directory is the repository, not project/
    Run missing = run("", "-e", "mnist(train=False)");  // -e: beside the working directory, where there is none
    assertTrue(missing.err().contains("not found in " + Path.of("data/mnist").toAbsolutePath()), missing.err());
  }
}
