package org.tdsl.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every script under src/test/resources/scripts and src/test/golden/cases is a test, run in
 * process. Expected stdout: `# expect: TEXT` comments in order (or a twin NAME.out);
 * `# expect error: MESSAGE` means the run fails there with that message. Golden cases:
 * NAME.out is the exact stdout, NAME.err (when present) holds `LINE: MESSAGE`.
 */
class ScriptTests {
  private static final Pattern EXPECT = Pattern.compile("#\\s*expect:(?: (.*))?$");
  private static final Pattern EXPECT_ERROR = Pattern.compile("#\\s*expect error: (.*)$");

  /** The outcome of one run, as the command line would report it. */
  record Outcome(String stdout, int status, TdslError error) {}

  static Outcome run(Path script) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Interpreter interpreter = new Interpreter(org.tdsl.interp.bind.TdslLibrary.standard(), out);
    String name = script.getFileName().toString();
    interpreter.host().setArgv(List.of(name));
    try {
      interpreter.run(Files.readString(script), name, script.toAbsolutePath().getParent());
      return new Outcome(bytes.toString(StandardCharsets.UTF_8), 0, null);
    } catch (TdslError e) {
      return new Outcome(bytes.toString(StandardCharsets.UTF_8), e.isSyntax() ? 2 : 1, e);
    } finally {
      // torch.set_printoptions lasts for the thread, as in PyTorch's process: the next script starts afresh
      org.tdsl.tensor.format.PrintOptions.setCurrent(org.tdsl.tensor.format.PrintOptions.DEFAULT);
    }
  }

  @TestFactory
  Stream<DynamicTest> scripts() throws IOException {
    Path root = Path.of("src/test/resources/scripts");
    assertTrue(Files.isDirectory(root), "missing " + root + ": run the tests from the project root");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".tdsl")).sorted().toList();
    }
    return files.stream().map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> checkScript(p)));
  }

  @TestFactory
  Stream<DynamicTest> golden() throws IOException {
    Path root = Path.of("src/test/golden/cases");
    assertTrue(Files.isDirectory(root), "missing " + root + ": run the tests from the project root");
    List<Path> files;
    try (Stream<Path> s = Files.list(root)) {
      files = s.filter(p -> p.toString().endsWith(".tdsl")).sorted().toList();
    }
    return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> checkGolden(p)));
  }

  private static void checkScript(Path script) throws IOException {
    List<String> lines = Files.readAllLines(script);
    List<String> expected = new ArrayList<>();
    int errorLine = -1;
    String errorMessage = null;
    for (int i = 0; i < lines.size(); i++) {
      Matcher e = EXPECT_ERROR.matcher(lines.get(i));
      if (e.find()) {
        errorLine = i + 1;
        errorMessage = e.group(1);
        continue;
      }
      Matcher m = EXPECT.matcher(lines.get(i));
      if (m.find()) expected.add(m.group(1) == null ? "" : m.group(1));
    }
    Path twin = Path.of(script.toString().replaceAll("\\.tdsl$", ".out"));
    String expectedOut = Files.exists(twin) ? Files.readString(twin)
        : expected.isEmpty() ? "" : String.join("\n", expected) + "\n";
    if (expected.isEmpty() && errorMessage == null && !Files.exists(twin)) {
      fail(script + " has no expectations (# expect: or # expect error: or a .out file)");
    }
    Outcome o = run(script);
    assertEquals(expectedOut, o.stdout(), "stdout of " + script);
    if (errorMessage == null) {
      assertEquals(0, o.status(), () -> "unexpected error: " + o.error().format());
      return;
    }
    assertNotNull(o.error(), "expected an error: " + errorMessage);
    String name = script.getFileName().toString();
    String formatted = o.error().format();
    String prefix = "error: " + name + ":" + errorLine + ":";
    assertTrue(formatted.startsWith(prefix), "expected prefix " + prefix + " in\n" + formatted);
    assertEquals(errorMessage, o.error().getMessage(), formatted);
    boolean syntax = o.error().isSyntax();
    assertEquals(syntax ? 2 : 1, o.status());
  }

  private static void checkGolden(Path script) throws IOException {
    Path outFile = Path.of(script.toString().replaceAll("\\.tdsl$", ".out"));
    Path errFile = Path.of(script.toString().replaceAll("\\.tdsl$", ".err"));
    if (!Files.exists(outFile)) fail("golden case " + script + " has no .out file");
    Outcome o = run(script);
    assertEquals(Files.readString(outFile), o.stdout(), "stdout of " + script);
    if (!Files.exists(errFile)) {
      assertEquals(0, o.status(), () -> "unexpected error: " + o.error().format());
      return;
    }
    String spec = Files.readString(errFile).strip();
    int colon = spec.indexOf(':');
    int line = Integer.parseInt(spec.substring(0, colon).strip());
    String message = spec.substring(colon + 1).strip();
    assertEquals(1, o.status(), "exit status");
    assertEquals(message, o.error().getMessage());
    assertEquals(line, o.error().pos().line(), "error line");
  }
}
