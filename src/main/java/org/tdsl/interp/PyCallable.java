package org.tdsl.interp;

/** Anything the interpreter can call directly: user functions and builtins. */
public interface PyCallable {
  String name();

  Object call(Args args);

  /** The names a caller may pass as {@code name=value} (REPL completion); empty when unknown. */
  default java.util.List<String> keywordNames() {
    return java.util.List.of();
  }

  /** The call's shape as help shows it, like {@code sum(input, dim=None)}; by default the name and its keyword names. */
  default String signature() {
    return name() + "(" + String.join(", ", keywordNames()) + ")";
  }

  /** One line saying what it does; empty when nothing is known. */
  default String help() {
    return "";
  }
}
