package org.tdsl.interp.pylib;

import java.time.Instant;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.TdslError;

/**
 * Python's time module. The module is also callable, {@code time()}, as tdsl's builtin of that
 * name always was. sleep() wakes every 50 ms to see whether the run was cancelled (Ctrl-C in
 * the REPL, Session.cancel), so a sleeping program stops as promptly as a computing one.
 */
final class TimeModule {
  private TimeModule() {}

  private static final long ORIGIN = System.nanoTime();

  static PyModule create() {
    PyModule m = new PyModule("time");
    m.function("time()", "Seconds since the epoch, as a float (for timing).", a -> {
      Instant now = Instant.now();  // microseconds, as Python's time.time()
      return now.getEpochSecond() + now.getNano() / 1e9;
    });
    m.function("time_ns()", "Nanoseconds since the epoch, as an int.", a -> {
      Instant now = Instant.now();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    });
    m.function("perf_counter()", "A clock for measuring short durations, in seconds (only differences mean something).",
        a -> (System.nanoTime() - ORIGIN) / 1e9);
    m.function("perf_counter_ns()", "perf_counter() in nanoseconds, as an int.", a -> System.nanoTime() - ORIGIN);
    m.function("monotonic()", "A clock that never goes back, in seconds (only differences mean something).",
        a -> (System.nanoTime() - ORIGIN) / 1e9);
    m.function("process_time()", "CPU seconds used by this thread.", a -> {
      var bean = java.lang.management.ManagementFactory.getThreadMXBean();
      return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() / 1e9 : (System.nanoTime() - ORIGIN) / 1e9;
    });
    m.function("sleep(secs)", "Waits secs seconds (a cancelled run stops waiting).", a -> {
      sleep(Py.real(a.get("secs"), a), a.interpreter());
      return null;
    });
    m.function("strftime(format, t=None)", "The local time formatted with C's % codes (%Y-%m-%d %H:%M:%S, ...).", a -> {
      java.time.ZonedDateTime t = a.get("t") == null ? java.time.ZonedDateTime.now()
          : Instant.ofEpochMilli((long) (Py.real(a.get("t"), a) * 1000)).atZone(java.time.ZoneId.systemDefault());
      return strftime(a.getString("format"), t);
    });
    m.callableAs("time");
    return m;
  }

  private static void sleep(double secs, Interpreter ip) {
    if (secs < 0) throw new TdslError("sleep length must be non-negative");
    long end = System.nanoTime() + (long) (secs * 1e9);
    try {
      for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
        ip.host().checkCancelled();
        Thread.sleep(Math.min(50, Math.max(1, left / 1_000_000)));
      }
      ip.host().checkCancelled();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ip.host().checkCancelled();
    }
  }

  /** C's strftime for the codes programs use to name runs and logs. */
  private static String strftime(String format, java.time.ZonedDateTime t) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%' || i + 1 == format.length()) {
        sb.append(c);
        continue;
      }
      char code = format.charAt(++i);
      switch (code) {
        case 'Y' -> sb.append(String.format("%04d", t.getYear()));
        case 'y' -> sb.append(String.format("%02d", t.getYear() % 100));
        case 'm' -> sb.append(String.format("%02d", t.getMonthValue()));
        case 'd' -> sb.append(String.format("%02d", t.getDayOfMonth()));
        case 'H' -> sb.append(String.format("%02d", t.getHour()));
        case 'I' -> sb.append(String.format("%02d", (t.getHour() + 11) % 12 + 1));
        case 'M' -> sb.append(String.format("%02d", t.getMinute()));
        case 'S' -> sb.append(String.format("%02d", t.getSecond()));
        case 'p' -> sb.append(t.getHour() < 12 ? "AM" : "PM");
        case 'j' -> sb.append(String.format("%03d", t.getDayOfYear()));
        case 'a' -> sb.append(t.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.US));
        case 'A' -> sb.append(t.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.US));
        case 'b' -> sb.append(t.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.US));
        case 'B' -> sb.append(t.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.US));
        case '%' -> sb.append('%');
        default -> sb.append('%').append(code);
      }
    }
    return sb.toString();
  }
}
