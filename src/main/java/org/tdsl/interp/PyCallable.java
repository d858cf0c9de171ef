package org.tdsl.interp;

/** Anything the interpreter can call directly: user functions and builtins. */
public interface PyCallable {
  String name();

  Object call(Args args);
}
