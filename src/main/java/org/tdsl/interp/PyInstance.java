package org.tdsl.interp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instance of a program's class below {@code object}: its class and its attributes. As a
 * dict key it hashes and compares through the class's {@code __hash__} and {@code __eq__}
 * when the program defines them, by identity otherwise.
 */
public class PyInstance implements PyObject {
  private final PyClass cls;
  private final Map<String, Object> dict = new LinkedHashMap<>();
  private final Interpreter interpreter;

  public PyInstance(PyClass cls, Interpreter interpreter) {
    this.cls = cls;
    this.interpreter = interpreter;
  }

  @Override
  public final PyClass pyClass() {
    return cls;
  }

  @Override
  public final Map<String, Object> dict() {
    return dict;
  }

  @Override
  public final Interpreter interpreter() {
    return interpreter;
  }

  @Override
  public int hashCode() {
    if (!cls.programDefines("__hash__")) return System.identityHashCode(this);
    return Long.hashCode(InstanceProtocol.hash(this));
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) return true;
    if (!cls.programDefines("__eq__")) return false;
    Object r = InstanceProtocol.callDunder(this, "__eq__", other);
    return r != Protocol.UNSUPPORTED && interpreter.truthy(r);
  }

  @Override
  public String toString() {
    return Values.repr(this, interpreter);
  }
}
