package org.tdsl.cli;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.tdsl.interp.Builtins;
import org.tdsl.interp.console.Progress;
import org.tdsl.interp.console.Screen;
import org.tdsl.interp.bind.TdslLibrary;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.RecordedDraws;
import org.tdsl.interp.TdslError;

/** The `tdsl` command: runs a script, `-e CODE`, `--check FILE`, piped stdin, or the REPL. */
public final class Main {
  static final String VERSION = "tdsl 0.1.0";
  private static final String USAGE = """
      usage: tdsl [options] [FILE.tdsl [args...]]
        tdsl                 start the REPL (or run stdin when it is not a terminal)
        tdsl FILE [args]     run a script; args are visible as argv (script name first)
        tdsl -e CODE         run CODE (several -e: one line each, in order)
        tdsl --check FILE    parse FILE only; prints nothing when it is well formed
        --debug              show the Java stack trace of internal errors
        --help, --version""";

  private final PrintStream out;
  private final PrintStream err;
  private final InputStream in;
  private final Supplier<Builtins> builtins;
  private boolean debug;
  private RecordedDraws replay;  // --replay-draws: the run's random draws come from a recording

  Main(PrintStream out, PrintStream err, InputStream in) {
    this(out, err, in, Main::builtins);
  }

  Main(PrintStream out, PrintStream err, InputStream in, Supplier<Builtins> builtins) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.builtins = builtins;
  }

  /** The table every interpreter the command starts uses (the binding step adds its entries here). */
  static Builtins builtins() {
    return TdslLibrary.standard();
  }

  private Interpreter newInterpreter() {
    Interpreter interpreter = new Interpreter(builtins.get(), out);
    interpreter.host().setErr(err);
    return interpreter;
  }

  public static void main(String[] args) {
    // plot() draws into images only: the command never needs a display, whatever $DISPLAY says.
    // (Set here, not in viz, so an embedding GUI application keeps its own setting.)
    if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    PrintStream rawErr = stderr();
    PrintStream raw = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    // On a terminal, printed lines (and errors) push a loader's progress bar down instead of running into it.
    Screen screen = Progress.onTerminal() ? Screen.over(raw) : null;
    PrintStream out = screen == null ? raw : screen.stream();
    PrintStream err = screen == null ? rawErr : screen.guard(rawErr);
    System.setErr(err);
    int[] status = new int[1];
    // A big stack so deep tdsl recursion reaches the recursion limit, not a StackOverflowError.
    Thread t = new Thread(null, () -> status[0] = new Main(out, err, System.in).run(args), "tdsl", 1L << 29);
    t.setUncaughtExceptionHandler((thread, e) -> {
      err.println("error: internal error: " + e + " (run with --debug for the Java trace)");
      status[0] = 1;
    });
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      status[0] = 1;
    }
    out.flush();
    err.flush();
    System.exit(status[0]);
  }

  /** bin/tdsl sends the JVM's fd 2 to /dev/null and hands us the real stderr as fd N. */
  private static PrintStream stderr() {
    String fd = System.getProperty("tdsl.stderr.fd");
    if (fd == null) return System.err;
    try {
      FileDescriptor d = new FileDescriptor();
      Field f = FileDescriptor.class.getDeclaredField("fd");
      f.setAccessible(true);
      f.setInt(d, Integer.parseInt(fd));
      return new PrintStream(new FileOutputStream(d), true, StandardCharsets.UTF_8);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return System.err;
    }
  }

  /** Runs the command line; returns the exit status. */
  int run(String[] args) {
    List<String> rest = new ArrayList<>(List.of(args));
    while (!rest.isEmpty() && (rest.getFirst().equals("--debug") || rest.getFirst().equals("--replay-draws"))) {
      if (rest.removeFirst().equals("--debug")) {
        debug = true;
      } else if (rest.isEmpty()) {
        return usage("--replay-draws needs a FILE of recorded draws");
      } else if (!replayDraws(rest.removeFirst())) {
        return 2;
      }
    }
    if (rest.isEmpty()) return isTerminal() ? startRepl() : runStdin();
    String first = rest.getFirst();
    switch (first) {
      case "--help", "-h" -> {
        out.println(USAGE);
        return 0;
      }
      case "--version" -> {
        out.println(VERSION);
        return 0;
      }
      case "-e" -> {
        // Each -e is one line of the program, in order, as perl -e does; what follows is argv.
        List<String> lines = new ArrayList<>();
        while (!rest.isEmpty() && rest.getFirst().equals("-e")) {
          if (rest.size() < 2) return usage("-e needs CODE");
          lines.add(rest.get(1));
          rest = new ArrayList<>(rest.subList(2, rest.size()));
        }
        List<String> argv = new ArrayList<>(rest);
        argv.addFirst("-e");
        return execute(String.join("\n", lines), "<string>", Path.of("").toAbsolutePath(), argv);
      }
      case "--check" -> {
        if (rest.size() != 2) return usage("--check needs one FILE");
        return check(rest.get(1));
      }
      default -> {
        if (first.startsWith("-") && !first.equals("-")) return usage("unknown option " + first);
        if (first.equals("-")) return runStdin();
        return runFile(first, rest);
      }
    }
  }

  /**
   * The hidden option {@code --replay-draws FILE}: the program's random draws come from FILE,
   * recorded from PyTorch by src/test/golden/corpus/record_draws.py (docs/CHOICES.md).
   */
  private boolean replayDraws(String file) {
    try {
      replay = RecordedDraws.read(Path.of(file));
      return true;
    } catch (IOException e) {
      usage("--replay-draws: " + (e instanceof NoSuchFileException ? "no such file: " + file : e.getMessage()));
      return false;
    }
  }

  private int usage(String problem) {
    out.flush();
    err.println("tdsl: " + problem);
    err.println(USAGE);
    return 2;
  }

  private int runFile(String file, List<String> argv) {
    String source = read(file);
    if (source == null) return 2;
    Path script = Path.of(file).toAbsolutePath();
    return execute(source, file, script.getParent(), argv, script);
  }

  /**
   * The script's text, or null after one line that says why not, as Python says it:
   * {@code tdsl: can't open file '/abs/nope.tdsl': No such file or directory}.
   */
  private String read(String file) {
    Path path = Path.of(file).toAbsolutePath();
    String why;
    try {
      if (Files.isDirectory(path)) {
        why = "Is a directory";
      } else {
        return Interpreter.readSource(path);
      }
    } catch (NoSuchFileException e) {
      why = "No such file or directory";
    } catch (AccessDeniedException e) {
      why = "Permission denied";
    } catch (TdslError e) {
      report(e);
      return null;
    } catch (IOException e) {
      why = e.getMessage();
    }
    out.flush();
    err.println("tdsl: can't open file '" + path + "': " + why);
    return null;
  }

  private int check(String file) {
    String source = read(file);
    if (source == null) return 2;
    try {
      newInterpreter().check(source, file);
      return 0;
    } catch (TdslError e) {
      return report(e);
    }
  }

  /** Whether stdin is a terminal (a Console exists even for pipes since JDK 22, so ask it). */
  private boolean isTerminal() {
    java.io.Console console = System.console();
    return in == System.in && console != null && console.isTerminal();
  }

  private int runStdin() {
    String source;
    try {
      source = Interpreter.decodeSource(in.readAllBytes(), "<stdin>");
    } catch (IOException e) {
      return usage("cannot read stdin: " + e.getMessage());
    } catch (TdslError e) {
      return report(e);
    }
    return execute(source, "<stdin>", Path.of("").toAbsolutePath(), List.of(""));
  }

  /** Runs source and maps the outcome to an exit status. */
  int execute(String source, String file, Path dir, List<String> argv) {
    return execute(source, file, dir, argv, null);
  }

  /** execute(), for a script file: {@code __file__} is its absolute path, as Python 3.9+ sets it for the main script. */
  private int execute(String source, String file, Path dir, List<String> argv, Path script) {
    Interpreter interpreter = newInterpreter();
    interpreter.host().setArgv(argv);
    if (script != null) interpreter.host().define("__file__", script.toString());
    try (RecordedDraws.Installed draws = replay == null ? null : replay.install()) {
      interpreter.run(source, file, dir);
      out.flush();
      return 0;
    } catch (org.tdsl.interp.SystemExit e) {
      return exit(e);
    } catch (TdslError e) {
      return report(e);
    } catch (RuntimeException | Error e) {
      return internal(e);
    }
  }

  /** exit() as Python's SystemExit ends a program: its message on stderr, its status. */
  private int exit(org.tdsl.interp.SystemExit e) {
    out.flush();
    if (e.message() != null) err.println(e.message());
    err.flush();
    return e.status();
  }

  private int report(TdslError e) {
    out.flush();
    err.println(e.format());
    err.flush();
    return e.isSyntax() ? 2 : 1;
  }

  private int internal(Throwable e) {
    out.flush();
    if (debug) e.printStackTrace(err);
    err.println("error: internal error: " + e + " (run with --debug for the Java trace)");
    err.flush();
    return 1;
  }

  /**
   * Starts the interactive REPL: the JLine console (org.tdsl.repl) on a terminal that
   * understands escape codes; otherwise (TERM=dumb, or a stream given by a test) a plain
   * line-by-line loop with `>>> ` and `... ` prompts.
   */
  int startRepl() {
    if (in == System.in && org.tdsl.repl.Repl.interactive()) {
      return org.tdsl.repl.Repl.start(stream -> new Interpreter(builtins.get(), stream));
    }
    Interpreter interpreter = newInterpreter();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    out.println(VERSION + " — type code, a blank line ends a block; Ctrl-D quits");
    StringBuilder chunk = new StringBuilder();
    int inputs = 0;  // each input runs as <stdin#N>, as in the JLine console: tracebacks keep every input's lines
    java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicBoolean discard = new java.util.concurrent.atomic.AtomicBoolean();
    if (in == System.in) {
      try {
        // Ctrl-C stops the running snippet, not the session.
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> {
          if (running.get()) {
            interpreter.host().cancel();
          } else {
            discard.set(true); // at a prompt: drop the lines typed so far, as Python does
            out.print("\nKeyboardInterrupt\n>>> ");
            out.flush();
          }
        });
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        // no SIGINT on this platform: Ctrl-C ends the program as usual
      }
    }
    while (true) {
      out.print(chunk.isEmpty() ? ">>> " : "... ");
      out.flush();
      String line;
      try {
        line = reader.readLine();
      } catch (IOException e) {
        return 1;
      }
      if (line == null) {
        out.println();
        return 0;
      }
      if (discard.getAndSet(false)) chunk.setLength(0);
      if (chunk.isEmpty() && line.isBlank()) continue;
      chunk.append(line).append('\n');
      if (!line.isBlank() && !Interpreter.isComplete(chunk.toString())) continue;
      running.set(true);
      try {
        interpreter.runInteractive(chunk.toString(), "<stdin#" + ++inputs + ">");
      } catch (org.tdsl.interp.SystemExit e) {
        return exit(e);
      } catch (TdslError e) {
        report(e);
      } catch (RuntimeException | Error e) {
        internal(e);
      } finally {
        running.set(false);
      }
      chunk.setLength(0);
    }
  }
}
