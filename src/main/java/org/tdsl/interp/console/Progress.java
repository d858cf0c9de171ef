package org.tdsl.interp.console;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

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
  private static volatile int columns = columnsFromEnvironment();

  private final long total;
  private final String label;
  private final Screen screen;  // null: invisible, only counts
  private final LongSupplier clock;
  private final long startNanos;
  private long done;  // under this
  private long lastDrawNanos;  // under this

  private Progress(long total, String label, Screen screen, LongSupplier clock) {
    this.total = total;
    this.label = label;
    this.screen = screen;
    this.clock = clock;
    this.startNanos = clock.getAsLong();
    this.lastDrawNanos = startNanos;  // the first draw waits a tenth of a second: a quick loop never flickers
  }

  /** True when standard output is a terminal that understands cursor movement (TERM is not dumb). */
  public static boolean onTerminal() {
    return Tty.isTerminal(1) && !Tty.dumb();
  }

  /** True unless the environment turns bars off ({@code TDSL_PROGRESS=0}, as for a screen recording or a slow link). */
  public static boolean enabled() {
    return enabled(System.getenv("TDSL_PROGRESS"));
  }

  static boolean enabled(String setting) {
    if (setting == null) return true;
    return !switch (setting.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "0", "false", "no", "off" -> true;
      default -> false;
    };
  }

  /** A bar over {@code total} items (0 or less: unknown total, no bar, only the count and rate) on standard output. */
  public static Progress start(long total, String label) {
    return start(total, label, System.out, onTerminal() && enabled());
  }

  /**
   * A bar drawn on {@code out}, or an invisible one that only counts when {@code visible} is
   * false. When out is a {@link Screen}'s stream the bar shares that screen with what the
   * program prints.
   */
  public static Progress start(long total, String label, PrintStream out, boolean visible) {
    return start(total, label, out, visible, System::nanoTime);
  }

  static Progress start(long total, String label, PrintStream out, boolean visible, LongSupplier clock) {
    Screen screen = !visible ? null : Screen.of(out) != null ? Screen.of(out) : Screen.over(out);
    return new Progress(total, label == null ? "" : label, screen, clock);
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

  /**
   * Counts {@code n} more items done; redraws at most ten times a second (the first time a
   * tenth of a second after the start), and at the last item when the bar is on screen.
   */
  public void step(long n) {
    boolean showing = screen != null && screen.showing(this);  // asked before taking this bar's lock: the screen's lock comes first
    String text = null;
    synchronized (this) {
      done += n;
      long now = clock.getAsLong();
      if (screen != null && (now - lastDrawNanos >= REDRAW_NANOS || done == total && showing)) {
        lastDrawNanos = now;
        text = text(now);
      }
    }
    if (text != null) screen.draw(this, text);
  }

  public synchronized long done() {
    return done;
  }

  /** Erases the bar; the line it used is empty again. A later step draws it again. */
  @Override
  public void close() {
    if (screen != null) screen.erase(this);
  }

  /** Draws the bar again after a line printed above it (called by the screen). */
  void redraw() {
    String text;
    synchronized (this) {
      text = text(clock.getAsLong());
    }
    screen.draw(this, text);
  }

  private String text(long now) {
    return line(columns, now - startNanos);
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

  private static int columnsFromEnvironment() {
    try {
      return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80"));
    } catch (NumberFormatException e) {
      return 80;
    }
  }
}
