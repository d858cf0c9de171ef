package org.tdsl.interp.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.console.Screen;

/**
 * A DataLoader's bar on a terminal, seen from a program: a loop that ends early, an
 * abandoned iterator or an error leaves no bar behind to be redrawn under later output.
 * Each batch waits 0.12 s so that the bar (which waits a tenth of a second) is drawn.
 */
class LoaderProgressTest {
  private static final String SLOW = "\n  t = time()\n  while time() - t < 0.12 { pass }\n";
  private static final String SETUP = "loader = DataLoader(TensorDataset(zeros(6, 1)), batch_size=1)\n";

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final Interpreter interpreter =
      new Interpreter(TdslLibrary.standard(), Screen.over(new PrintStream(bytes, true, StandardCharsets.UTF_8)).stream());

  private void run(String source) {
    interpreter.run(source, "<test>", Path.of(""));
  }

  private String screen() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String visible(String text) {
    return text.replace("\u001b", "ESC").replace("\r", "CR").replace("\n", "NL");
  }

  @Test
  void theBarIsDrawnWhileTheLoopRuns() {
    run(SETUP + "for (x,) in loader {" + SLOW + "}\n");
    assertTrue(screen().contains("/6 ["), visible(screen()));
    assertTrue(screen().endsWith("\r\u001b[K"), visible(screen()));
  }

  @Test
  void aLoopLeftByBreakErasesItsBarBeforeWhatFollows() {
    // inside one function call, so only the loop itself can end the bar
    run(SETUP + "def f() {\n  for i, (x,) in enumerate(loader) {" + SLOW + "  if i == 2 { break }\n  }\n  print(\"after\")\n}\nf()\n");
    assertTrue(screen().contains("/6 ["), visible(screen()));
    assertTrue(screen().endsWith("\r\u001b[Kafter\n"), visible(screen()));
  }

  @Test
  void aLoopLeftByReturnErasesItsBar() {
    run(SETUP + "def first() {\n  for i, (x,) in enumerate(loader) {" + SLOW + "  if i == 2 { return x }\n  }\n}\n"
        + "def f() {\n  first()\n  print(\"after\")\n}\nf()\n");
    assertTrue(screen().contains("/6 ["), visible(screen()));
    assertTrue(screen().endsWith("\r\u001b[Kafter\n"), visible(screen()));
  }

  @Test
  void anAbandonedIteratorsBarEndsWithItsStatement() {
    run(SETUP + "it = iter(loader)\ndef two() {\n  next(it)" + SLOW + "  next(it)\n}\ntwo()\nprint(\"after\")\n");
    assertTrue(screen().contains("2/6 ["), visible(screen()));
    assertTrue(screen().endsWith("\r\u001b[Kafter\n"), visible(screen()));
  }

  @Test
  void anErrorInTheLoopLeavesNoBarForTheNextInput() {
    assertThrows(TdslError.class, () -> run(SETUP + "for i, (x,) in enumerate(loader) {" + SLOW + "  if i == 2 { 1/0 }\n}\n"));
    assertTrue(screen().contains("/6 ["), visible(screen()));
    int before = screen().length();
    run("print(1 + 1)\n");
    assertEquals("2\n", screen().substring(before), visible(screen()));
  }

  @Test
  void progressFalseDrawsNothing() {
    run("loader = DataLoader(TensorDataset(zeros(3, 1)), batch_size=1, progress=False)\nfor (x,) in loader {" + SLOW + "}\nprint(\"done\")\n");
    assertEquals("done\n", screen());
  }

  @Test
  void notOnAScreenNothingIsDrawn() {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    Interpreter i = new Interpreter(TdslLibrary.standard(), new PrintStream(plain, true, StandardCharsets.UTF_8));
    i.run(SETUP + "for (x,) in loader {" + SLOW + "}\nprint(\"done\")\n", "<test>", Path.of(""));
    assertEquals("done\n", plain.toString(StandardCharsets.UTF_8));
  }
}
