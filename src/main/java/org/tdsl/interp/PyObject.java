package org.tdsl.interp;

import java.util.Map;

/**
 * An instance of a class written in tdsl. Most are {@link PyInstance}s; an instance whose
 * class derives from a library class is that library's Java object too (an {@code nn.Module}
 * subclass's instance is an {@code org.tdsl.nn.Module}), so every library function that takes
 * one takes it unchanged. {@link InstanceProtocol} gives all of them Python's attribute rules
 * and dunder methods.
 */
public interface PyObject {
  PyClass pyClass();

  /** The instance's own attributes ({@code __dict__}), in assignment order. */
  Map<String, Object> dict();

  /** The interpreter that made the instance: dunder methods run in it. */
  Interpreter interpreter();

  /**
   * {@code object.__setattr__} for this kind of object: a plain instance stores into its dict;
   * a library kind may register the value first (a Module's layers and parameters).
   */
  default void setNative(String name, Object value) {
    dict().put(name, value);
  }

  /**
   * An attribute held by the library part of the object (a Module's parameters, buffers and
   * children), or {@link Protocol#UNSUPPORTED}. Asked after the dict and the class.
   */
  default Object getNative(String name) {
    return Protocol.UNSUPPORTED;
  }
}
