package org.tdsl.interp.console;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A progress bar for long loops, drawn on the terminal's current (last) line and erased by
 * {@link #close()}: {@code train  37/938 [==>       ]   4%  812.3 it/s  0:12 left}.
 * When standard output is not a terminal nothing is drawn at all, so redirected output is
 * exactly what the program printed.
 * <pre>
 * try (Progress bar = Progress.start(loader.size(), "train")) {
 *   for (...) { ...; bar.step(1); }
 * }
 * </pre>
 */
public final class Progress implements AutoCloseable {
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final Object LOCK = new Object();
  private static volatile int columns = columnsFromEnvironment();
  private static Progress shown;  // the bar now on screen, under LOCK
  private static boolean painting;  // under LOCK: the bar itself is writing (the stream may be a guarded one)

  private final long total;
  private final String label;
  private final PrintStream out;
  private final boolean visible;
  private final long startNanos = System.nanoTime();
  private long done;
  private long lastDrawNanos;
  private boolean drawn;

  private Progress(long total, String label, PrintStream out, boolean visible) {
    this.total = total;
    this.label = label;
    this.out = out;
    this.visible = visible;
  }

  /** True when standard output is a terminal that understands cursor movement (TERM is not dumb). */
  public static boolean onTerminal() {
    return Tty.isTerminal(1) && !Tty.dumb();
  }

  /** A bar over {@code total} items (0 or less: unknown total, no bar, only the count and rate) on standard output. */
  public static Progress start(long total, String label) {
    return start(total, label, System.out, onTerminal());
  }

  /** A bar drawn on {@code out}, or an invisible one that only counts when {@code visible} is false. */
  public static Progress start(long total, String label, PrintStream out, boolean visible) {
    return new Progress(total, label == null ? "" : label, out, visible);
  }

  /** The terminal's width, which the REPL keeps up to date; scripts read {@code $COLUMNS} or use 80. */
  public static void setColumns(int width) {
    if (width > 10) columns = width;
  }

  /** The width output should fit: the REPL's terminal, else {@code $COLUMNS}, else 80. */
  public static int columns() {
    return columns;
  }

  public void step() {
    step(1);
  }

  /** Counts {@code n} more items done; redraws at most ten times a second, and at the last item. */
  public void step(long n) {
    synchronized (LOCK) {
      done += n;
      long now = System.nanoTime();
      if (visible && (now - lastDrawNanos >= REDRAW_NANOS || done == total)) {
        lastDrawNanos = now;
        draw();
      }
    }
  }

  public long done() {
    synchronized (LOCK) {
      return done;
    }
  }

  /** Erases the bar; the line it used is empty again. */
  @Override
  public void close() {
    synchronized (LOCK) {
      erase();
      if (shown == this) shown = null;
    }
  }

  /**
   * Wraps the stream a program prints to, so that a line printed while a bar is shown
   * appears above the bar instead of being glued to it.
   */
  public static PrintStream guard(PrintStream target) {
    return new PrintStream(new FilterOutputStream(target) {
      @Override public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }
      @Override public void write(byte[] b, int off, int len) throws IOException {
        synchronized (LOCK) {
          Progress bar = painting ? null : shown;
          if (bar != null) bar.erase();
          target.write(b, off, len);
          if (bar != null && len > 0 && b[off + len - 1] == '\n') bar.draw();
          target.flush();
        }
      }
    }, true, StandardCharsets.UTF_8);
  }

  /** The text of the bar for a terminal {@code width} columns wide. */
  String line(int width, long nanosElapsed) {
    double seconds = Math.max(nanosElapsed / 1e9, 1e-9);
    double rate = done / seconds;
    String count = total > 0 ? done + "/" + total : Long.toString(done);
    String speed = String.format(Locale.ROOT, "%.1f it/s", rate);
    String head = label.isEmpty() ? count : label + "  " + count;
    if (total <= 0) return fit(head + "  " + speed, width);
    String percent = String.format(Locale.ROOT, "%3d%%", (int) (100 * Math.min(done, total) / total));
    String left = rate > 0 ? clock((total - Math.min(done, total)) / rate) + " left" : "?:?? left";
    String tail = percent + "  " + speed + "  " + left;
    int barWidth = Math.min(40, width - 1 - head.length() - tail.length() - 6);
    if (barWidth < 5) return fit(head + "  " + tail, width);
    int filled = (int) (barWidth * Math.min(done, total) / total);
    String bar = "=".repeat(filled) + (filled < barWidth ? ">" + " ".repeat(barWidth - filled - 1) : "");
    return head + " [" + bar + "] " + tail;
  }

  private static String fit(String s, int width) {
    return s.length() < width ? s : s.substring(0, Math.max(0, width - 1));
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  private void draw() {
    if (shown != null && shown != this) shown.erase();
    shown = this;
    paint("\r" + line(columns, System.nanoTime() - startNanos) + "\033[K");
    drawn = true;
  }

  private void erase() {
    if (!drawn) return;
    drawn = false;
    paint("\r\033[K");
  }

  private void paint(String text) {
    painting = true;
    try {
      out.print(text);
      out.flush();
    } finally {
      painting = false;
    }
  }

  private static int columnsFromEnvironment() {
    try {
      return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80"));
    } catch (NumberFormatException e) {
      return 80;
    }
  }
}
