package org.tdsl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

/** A screen at a time on a terminal; everything at once where there is no screen to fill. */
class PagerTest {
  private static final String TEXT = IntStream.rangeClosed(1, 12).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));

  private static String shown(String type, String keys) throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    PipedOutputStream typed = new PipedOutputStream();
    try (Terminal terminal = new ExternalTerminal("test", type,
        new PipedInputStream(typed), screen, StandardCharsets.UTF_8)) {
      terminal.setSize(new Size(80, 5));
      // The keys arrive once echo is off, as they would while the pager holds the terminal in
      // raw mode; typed earlier, the terminal's input thread would echo them in a race.
      terminal.echo(false);
      typed.write(keys.getBytes(StandardCharsets.UTF_8));
      typed.close();
      PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
      new Pager(terminal, out).show(TEXT);
      out.flush();
    }
    return Session.plain(screen.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aTerminalShowsAPageThenWaitsForAKey() throws Exception {
    String more = "-- more -- (Space: next page, Enter: next line, q: stop)";
    assertEquals("line 1\nline 2\nline 3\nline 4\n" + more + "line 5\nline 6\nline 7\nline 8\n" + more + "line 9\n" + more,
        shown("xterm", " \rq"));
  }

  @Test
  void aDumbTerminalGetsThePlainText() throws Exception {
    assertEquals(TEXT + "\n", shown(Terminal.TYPE_DUMB, ""));
  }
}
