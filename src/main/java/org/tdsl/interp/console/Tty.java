package org.tdsl.interp.console;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Whether the standard streams are a terminal. bin/tdsl asks the shell ({@code [ -t N ]})
 * and passes the answer as {@code -Dtdsl.tty=0,1,2} (the terminal fds, possibly none):
 * linking {@code isatty(3)} through the foreign-function API costs a tenth of a second of
 * start-up. Without the property: {@code isatty(3)} where we may call it, else {@link System#console()}.
 */
public final class Tty {
  private Tty() {}

  public static boolean isTerminal(int fd) {
    String known = System.getProperty("tdsl.tty");
    if (known != null) return ("," + known + ",").contains("," + fd + ",");
    MethodHandle isatty = Isatty.HANDLE;
    if (isatty != null) {
      try {
        return (int) isatty.invokeExact(fd) == 1;
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

  /** Linked on first use only. Null on Windows, or when native access is not enabled (calling it would print a JVM warning). */
  private static final class Isatty {
    static final MethodHandle HANDLE = link();

    private static MethodHandle link() {
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
}
