package org.tdsl.tensor;

/**
 * The check every new {@link Storage} passes, per thread. A host that runs programs it does
 * not trust (an embedding session) installs a guard for the duration of a call: it caps the
 * elements one tensor may hold and stops a cancelled program at its next allocation, which
 * falls between the operations of a forward pass, a backward pass or an optimizer step.
 * Without a guard any size an int can count is allowed.
 */
public final class Allocations {
  private Allocations() {}

  /** Refuses an allocation by throwing (a TensorException or a host's own error). */
  @FunctionalInterface
  public interface Guard {
    void check(long elements);
  }

  private static final ThreadLocal<Guard> CURRENT = new ThreadLocal<>();

  /** This thread's guard, or null. */
  public static Guard current() { return CURRENT.get(); }

  /** Installs a guard on this thread (null removes it); the caller restores the previous one. */
  public static void setCurrent(Guard guard) {
    if (guard == null) CURRENT.remove(); else CURRENT.set(guard);
  }

  /** Asks this thread's guard before {@code elements} are allocated; returns the count as an int. */
  public static int reserve(long elements) {
    Guard g = CURRENT.get();
    if (g != null) g.check(elements);
    if (elements > Integer.MAX_VALUE) throw Shapes.tooLarge(elements);
    return (int) elements;
  }
}
