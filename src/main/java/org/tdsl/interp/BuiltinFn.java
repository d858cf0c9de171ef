package org.tdsl.interp;

/** The Java body of a builtin; args are already bound to its signature. */
@FunctionalInterface
public interface BuiltinFn {
  Object call(Args args);
}
