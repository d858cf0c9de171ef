package org.tdsl.interp;

/** Anything the interpreter can call directly: user functions and builtins. */
public interface PyCallable {
  String name();

  Object call(Args args);

  /** The names a caller may pass as {@code name=value} (REPL completion); empty when unknown. */
  default java.util.List<String> keywordNames() {
    return java.util.List.of();
  }
}
