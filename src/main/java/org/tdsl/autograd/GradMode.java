package org.tdsl.autograd;

/** Whether operations are recorded on the tape, per thread (PyTorch's grad mode). */
public final class GradMode {
  private GradMode() {}

  private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

  public static boolean isEnabled() { return ENABLED.get()[0]; }

  public static void setEnabled(boolean on) { ENABLED.get()[0] = on; }

  /** A scope without recording: {@code try (var g = GradMode.noGrad()) { ... }}. */
  public static Scope noGrad() { return scope(false); }

  /** A scope with recording, e.g. inside a noGrad scope. */
  public static Scope enableGrad() { return scope(true); }

  public static Scope scope(boolean on) {
    boolean[] cell = ENABLED.get();
    boolean previous = cell[0];
    cell[0] = on;
    return () -> cell[0] = previous;
  }

  /** An AutoCloseable that restores the previous state and throws nothing. */
  public interface Scope extends AutoCloseable {
    @Override void close();
  }
}
