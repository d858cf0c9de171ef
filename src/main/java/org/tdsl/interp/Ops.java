package org.tdsl.interp;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.syntax.BinOp;

/** Python arithmetic on the interpreter's own values (ints are 64-bit and never wrap). */
final class Ops {
  private Ops() {}

  /** a OP b, or Protocol.UNSUPPORTED when neither operand's type defines it. */
  static Object binary(BinOp op, Object a, Object b) {
    if (a instanceof Boolean x && b instanceof Boolean y && isBitwise(op)) {
      return switch (op) {
        case AND -> x & y;
        case OR -> x | y;
        default -> x ^ y;
      };
    }
    if (Values.isNumber(a) && Values.isNumber(b)) {
      if (isBitwise(op) || op == BinOp.LSHIFT || op == BinOp.RSHIFT) {
        return a instanceof Double || b instanceof Double ? Protocol.UNSUPPORTED : ints(op, asLong(a), asLong(b));
      }
      if (a instanceof Double || b instanceof Double || op == BinOp.DIV) {
        return floats(op, Values.toDouble(a), Values.toDouble(b), a instanceof Double || b instanceof Double);
      }
      return ints(op, asLong(a), asLong(b));
    }
    switch (op) {
      case ADD -> {
        if (a instanceof String x && b instanceof String y) return x + y;
        if (a instanceof PyList x && b instanceof PyList y) {
          PyList r = new PyList(x.items);
          r.items.addAll(y.items);
          return r;
        }
        if (a instanceof PyTuple x && b instanceof PyTuple y) {
          List<Object> r = new ArrayList<>(x.items());
          r.addAll(y.items());
          return new PyTuple(r);
        }
      }
      case MUL -> {
        if (isSequence(a) && (b instanceof Long || b instanceof Boolean)) return repeat(a, asLong(b));
        if (isSequence(b) && (a instanceof Long || a instanceof Boolean)) return repeat(b, asLong(a));
      }
      default -> {}
    }
    return Protocol.UNSUPPORTED;
  }

  static String unsupported(BinOp op, Object a, Object b, Interpreter ip) {
    if (op == BinOp.ADD && (a instanceof String || a instanceof PyList || a instanceof PyTuple)
        && !Values.isForeign(b)) {
      return "can only concatenate " + Values.typeName(a) + " (not \"" + Values.typeName(b, ip) + "\") to " + Values.typeName(a);
    }
    if (op == BinOp.MUL && (isSequence(a) || isSequence(b))) {
      return "can't multiply sequence by non-int of type '" + Values.typeName(isSequence(a) ? b : a, ip) + "'";
    }
    String sym = op == BinOp.POW ? "** or pow()" : op.symbol;
    return "unsupported operand type(s) for " + sym + ": '" + Values.typeName(a, ip) + "' and '" + Values.typeName(b, ip) + "'";
  }

  private static boolean isBitwise(BinOp op) {
    return op == BinOp.AND || op == BinOp.OR || op == BinOp.XOR;
  }

  private static boolean isSequence(Object v) {
    return v instanceof String || v instanceof PyList || v instanceof PyTuple;
  }

  private static long asLong(Object v) {
    return v instanceof Boolean b ? (b ? 1 : 0) : (Long) v;
  }

  private static Object repeat(Object seq, long n) {
    n = Math.max(0, n);
    return switch (seq) {
      case String s -> s.repeat((int) Math.min(n, Integer.MAX_VALUE));
      case PyList l -> {
        PyList r = new PyList();
        for (long i = 0; i < n; i++) r.items.addAll(l.items);
        yield r;
      }
      case PyTuple t -> {
        List<Object> r = new ArrayList<>();
        for (long i = 0; i < n; i++) r.addAll(t.items());
        yield new PyTuple(r);
      }
      case null, default -> throw new IllegalStateException();
    };
  }

  private static Object ints(BinOp op, long a, long b) {
    try {
      return switch (op) {
        case ADD -> Math.addExact(a, b);
        case SUB -> Math.subtractExact(a, b);
        case MUL -> Math.multiplyExact(a, b);
        case FLOORDIV -> {
          if (b == 0) throw new TdslError("integer division or modulo by zero");
          if (a == Long.MIN_VALUE && b == -1) throw new ArithmeticException();
          yield Math.floorDiv(a, b);
        }
        case MOD -> {
          if (b == 0) throw new TdslError("integer modulo by zero");
          yield Math.floorMod(a, b);
        }
        case POW -> {
          if (b < 0) yield floats(op, a, b, false);
          long r = 1;
          long base = a;
          long e = b;
          while (e > 0) {
            if ((e & 1) == 1) r = Math.multiplyExact(r, base);
            e >>= 1;
            if (e > 0) base = Math.multiplyExact(base, base);
          }
          yield r;
        }
        case AND -> a & b;
        case OR -> a | b;
        case XOR -> a ^ b;
        case LSHIFT -> {
          if (b < 0) throw new TdslError("negative shift count");
          if (b >= 64 || (a << b) >> b != a) throw new ArithmeticException();
          yield a << b;
        }
        case RSHIFT -> {
          if (b < 0) throw new TdslError("negative shift count");
          yield a >> Math.min(b, 63);
        }
        case DIV, MATMUL -> Protocol.UNSUPPORTED;
      };
    } catch (ArithmeticException e) {
      throw new TdslError("integer overflow: the result of " + a + " " + op.symbol + " " + b
          + " does not fit in 64 bits");
    }
  }

  private static Object floats(BinOp op, double a, double b, boolean anyFloat) {
    return switch (op) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> {
        if (b == 0) throw new TdslError(anyFloat ? "float division by zero" : "division by zero");
        yield a / b;
      }
      case FLOORDIV -> {
        if (b == 0) throw new TdslError("float floor division by zero");
        yield Math.floor(a / b);
      }
      case MOD -> {
        if (b == 0) throw new TdslError("float modulo");
        double r = a % b;
        if (r != 0 && (r < 0) != (b < 0)) r += b;
        yield r;
      }
      case POW -> {
        if (a == 0 && b < 0) throw new TdslError("0.0 cannot be raised to a negative power");
        if (a < 0 && b != Math.rint(b)) throw new TdslError("math domain error");
        yield Math.pow(a, b);
      }
      default -> Protocol.UNSUPPORTED;
    };
  }
}
