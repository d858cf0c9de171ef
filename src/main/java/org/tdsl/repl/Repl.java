package org.tdsl.repl;

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

  /** Runs the console on the system terminal over a backend built with the stream programs print to. */
  static int start(Function<PrintStream, ReplBackend> backends) {
    JLINE_LOG.setLevel(Level.OFF);
    try (Terminal terminal = TerminalBuilder.builder().system(true).name("tdsl").dumb(true).build()) {
      PrintStream out = Progress.guard(new PrintStream(terminal.output(), true, StandardCharsets.UTF_8));
      ReplBackend backend = backends.apply(out);
      Path history = Path.of(System.getProperty("user.home"), ".tdsl_history");
      return new Console(terminal, backend, out, history).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
