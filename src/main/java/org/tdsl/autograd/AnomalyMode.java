package org.tdsl.autograd;

import java.util.function.Supplier;

/**
 * Anomaly detection, per thread: while enabled, every node remembers where it was created (a
 * string the host supplies, e.g. the script's call stack) and backward checks every gradient a
 * node returns for NaN: {@code Function 'DivBackward0' returned nan values in its 0th output.}
 */
public final class AnomalyMode {
  private AnomalyMode() {}

  private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {false});
  private static final ThreadLocal<Supplier<String>> TRACE = new ThreadLocal<>();

  public static boolean isEnabled() { return ENABLED.get()[0]; }

  public static GradMode.Scope enable(boolean on) {
    boolean[] cell = ENABLED.get();
    boolean previous = cell[0];
    cell[0] = on;
    return () -> cell[0] = previous;
  }

  /** The hook that says where an operation is being recorded (null: none). */
  public static void setTraceSupplier(Supplier<String> supplier) { TRACE.set(supplier); }

  static String currentTrace() {
    Supplier<String> s = TRACE.get();
    if (s != null) return s.get();
    StringBuilder sb = new StringBuilder();
    for (StackTraceElement e : Thread.currentThread().getStackTrace()) {
      if (e.getClassName().startsWith("org.tdsl.autograd") || e.getClassName().startsWith("java.")) continue;
      sb.append("  at ").append(e).append('\n');
    }
    return sb.toString();
  }
}
