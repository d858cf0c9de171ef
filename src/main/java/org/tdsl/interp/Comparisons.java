package org.tdsl.interp;

import java.util.Iterator;
import org.tdsl.syntax.CmpOp;

/**
 * Python's comparison rules: the rich comparisons (foreign operands' protocols first,
 * reflected too), membership ({@code in}) and identity ({@code is}) on the interpreter's values.
 */
public final class Comparisons {
  private Comparisons() {}

  /** a OP b for one link of a comparison chain. */
  public static Object compare(CmpOp op, Object a, Object b, Interpreter ip) {
    switch (op) {
      case IN -> {
        return contains(b, a, ip);
      }
      case NOT_IN -> {
        return !contains(b, a, ip);
      }
      case IS -> {
        return identical(a, b);
      }
      case IS_NOT -> {
        return !identical(a, b);
      }
      default -> {}
    }
    if ((op == CmpOp.EQ || op == CmpOp.NE) && (a instanceof PyClass || b instanceof PyClass)) {
      return identical(a, b) == (op == CmpOp.EQ);
    }
    if (Values.isForeign(a)) {
      Protocol<Object> p = ip.builtins().protocolFor(a);
      if (p != null) {
        Object r = p.compare(a, op, b);
        if (r != Protocol.UNSUPPORTED) return r;
      }
    }
    if (Values.isForeign(b)) {
      Protocol<Object> p = ip.builtins().protocolFor(b);
      if (p != null) {
        Object r = p.compare(b, op.reflected(), a);
        if (r != Protocol.UNSUPPORTED) return r;
      }
    }
    if (op == CmpOp.EQ) return Values.equal(a, b);
    if (op == CmpOp.NE) return !Values.equal(a, b);
    Integer order = Values.order(a, b);
    if (order == null) {
      boolean nan = Values.isNumber(a) && Values.isNumber(b);
      if (nan) return false;
      throw new TdslError("'" + op.symbol + "' not supported between instances of '" + Values.typeName(a, ip)
          + "' and '" + Values.typeName(b, ip) + "'");
    }
    return switch (op) {
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      case GE -> order >= 0;
      default -> throw new IllegalStateException();
    };
  }

  private static boolean identical(Object a, Object b) {
    if (a == b) return true;
    if (a instanceof PyClass c && c.sameAs(b) || b instanceof PyClass c2 && c2.sameAs(a)) return true;
    return (a instanceof Long || a instanceof Boolean || a instanceof String) && a.equals(b);
  }

  private static boolean contains(Object container, Object item, Interpreter ip) {
    switch (container) {
      case String s -> {
        if (!(item instanceof String sub)) {
          throw new TdslError("'in <string>' requires string as left operand, not " + Values.typeName(item, ip));
        }
        return s.contains(sub);
      }
      case PyDict d -> {
        return d.containsKey(item);
      }
      case PyRange r -> {
        if (!(item instanceof Long l)) return false;
        long n = r.length();
        if (n == 0 || (l - r.start()) % r.step() != 0) return false;
        long i = (l - r.start()) / r.step();
        return i >= 0 && i < n;
      }
      case null, default -> {
        Protocol<Object> p = Values.isForeign(container) ? ip.builtins().protocolFor(container) : null;
        Object answer = p == null ? Protocol.UNSUPPORTED : p.contains(container, item);
        if (answer != Protocol.UNSUPPORTED) return (Boolean) answer;
        boolean iterable = container instanceof PyList || container instanceof PyTuple
            || container instanceof PyIterator || container instanceof DictView
            || (Values.isForeign(container) && ip.builtins().protocolFor(container) != null);
        if (!iterable) {
          throw new TdslError("argument of type '" + Values.typeName(container, ip) + "' is not iterable");
        }
        Iterator<Object> it = Values.iterate(container, ip);
        while (it.hasNext()) {
          Object x = it.next();
          if (x == item || ip.truthy(compare(CmpOp.EQ, x, item, ip))) return true;
        }
        return false;
      }
    }
  }
}
