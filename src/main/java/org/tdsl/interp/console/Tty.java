package org.tdsl.interp.console;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/** Whether the standard streams are a terminal: {@code isatty(3)} where we may call it, else {@link System#console()}. */
public final class Tty {
  private static final MethodHandle ISATTY = isatty();

  private Tty() {}

  public static boolean isTerminal(int fd) {
    if (ISATTY != null) {
      try {
        return (int) ISATTY.invokeExact(fd) == 1;
      } catch (Throwable e) {
        // fall through to the portable answer
      }
    }
    var console = System.console();
    return console != null && console.isTerminal();
  }

  public static boolean dumb() {
    String term = System.getenv("TERM");
    return term == null || term.isEmpty() || term.equals("dumb");
  }

  /** Null on Windows, or when native access is not enabled (calling it would print a JVM warning). */
  private static MethodHandle isatty() {
    if (!Tty.class.getModule().isNativeAccessEnabled()) return null;
    try {
      Linker linker = Linker.nativeLinker();
      return linker.defaultLookup().find("isatty")
          .map(f -> linker.downcallHandle(f, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)))
          .orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
