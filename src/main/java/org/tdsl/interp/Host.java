package org.tdsl.interp;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tdsl.syntax.Pos;

/**
 * What the program that embeds a session controls and sees, apart from the tree walk: the
 * global names it binds, stopping the running program, where warnings go, which files a
 * program may touch, whether output is a console. One per {@link Interpreter}.
 */
public final class Host {
  private final Interpreter interpreter;
  private final Environment globals;
  private final Builtins builtins;
  private volatile boolean cancelled;
  private volatile String interruption = "KeyboardInterrupt";
  private FileAccess files = FileAccess.unrestricted();
  private boolean console = true;
  /** Where warnings go (Python's stderr); the statement running now, for their file:line. */
  private PrintStream err = System.err;
  Pos statement;
  private final Set<String> warned = new HashSet<>();

  Host(Interpreter interpreter, Environment globals, Builtins builtins) {
    this.interpreter = interpreter;
    this.globals = globals;
    this.builtins = builtins;
  }

  /** Where warnings are printed: the command's stderr for scripts, the screen in the REPL. */
  public PrintStream err() {
    return err;
  }

  public void setErr(PrintStream err) {
    this.err = err;
  }

  /**
   * Prints a warning as Python's warnings module does by default: once per place,
   * {@code file:line: Category: message}, then the source line when there is one.
   */
  public void warn(String category, String message) {
    Pos at = statement;
    String where = at == null ? "<string>:1" : at.file() + ":" + at.line();
    if (!warned.add(where + category + message)) return;
    err.println(where + ": " + category + ": " + message);
    String line = at == null ? null : interpreter.sourceLine(at);
    if (line != null && !at.file().startsWith("<stdin")) err.println("  " + line.strip());
    err.flush();
  }

  /** Sets the global `argv` (script name first, like sys.argv). */
  public void setArgv(List<String> argv) {
    globals.define("argv", new PyList(argv));
  }

  /** Binds a global name (the embedding API's way to pass values in). */
  public void define(String name, Object value) {
    globals.define(name, value);
  }

  /**
   * The value a name has at top level (a global, else a builtin), or Python's NameError with
   * its "Did you mean"; the REPL reads values this way for :help and completion.
   */
  public Object resolve(String name) {
    Object v = globals.get(name);
    if (v != Environment.MISSING) return v;
    v = builtins.lookup(name, Environment.MISSING);
    if (v != Environment.MISSING) return v;
    throw new TdslError("name '" + name + "' is not defined" + Suggest.didYouMean(name, new java.util.ArrayList<>(names())));
  }

  /** A global's value, or null when unbound. */
  public Object global(String name) {
    Object v = globals.get(name);
    return v == Environment.MISSING ? null : v;
  }

  /** The names bound at top level by programs and the host (no builtins). */
  public Set<String> globalNames() {
    return new TreeSet<>(globals.localNames());
  }

  /** Unbinds a global name; true if it was bound. */
  public boolean undefine(String name) {
    return globals.remove(name);
  }

  /** The names visible at top level: globals and builtins, sorted (for completion). */
  public Set<String> names() {
    Set<String> names = new TreeSet<>(globals.localNames());
    names.addAll(builtins.names());
    return names;
  }

  /** Stops the running program at its next statement or loop step (from any thread). */
  public void cancel() {
    cancel("KeyboardInterrupt");
  }

  /** cancel() with the error message the stopped program reports (e.g. a time limit's). */
  public void cancel(String message) {
    interruption = message;
    cancelled = true;
  }

  /** Forgets a cancel() that came while nothing ran: each run starts unstopped. */
  void clearCancel() {
    cancelled = false;
  }

  /** Throws KeyboardInterrupt if cancel() was called; long-running builtins may call it. */
  public void checkCancelled() {
    if (cancelled) {
      cancelled = false;
      throw Exceptions.interrupt(interruption);
    }
  }

  /** The check every path a program names passes (import, mnist, load, save, ...). */
  public FileAccess fileAccess() {
    return files;
  }

  public void setFileAccess(FileAccess files) {
    this.files = files;
  }

  /** Whether out is the console a person watches: only then may a loop draw a progress bar. */
  public boolean console() {
    return console;
  }

  public void setConsole(boolean console) {
    this.console = console;
  }
}
