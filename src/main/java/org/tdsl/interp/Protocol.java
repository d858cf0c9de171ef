package org.tdsl.interp;

import java.util.Iterator;
import java.util.List;
import org.tdsl.syntax.BinOp;
import org.tdsl.syntax.CmpOp;
import org.tdsl.syntax.UnaryOp;

/**
 * How the interpreter treats a Java object that is not a Python value (a tensor, a layer, ...).
 * Register one per Java class with {@link Builtins#registerProtocol}. Every method has a
 * default meaning "not supported", which the interpreter turns into Python's TypeError or
 * AttributeError words. Return {@link #UNSUPPORTED} from a method that returns Object to say
 * "not for these operands" (Python's NotImplemented), so the other operand gets its turn.
 * Exceptions thrown here are user errors if their class is registered as one.
 */
public interface Protocol<T> {
  /** Python's NotImplemented. */
  Object UNSUPPORTED = new Object() {
    @Override
    public String toString() {
      return "NotImplemented";
    }
  };

  /** The type name in messages: 'Tensor' object has no attribute 'x'. */
  default String typeName(T self) {
    return self.getClass().getSimpleName();
  }

  /** An attribute or method (methods are attributes whose value is callable, e.g. a Builtin). */
  default Object getAttr(T self, String name) {
    return UNSUPPORTED;
  }

  /** {@link #getAttr(Object, String)}, for attributes whose reading may warn through the interpreter. */
  default Object getAttr(T self, String name, Interpreter interpreter) {
    return getAttr(self, name);
  }

  /** Sets an attribute; false if there is no such settable attribute. */
  default boolean setAttr(T self, String name, Object value) {
    return false;
  }

  /** Attribute names for completion and "Did you mean" suggestions. */
  default List<String> attributeNames(T self) {
    return List.of();
  }

  default Object call(T self, Args args) {
    return UNSUPPORTED;
  }

  /** self OP other, or other OP self when reflected (2 * t calls t's binary with reflected=true). */
  default Object binary(T self, BinOp op, Object other, boolean reflected) {
    return UNSUPPORTED;
  }

  /** self OP= other, mutating self and returning it; UNSUPPORTED falls back to binary + rebind. */
  default Object inplace(T self, BinOp op, Object other) {
    return UNSUPPORTED;
  }

  /** -self (NEG) or +self (POS); NOT never comes here. */
  default Object unary(T self, UnaryOp op) {
    return UNSUPPORTED;
  }

  /** self OP other; reflected ops are tried with {@link CmpOp#reflected()}. Default == is identity. */
  default Object compare(T self, CmpOp op, Object other) {
    return UNSUPPORTED;
  }

  /** self[index]: index is Long, Slice, Ellipsis, null (None), PyTuple, or a foreign object. */
  default Object getItem(T self, Object index) {
    return UNSUPPORTED;
  }

  default boolean setItem(T self, Object index, Object value) {
    return false;
  }

  /** len(self), or -1 when it has none. */
  default long len(T self) {
    return -1;
  }

  /** Iteration, or null when not iterable. */
  default Iterator<Object> iterate(T self) {
    return null;
  }

  /** Truthiness, or null for the default (true). */
  default Boolean truthy(T self) {
    return null;
  }

  default String str(T self) {
    return repr(self);
  }

  default String repr(T self) {
    return String.valueOf(self);
  }

  /** format(self, spec) for f-strings; the default accepts only an empty spec. */
  default String format(T self, String spec) {
    if (spec.isEmpty()) return str(self);
    throw new TdslError("unsupported format string passed to " + typeName(self) + ".__format__");
  }

  /** `with self { }`: returns the value bound by `as`. */
  default Object enter(T self) {
    throw new TdslError("'" + typeName(self) + "' object does not support the context manager protocol");
  }

  /** Leaving the `with` block; error is null on a normal exit. */
  default void exit(T self, Throwable error) {}
}
