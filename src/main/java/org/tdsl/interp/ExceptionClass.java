package org.tdsl.interp;

import java.util.List;

/**
 * One of Python's exception classes (ValueError, KeyError, ...): a name and a parent. Calling
 * it makes an exception value; `except C` catches a value whose class is C or below it.
 */
public record ExceptionClass(String name, ExceptionClass parent) implements PyCallable {
  @Override
  public Object call(Args args) {
    if (!args.keywords().isEmpty()) {
      throw new TdslError(name + "() takes no keyword arguments");
    }
    return new PyException(this, new PyTuple(List.copyOf(args.positional())), null);
  }

  /** Whether this class is other or one of its subclasses. */
  public boolean isSubclassOf(ExceptionClass other) {
    for (ExceptionClass c = this; c != null; c = c.parent) {
      if (c == other) return true;
    }
    return false;
  }

  @Override
  public String toString() {
    return "<class '" + name + "'>";
  }
}
