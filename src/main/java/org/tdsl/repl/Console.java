package org.tdsl.repl;

import org.tdsl.interp.console.Progress;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.Widget;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The read-eval-print loop on a JLine terminal. Enter runs the chunk once the parser says it
 * is complete; Ctrl-C cancels a running chunk (or clears the line at the prompt); Ctrl-D on
 * an empty line leaves.
 */
final class Console {
  static final String PROMPT = ">>> ";
  static final String CONTINUATION = "... ";

  private final Terminal terminal;
  private final ReplBackend backend;
  private final PrintStream out;
  private final LineReader reader;
  private final Commands commands;
  private volatile boolean interrupted;

  /** {@code out} is where the backend prints too; {@code history} may be null (no file). */
  Console(Terminal terminal, ReplBackend backend, PrintStream out, Path history) {
    this.terminal = terminal;
    this.backend = backend;
    this.out = out;
    LineReaderBuilder builder = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("tdsl")
        .parser(new TdslParser(backend))
        .completer(new TdslCompleter(backend, Path.of("").toAbsolutePath()))
        .highlighter(new TdslHighlighter())
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
        .variable(LineReader.INDENTATION, 1)  // TdslParser asks for the continuation's spaces one by one
        .variable(LineReader.BLINK_MATCHING_PAREN, 0)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.INSERT_TAB, true);
    if (history != null) builder.variable(LineReader.HISTORY_FILE, history);
    this.reader = builder.build();
    // `}` goes in as typed: JLine's insert-close-curly takes indentation off the line, and with
    // the continuation's indentation on, it took the space before `}` in `{ print(1) }` too
    reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference(LineReader.SELF_INSERT), "}");
    Widget accept = reader.getWidgets().get(LineReader.ACCEPT_LINE);
    reader.getWidgets().put(LineReader.ACCEPT_LINE, () -> {
      String moved = ClauseDedent.apply(reader.getBuffer().toString(), backend::continuationIndent);
      if (moved != null) {
        reader.getBuffer().clear();
        reader.getBuffer().write(moved);
      }
      return accept.apply();
    });
    int width = terminal.getWidth() > 20 ? terminal.getWidth() : 80;
    this.commands = new Commands(backend, out, this::runAndShow, new Pager(terminal, out)::show, width);
    // Outside readLine (which handles Ctrl-C itself) Ctrl-C stops the running chunk.
    terminal.handle(Terminal.Signal.INT, signal -> {
      interrupted = true;
      backend.cancel();
    });
  }

  /** Reads and runs chunks until Ctrl-D, {@code :quit} or exit(); returns the exit status (exit(3): 3). */
  int run() {
    while (true) {
      String chunk;
      try {
        chunk = reader.readLine(PROMPT);
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        return 0;
      }
      if (chunk.isBlank()) continue;
      String command = command(chunk.strip());
      if (command != null) {
        if (!commands.execute(command)) return commands.exitStatus();
      } else {
        ReplBackend.Outcome outcome = runAndShow(() -> backend.run(chunk));
        if (outcome.exitStatus() != null) return outcome.exitStatus();
      }
    }
  }

  /**
   * The command a line is: {@code :help x} as typed, IPython's {@code x?} and a bare
   * {@code help()} as {@code :help}; null for code.
   */
  static String command(String line) {
    if (line.startsWith(":")) return line;
    if (line.equals("help()")) return ":help";
    if (line.endsWith("?") && !line.contains("\n") && Chain.parse(line.substring(0, line.length() - 1)) != null) {
      return ":help " + line.substring(0, line.length() - 1);
    }
    return null;
  }

  private ReplBackend.Outcome runAndShow(Supplier<ReplBackend.Outcome> work) {
    Progress.setColumns(terminal.getWidth());
    ReplBackend.Outcome outcome;
    interrupted = false;
    try {
      outcome = work.get();
    } catch (RuntimeException | StackOverflowError e) {
      outcome = new ReplBackend.Outcome(null, "internal error: " + e);
    }
    if (interrupted) out.println();  // the terminal echoed ^C; the message starts a line of its own
    out.flush();
    if (outcome.echo() != null) out.println(outcome.echo());
    if (outcome.exitStatus() != null) {
      if (outcome.error() != null) out.println(outcome.error());  // exit("message"): Python prints it on the way out
    } else if (outcome.error() != null) {
      out.println(new AttributedString(outcome.error(), AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)).toAnsi(terminal));
    }
    out.flush();
    return outcome;
  }
}
