package org.tdsl.interp.console;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A terminal shared by what a program prints and the one progress bar drawn on its last
 * line. Programs print through {@link #stream()} (and errors through {@link #guard}): each
 * write erases the bar, goes out whole, and the bar comes back under it once the line is
 * finished. The bar itself writes straight to the terminal, never through the guarded
 * stream: a PrintStream that is re-entered from inside its own write reuses the byte
 * buffer it is flushing, and the erase sequence would overwrite the head of the line.
 *
 * <p>Who owns the bar: the loop that steps it; when the loop ends, early or not, or the
 * statement that drew it is over ({@link #clear}), the bar leaves the screen.
 */
public final class Screen {
  private static final String ERASE = "\r\033[K";

  private final PrintStream terminal;
  private final PrintStream stream;
  private Progress shown;  // under this: the bar that owns the last line, painted or waiting for a line to end
  private boolean painted;  // under this: the bar's text is on screen now
  private boolean lineStart = true;  // under this: the cursor is at the start of a line (the bar may be drawn)

  private Screen(PrintStream terminal) {
    this.terminal = terminal;
    this.stream = new Guarded(this, terminal);
  }

  /** A screen over terminal; print through {@link #stream()}. */
  public static Screen over(PrintStream terminal) {
    return new Screen(terminal);
  }

  /** The screen a stream made by {@link #stream()} or {@link #guard} belongs to, else null. */
  public static Screen of(PrintStream out) {
    return out instanceof Guarded g ? g.screen : null;
  }

  /** Erases the bar of the screen out belongs to, if any: the statement that drew it is over. */
  public static void clear(PrintStream out) {
    Screen screen = of(out);
    if (screen != null) screen.clear();
  }

  /** The stream programs print to. */
  public PrintStream stream() {
    return stream;
  }

  /** Another stream on the same terminal (stderr): its lines too go above the bar. */
  public PrintStream guard(PrintStream other) {
    return new Guarded(this, other);
  }

  /** Erases the bar now shown, whichever it is, and forgets it; a later step of it draws it again. */
  public synchronized void clear() {
    wipe();
    shown = null;
  }

  /** Makes bar the one on the last line and paints text there, unless a line is half printed (then after it). */
  synchronized void draw(Progress bar, String text) {
    shown = bar;
    if (!lineStart) return;
    terminal.print("\r" + text + "\033[K");
    terminal.flush();
    painted = true;
  }

  /** Erases bar if it is the one shown. */
  synchronized void erase(Progress bar) {
    if (shown == bar) clear();
  }

  synchronized boolean showing(Progress bar) {
    return shown == bar && painted;
  }

  private void wipe() {
    if (!painted) return;
    terminal.print(ERASE);
    terminal.flush();
    painted = false;
  }

  /** A program's bytes to target: the bar goes away first and is drawn again once the line is finished. */
  private synchronized void write(PrintStream target, byte[] b, int off, int len) {
    if (len == 0) return;
    wipe();
    target.write(b, off, len);
    target.flush();
    lineStart = b[off + len - 1] == '\n';
    if (shown != null && lineStart) shown.redraw();
  }

  private static final class Guarded extends PrintStream {
    final Screen screen;

    Guarded(Screen screen, PrintStream target) {
      super(new OutputStream() {
        @Override public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }
        @Override public void write(byte[] b, int off, int len) { screen.write(target, b, off, len); }
        @Override public void flush() { target.flush(); }
      }, true, StandardCharsets.UTF_8);
      this.screen = screen;
    }
  }
}
