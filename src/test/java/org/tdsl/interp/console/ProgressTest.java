package org.tdsl.interp.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void theLineShowsCountBarRateAndTimeLeft() {
    Progress bar = Progress.start(100, "train", new PrintStream(new ByteArrayOutputStream()), false);
    bar.step(25);
    String line = bar.line(80, 5_000_000_000L);  // 25 items in 5 s: 5 it/s, 75 left: 15 s
    assertTrue(line.startsWith("train  25/100 [====="), line);
    assertTrue(line.endsWith("]  25%  5.0 it/s  0:15 left"), line);
    assertTrue(line.length() < 80, line);
  }

  @Test
  void anUnknownTotalShowsOnlyTheCountAndRate() {
    Progress bar = Progress.start(0, "", new PrintStream(new ByteArrayOutputStream()), false);
    bar.step(30);
    assertEquals("30  10.0 it/s", bar.line(80, 3_000_000_000L));
  }

  @Test
  void aNarrowTerminalDropsTheBar() {
    Progress bar = Progress.start(938, "epoch 1", new PrintStream(new ByteArrayOutputStream()), false);
    bar.step(1);
    assertTrue(bar.line(40, 1_000_000_000L).length() < 40);
    assertTrue(!bar.line(40, 1_000_000_000L).contains("["));
  }

  @Test
  void invisibleWhenNotOnATerminal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Progress bar = Progress.start(10, "x", new PrintStream(bytes), false)) {
      for (int i = 0; i < 10; i++) bar.step(1);
      assertEquals(10, bar.done());
    }
    assertEquals(0, bytes.size());
  }

  /** A clock the test moves: each tick is a tenth of a second, when the bar may redraw. */
  private static final class Ticks implements java.util.function.LongSupplier {
    long now;

    void tick() { now += 100_000_000L; }

    @Override public long getAsLong() { return now; }
  }

  private static String visible(String text) {
    return text.replace("\u001b", "ESC").replace("\r", "CR").replace("\n", "NL");
  }

  @Test
  void drawnAfterATenthOfASecondThenErasedOnClose() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Ticks clock = new Ticks();
    try (Progress bar = Progress.start(3, "x", new PrintStream(bytes, true, StandardCharsets.UTF_8), true, clock)) {
      bar.step(1);  // too soon: nothing yet
      assertEquals(0, bytes.size());
      clock.tick();
      bar.step(1);
      bar.step(1);  // the last item, while the bar is shown
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\rx  2/3 ["), visible(text));
    assertTrue(text.contains("\rx  3/3 ["), visible(text));
    assertTrue(text.endsWith("\r\u001b[K"), visible(text));
  }

  @Test
  void aQuickLoopNeverDraws() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Progress bar = Progress.start(2, "x", new PrintStream(bytes), true, new Ticks())) {
      bar.step(1);
      bar.step(1);
    }
    assertEquals(0, bytes.size());
  }

  @Test
  void linesPrintedDuringTheLoopComeOutWholeAboveTheBar() {
    // wired as the command wires it: the program and the bar both print to the screen's stream
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream program = Screen.over(new PrintStream(bytes, true, StandardCharsets.UTF_8)).stream();
    Ticks clock = new Ticks();
    try (Progress bar = Progress.start(0, "x", program, true, clock)) {
      clock.tick();
      bar.step(1);
      program.println("Train Epoch: 1 [0/1000 (0%)]");
      program.print("X");
      program.println();
      program.println((Object) null);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    // the bar is erased, the line printed whole, the bar drawn again below it, then erased at the end
    String bar = "\rx  1  10\\.0 it/s\u001b\\[K";
    String erase = "\r\u001b\\[K";
    assertTrue(text.matches(bar + erase + "Train Epoch: 1 \\[0/1000 \\(0%\\)\\]\n" + bar + erase + "X\n" + bar + erase + "null\n" + bar + erase),
        visible(text));
  }

  @Test
  void aHalfPrintedLineKeepsTheBarAwayUntilItEnds() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream program = Screen.over(new PrintStream(bytes, true, StandardCharsets.UTF_8)).stream();
    Ticks clock = new Ticks();
    try (Progress bar = Progress.start(0, "x", program, true, clock)) {
      program.print("loss ");
      clock.tick();
      bar.step(1);  // would draw over "loss "
      program.println("0.5");
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("loss 0.5\n\rx  1 "), visible(text));
  }

  @Test
  void errorsOnTheSameTerminalAlsoGoAboveTheBar() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Screen screen = Screen.over(new PrintStream(out, true, StandardCharsets.UTF_8));
    PrintStream errors = screen.guard(new PrintStream(err, true, StandardCharsets.UTF_8));
    Ticks clock = new Ticks();
    Progress bar = Progress.start(0, "x", screen.stream(), true, clock);
    clock.tick();
    bar.step(1);
    errors.println("warning");
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.matches("\rx  1 .*\u001b\\[K\r\u001b\\[K\rx  1 .*\u001b\\[K"), visible(text));
    assertEquals("warning\n", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void clearingTheScreenErasesAnAbandonedBarAndStopsItsRedraws() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Screen screen = Screen.over(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    Ticks clock = new Ticks();
    Progress bar = Progress.start(10, "x", screen.stream(), true, clock);  // never closed
    clock.tick();
    bar.step(1);
    Screen.clear(screen.stream());
    screen.stream().println("2");
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.endsWith("\r\u001b[K2\n"), visible(text));
  }

  @Test
  void theEnvironmentTurnsBarsOff() {
    assertTrue(Progress.enabled(null));
    assertTrue(Progress.enabled("1"));
    assertTrue(!Progress.enabled("0"));
    assertTrue(!Progress.enabled("off"));
    assertTrue(!Progress.enabled("False"));
  }

  @Test
  void clockFormats() {
    assertEquals("0:05", Progress.clock(5));
    assertEquals("2:03", Progress.clock(123));
    assertEquals("1:00:01", Progress.clock(3601));
  }
}
