package org.tdsl.repl;

import java.io.IOException;
import java.io.PrintStream;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/**
 * Shows text a screen at a time, as {@code more} does, when it is taller than the terminal:
 * Space for the next screen, Enter for one more line, q (or Ctrl-C, Ctrl-D) to stop. On a
 * dumb terminal, or when the text fits, it is printed as it is.
 */
final class Pager {
  private static final String PROMPT = "-- more -- (Space: next page, Enter: next line, q: stop)";

  private final Terminal terminal;
  private final PrintStream out;

  Pager(Terminal terminal, PrintStream out) {
    this.terminal = terminal;
    this.out = out;
  }

  void show(String text) {
    String[] lines = text.split("\n", -1);
    int height = terminal.getHeight();
    if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())
        || height < 3 || lines.length < height) {
      out.println(text);
      return;
    }
    int shown = 0;
    int page = height - 1;
    Attributes saved = terminal.enterRawMode();
    try {
      while (shown < lines.length) {
        int end = Math.min(lines.length, shown + page);
        for (int i = shown; i < end; i++) out.println(lines[i]);
        shown = end;
        if (shown >= lines.length) break;
        out.print(PROMPT);
        out.flush();
        int key = terminal.reader().read();
        out.print("\r\u001B[K");  // the prompt leaves no trace
        if (key < 0 || key == 'q' || key == 'Q' || key == 3 || key == 4) break;
        page = key == '\r' || key == '\n' ? 1 : height - 1;
      }
    } catch (IOException e) {
      // the terminal went away: nothing more to show
    } finally {
      terminal.setAttributes(saved);
      out.flush();
    }
  }
}
