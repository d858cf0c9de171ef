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

  @Test
  void drawnThenErasedOnClose() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Progress bar = Progress.start(2, "x", new PrintStream(bytes, true, StandardCharsets.UTF_8), true)) {
      bar.step(1);
      bar.step(1);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\rx  1/2 ["), text);
    assertTrue(text.contains("\rx  2/2 ["), text);
    assertTrue(text.endsWith("\r\u001b[K"), text);
  }

  @Test
  void linesPrintedDuringTheLoopGoAboveTheBar() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream screen = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    PrintStream program = Progress.guard(screen);
    try (Progress bar = Progress.start(0, "x", screen, true)) {
      bar.step(1);
      program.println("loss 0.5");
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    // the bar is erased, the line printed, the bar drawn again below it, then erased at the end
    assertTrue(text.matches("\rx  1 .*\u001b\\[K\r\u001b\\[Kloss 0.5\n\rx  1 .*\u001b\\[K\r\u001b\\[K"), text.replace("\u001b", "ESC"));
  }

  @Test
  void clockFormats() {
    assertEquals("0:05", Progress.clock(5));
    assertEquals("2:03", Progress.clock(123));
    assertEquals("1:00:01", Progress.clock(3601));
  }
}
