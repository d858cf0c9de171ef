package org.tdsl.repl;

import java.nio.file.Path;
import java.util.List;

/**
 * What the console needs from the language: run a chunk, say whether a chunk is complete,
 * stop a running chunk, and answer the questions completion and the {@code :} commands ask.
 * Text the program prints goes to the stream the backend was built with; the console
 * prints only the echo and the error that {@link #run} returns.
 */
interface ReplBackend {

  /** The result of running one chunk: the repr to echo (null: nothing) or a formatted error. */
  record Outcome(String echo, String error) {
    static final Outcome NOTHING = new Outcome(null, null);
    boolean failed() { return error != null; }
  }

  /** One row of the interpreter's builtins table. */
  record BuiltinInfo(String name, String signature, String help) {}

  /** One global variable as {@code :vars} shows it; shape, dtype, requiresGrad are "" unless a tensor. */
  record VarInfo(String name, String kind, String shape, String dtype, String requiresGrad) {}

  /** Runs {@code chunk} in the global scope, echoing top-level expression statements. */
  Outcome run(String chunk);

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

  /** Names bound in the global scope (user variables, functions), not builtins. */
  List<String> names();

  /** The builtins table, in the interpreter's order. */
  List<BuiltinInfo> builtins();

  /** The keyword parameters of the function {@code callee} (like {@code z.sum}) names; empty if unknown. */
  List<String> keywordNames(String callee);

  /** Attribute and method names of the value {@code dottedName} (like {@code net.fc1}) names; empty if none. */
  List<String> attributes(String dottedName);

  /** The globals with their kind, and shape/dtype/requires_grad for tensors. */
  List<VarInfo> variables();
}
