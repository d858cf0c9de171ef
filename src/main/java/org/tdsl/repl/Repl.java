package org.tdsl.repl;

import org.tdsl.interp.console.Screen;
import org.tdsl.interp.console.Tty;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.tdsl.interp.Interpreter;

/** The REPL's entry points, for {@code cli}. */
public final class Repl {
  // JLine reports through java.util.logging; the REPL must never print its warnings.
  private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

  private Repl() {}

  /**
   * True when standard input and output are both a terminal that understands escape codes:
   * the console should run. Otherwise (a pipe, a file, TERM=dumb, CI) stdin is a script.
   */
  public static boolean interactive() {
    return Tty.isTerminal(0) && Tty.isTerminal(1) && !Tty.dumb();
  }

  /** {@code $HOME} as the shell sees it (the JVM's user.home comes from the password file). */
  static Path home() {
    String home = System.getenv("HOME");
    return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"));
  }

  /**
   * Runs the console on the system terminal until Ctrl-D or {@code :quit}; returns the exit
   * status. {@code interpreters} makes a fresh interpreter printing to the given stream (at
   * start and on {@code :reset}), so the caller decides which builtins it has.
   */
  public static int start(Function<PrintStream, Interpreter> interpreters) {
    return startWith(out -> new InterpreterBackend(interpreters, out));
  }

  /** The console over any backend, made with the stream programs print to. */
  static int startWith(Function<PrintStream, ReplBackend> backends) {
    JLINE_LOG.setLevel(Level.OFF);
    TerminalBuilder builder = TerminalBuilder.builder().system(true).name("tdsl").dumb(true);
    // Without native access JLine's JNI and FFM providers make the JVM print warnings; the
    // exec provider (stty in a subprocess) needs none.
    if (!Repl.class.getModule().isNativeAccessEnabled()) builder.provider("exec");
    try (Terminal terminal = builder.build()) {
      PrintStream out = Screen.over(new PrintStream(terminal.output(), true, StandardCharsets.UTF_8)).stream();
      ReplBackend backend = backends.apply(out);
      Path history = home().resolve(".tdsl_history");
      out.println("tdsl: :help lists the commands and builtins, Tab completes, Ctrl-D or exit() leaves");
      return new Console(terminal, backend, out, history).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
