package org.tdsl.interp.pylib;

import org.tdsl.interp.Args;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;

/** Python's conversions the modules share, with Python's words when a value does not fit. */
final class Py {
  private Py() {}

  /** A float argument: int, float, bool, or anything float() takes (a one-element tensor). */
  static double real(Object x, Args a) {
    if (x instanceof Double d) return d;
    if (x instanceof Long l) return l;
    if (x instanceof Boolean b) return b ? 1 : 0;
    if (Values.isForeign(x) && a.interpreter().builtins().protocolFor(x) != null) {
      Object f = a.interpreter().callValue(builtin(a.interpreter(), "float"), java.util.List.of(x), java.util.Map.of());
      if (f instanceof Double d) return d;
    }
    throw new TdslError("must be real number, not " + Values.typeName(x, a.interpreter()));
  }

  /** An int argument (bool counts, float does not: Python's words). */
  static long integer(Object x, Interpreter ip) {
    if (x instanceof Long l) return l;
    if (x instanceof Boolean b) return b ? 1 : 0;
    throw new TdslError("'" + Values.typeName(x, ip) + "' object cannot be interpreted as an integer");
  }

  /** The builtin of that name from the table (not a global the program may have shadowed). */
  static Builtin builtin(Interpreter ip, String name) {
    for (Builtin b : ip.builtins().functions()) if (b.name().equals(name)) return b;
    throw new IllegalStateException("no builtin " + name);
  }

  /** A float that must become an int (floor, ceil, round): Python's errors for inf and nan. */
  static long toLong(double d) {
    if (Double.isNaN(d)) throw new TdslError("cannot convert float NaN to integer");
    if (Double.isInfinite(d)) throw new TdslError("cannot convert float infinity to integer");
    if (Math.abs(d) >= 9.223372036854775807E18) {
      throw new TdslError("integer overflow: " + org.tdsl.interp.PyFormat.repr(d) + " does not fit in 64 bits");
    }
    return (long) d;
  }
}
