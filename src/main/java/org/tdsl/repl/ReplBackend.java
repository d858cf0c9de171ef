package org.tdsl.repl;

import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;

/**
 * What the console needs from the language: run a chunk, say whether a chunk is complete,
 * stop a running chunk, and answer the questions completion and the {@code :} commands ask.
 * Text the program prints goes to the stream the backend was built with; the console
 * prints only the echo and the error that {@link #run} returns.
 *
 * <p>Every input that runs code (a chunk, {@code :tape}, {@code :load}, {@code :timeit}) is
 * numbered in order: errors name it {@code <stdin#N>}, and {@link #history} lists it.
 */
interface ReplBackend {

  /**
   * The result of running one chunk: the repr to echo (null: nothing) or a formatted error;
   * {@code exitStatus} is set when the program called exit() (the error holds its message).
   */
  record Outcome(String echo, String error, Integer exitStatus) {
    static final Outcome NOTHING = new Outcome(null, null);

    Outcome(String echo, String error) {
      this(echo, error, null);
    }

    boolean failed() { return error != null && exitStatus == null; }
  }

  /** One input of the session, numbered as its {@code <stdin#N>}; ok when it ran without an error. */
  record Input(int number, String text, boolean ok) {}

  /** One row of the interpreter's builtins table. */
  record BuiltinInfo(String name, String signature, String help) {}

  /**
   * One global variable as {@code :vars} shows it; shape, dtype, requiresGrad are "" unless
   * a tensor; value is the repr of a number, a bool or a short string, else "".
   */
  record VarInfo(String name, String kind, String shape, String dtype, String requiresGrad, String value) {}

  /** A statement made ready for {@code :timeit}: its first run, and (when that ran) a way to run it n more times. */
  record Repeated(Outcome first, LongFunction<Outcome> again) {}

  /** Runs {@code chunk} in the global scope, echoing top-level expression statements. */
  Outcome run(String chunk);

  /** Prints the tape that leads to the tensor {@code expression} names; errors point into what was typed. */
  Outcome tape(String expression);

  /** Runs {@code statement} once without echo, then offers to repeat it cheaply (parsed once). */
  Repeated repeatable(String statement);

  /** Runs a file in the global scope, as {@code import} would but every time (no echo). */
  Outcome load(Path file);

  /** False when the chunk is a prefix of a statement (an open brace, bracket, string...). */
  boolean isComplete(String chunk);

  /** The indentation a continuation line of chunk starts with (after `if x:`, one level more). */
  default String continuationIndent(String chunk) {
    return org.tdsl.interp.Interpreter.continuationIndent(chunk);
  }

  /** Asks the running chunk to stop; safe to call from another thread, and when idle. */
  void cancel();

  /** Forgets every global the user made; builtins stay. */
  void reset();

  /** The session's inputs so far, oldest first. */
  List<Input> history();

  /** Names bound in the global scope (user variables, functions), not builtins. */
  List<String> names();

  /** The builtins table, in the interpreter's order. */
  List<BuiltinInfo> builtins();

  /**
   * What {@code :help topic} shows about the value {@code topic} names ({@code sum},
   * {@code F.relu}, {@code a.sum}, {@code net[0]}), or null when it names nothing.
   */
  String help(String topic);

  /** The keyword parameters of the function {@code callee} (like {@code z.sum}) names; empty if unknown. */
  List<String> keywordNames(String callee);

  /** Attribute and method names of the value {@code path} (like {@code net.fc1}, {@code net[0]}) names; empty if none. */
  List<String> attributes(String path);

  /** The globals with their kind, and shape/dtype/requires_grad for tensors, the value for numbers. */
  List<VarInfo> variables();
}
