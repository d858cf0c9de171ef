package org.tdsl.interp;

import java.util.Deque;
import java.util.List;
import org.tdsl.syntax.Pos;

/**
 * Gives an error the place it surfaced: the source position of the innermost statement or
 * expression that saw it and the tdsl call stack then. Every evaluation site catches through
 * {@link #at} instead of its own ladder of catch clauses, so they cannot drift apart.
 */
final class ErrorLocator {
  private final Builtins builtins;
  private final Deque<TdslError.Frame> frames;

  ErrorLocator(Builtins builtins, Deque<TdslError.Frame> frames) {
    this.builtins = builtins;
    this.frames = frames;
  }

  /**
   * What to throw for e caught at pos: a tdsl error keeps the first position it got, a
   * library's user error becomes one, the JVM's recursion and heap limits get Python's and
   * PyTorch's words; return/break/continue and internal errors pass through untouched.
   */
  RuntimeException at(Throwable e, Pos pos) {
    return switch (e) {
      case StackOverflowError so -> located(new TdslError("maximum recursion depth exceeded"), pos);
      case OutOfMemoryError oom -> located(outOfMemory(), pos);
      case RuntimeException r -> foreignError(r, pos);
      case Error err -> throw err;
      default -> throw new IllegalStateException(e);  // no checked exception reaches an evaluation site
    };
  }

  TdslError located(TdslError e, Pos pos) {
    e.locate(pos, List.copyOf(frames));
    return e;
  }

  /**
   * A full Java heap, in PyTorch's words for a failed CPU allocation, with the way out. The
   * array that did not fit is unreferenced by then, so the session can go on.
   */
  private static TdslError outOfMemory() {
    return new TdslError("DefaultCPUAllocator: can't allocate memory: the Java heap is full"
        + " (give it more with TDSL_JAVA_OPTS=-Xmx<size>, e.g. -Xmx4g)");
  }

  /** A library exception: a user error if its type is registered, else rethrown as internal. */
  private RuntimeException foreignError(RuntimeException e, Pos pos) {
    if (e instanceof TdslError t) return located(t, pos);
    if (e instanceof Signal) return e;
    if (builtins.isUserError(e)) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return located(new TdslError(message, null, false, e), pos);
    }
    return e;
  }
}
