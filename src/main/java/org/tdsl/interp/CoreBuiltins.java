package org.tdsl.interp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.tdsl.syntax.BinOp;
import org.tdsl.syntax.CmpOp;

/** Python's everyday builtins. */
final class CoreBuiltins {
  private CoreBuiltins() {}

  static void install(Builtins b) {
    b.register("print", "print(*values, sep=' ', end='\\n', file=None, flush=False)",
        "Print values, separated by sep, followed by end (to file: an open file, sys.stderr).", a -> {
      String sep = a.get("sep") == null ? " " : a.getString("sep");
      String end = a.get("end") == null ? "\n" : a.getString("end");
      StringBuilder sb = new StringBuilder();
      List<Object> values = a.varargs("values").items();
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) sb.append(sep);
        sb.append(Values.str(values.get(i), a.interpreter()));
      }
      if (a.get("file") != null) {  // anything with write(): a file from open(), sys.stdout, sys.stderr
        a.call(a.interpreter().getAttr(a.get("file"), "write"), sb.append(end).toString());
        return null;
      }
      a.out().print(sb.append(end));
      return null;
    });
    b.register("len", "len(obj)", "The number of items of a container.", a -> Values.len(a.get("obj"), a.interpreter()));
    b.register("range", "range(*args)", "range(stop) or range(start, stop[, step]): integers.", a -> {
      List<Object> args = a.varargs("args").items();
      if (args.isEmpty() || args.size() > 3) {
        throw new TdslError(args.isEmpty() ? "range expected at least 1 argument, got 0" : "range expected at most 3 arguments, got " + args.size());
      }
      long[] v = new long[args.size()];
      for (int i = 0; i < v.length; i++) {
        if (!(args.get(i) instanceof Long || args.get(i) instanceof Boolean)) {
          throw new TdslError("'" + Values.typeName(args.get(i)) + "' object cannot be interpreted as an integer");
        }
        v[i] = Values.toIndex(args.get(i));
      }
      if (v.length == 3 && v[2] == 0) throw new TdslError("range() arg 3 must not be zero");
      return v.length == 1 ? new PyRange(0, v[0], 1) : new PyRange(v[0], v[1], v.length == 3 ? v[2] : 1);
    });
    b.register("enumerate", "enumerate(iterable, start=0)", "Pairs (index, item).", a -> {
      Iterator<Object> it = Values.iterate(a.get("iterable"), a.interpreter());
      long start = a.getLong("start");
      return new PyIterator("enumerate", new ClosingIterator<>() {
        long i = start;

        public boolean hasNext() {
          return it.hasNext();
        }

        public Object next() {
          return PyTuple.of(i++, it.next());
        }

        public void close() {
          ClosingIterator.closeIfClosing(it);
        }
      });
    });
    b.register("reversed", "reversed(sequence)", "The items in reverse order.", a -> {
      List<Object> items = Values.toList(a.get("sequence"), a.interpreter());
      java.util.Collections.reverse(items);
      return new PyIterator("list_reverseiterator", items.iterator());
    });
    b.register("iter", "iter(iterable)", "An iterator over the items.", a -> new PyIterator("iterator", Values.iterate(a.get("iterable"), a.interpreter())));
    b.register("next", "next(iterator, *default)", "The next item of an iterator.", a -> {
      if (a.get("iterator") instanceof PyObject o && o.pyClass().lookup("__next__") != PyClass.ABSENT) {
        try {
          return InstanceProtocol.callDunder(o, "__next__");
        } catch (TdslError e) {
          if (!InstanceProtocol.isStopIteration(e) || a.varargs("default").size() == 0) throw e;
          return a.varargs("default").get(0);
        }
      }
      if (!(a.get("iterator") instanceof PyIterator it)) {
        throw new TdslError("'" + Values.typeName(a.get("iterator")) + "' object is not an iterator");
      }
      if (it.iterator().hasNext()) return it.iterator().next();
      if (a.varargs("default").size() > 0) return a.varargs("default").get(0);
      throw new TdslError("StopIteration");
    });
    b.register("str", "str(object='')", "The str of a value (what print shows).", a -> Values.str(a.get("object"), a.interpreter()));
    b.register("repr", "repr(obj)", "The repr of a value (what the REPL echoes).", a -> Values.repr(a.get("obj"), a.interpreter()));
    b.register("format", "format(value, format_spec='')", "Format a value with a format spec.", a -> Values.format(a.get("value"), a.getString("format_spec"), a.interpreter()));
    b.register("int", "int(x=0)", "An int from a number or a string.", a -> toInt(a.get("x")));
    b.register("float", "float(x=0.0)", "A float from a number or a string.", a -> toFloat(a.get("x")));
    b.register("bool", "bool(x=False)", "The truth value of x.", a -> a.getBool("x"));
    b.register("abs", "abs(x)", "The absolute value.", a -> {
      Object x = a.get("x");
      if (x instanceof Long l) {
        if (l == Long.MIN_VALUE) throw new TdslError("integer overflow: abs(" + l + ") does not fit in 64 bits");
        return Math.abs(l);
      }
      if (x instanceof Double d) return Math.abs(d);
      if (x instanceof Boolean bo) return bo ? 1L : 0L;
      if (x instanceof PyObject o) {
        Object r = InstanceProtocol.callDunder(o, "__abs__");
        if (r != PyClass.ABSENT) return r;
      }
      Protocol<Object> p = Values.isForeign(x) && !(x instanceof PyObject) ? a.interpreter().builtins().protocolFor(x) : null;
      if (p != null) {
        Object attr = p.getAttr(x, "abs");
        if (attr != Protocol.UNSUPPORTED) return a.call(attr);
      }
      throw new TdslError("bad operand type for abs(): '" + Values.typeName(x, a.interpreter()) + "'");
    });
    b.register("min", "min(*args, key=None, default=None)", "The smallest item.", a -> extreme(a, "min", -1));
    b.register("max", "max(*args, key=None, default=None)", "The largest item.", a -> extreme(a, "max", 1));
    b.register("sum", "sum(iterable, start=0)", "The sum of the items, plus start.", a -> {
      Object total = a.get("start");
      Iterator<Object> it = Values.iterate(a.get("iterable"), a.interpreter());
      while (it.hasNext()) total = a.interpreter().binary(BinOp.ADD, total, it.next());
      return total;
    });
    b.register("round", "round(number, ndigits=None)", "Round half to even; an int without ndigits.", a -> round(a.get("number"), a.get("ndigits"), a));
    b.register("list", "list(iterable=())", "A list of the items.", a -> new PyList(Values.toList(a.get("iterable"), a.interpreter())));
    b.register("tuple", "tuple(iterable=())", "A tuple of the items.", a -> new PyTuple(Values.toList(a.get("iterable"), a.interpreter())));
    b.register("dict", "dict(*iterable, **kwargs)", "A dict from pairs and/or keywords.", a -> {
      PyDict d = new PyDict();
      for (Object o : a.varargs("iterable").items()) fillDict(d, o, a.interpreter());
      PyDict kw = (PyDict) a.get("kwargs");
      for (Object k : kw.keys()) d.put(k, kw.get(k));
      return d;
    });
    b.register("sorted", "sorted(iterable, *, key=None, reverse=False)", "A new sorted list.", a -> {
      List<Object> items = Values.toList(a.get("iterable"), a.interpreter());
      Methods.sort(items, a);
      return new PyList(items);
    });
    b.register("any", "any(iterable)", "True if any item is true.", a -> {
      Iterator<Object> it = Values.iterate(a.get("iterable"), a.interpreter());
      while (it.hasNext()) if (a.interpreter().truthy(it.next())) return true;
      return false;
    });
    b.register("all", "all(iterable)", "True if every item is true.", a -> {
      Iterator<Object> it = Values.iterate(a.get("iterable"), a.interpreter());
      while (it.hasNext()) if (!a.interpreter().truthy(it.next())) return false;
      return true;
    });
    b.register("getattr", "getattr(object, name, *default)", "The attribute name of object (or default when it has none).", a -> {
      try {
        return a.interpreter().getAttr(a.get("object"), a.getString("name"));
      } catch (TdslError e) {
        if (a.varargs("default").size() == 0 || !e.getMessage().contains("has no attribute")) throw e;
        return a.varargs("default").get(0);
      }
    });
    b.register("hasattr", "hasattr(object, name)", "Whether object has the attribute name.", a -> {
      try {
        a.interpreter().getAttr(a.get("object"), a.getString("name"));
        return true;
      } catch (TdslError e) {
        if (!e.getMessage().contains("has no attribute")) throw e;
        return false;
      }
    });
    ClassBuiltins.install(b);
  }

  static void fillDict(PyDict d, Object source, Interpreter ip) {
    if (source instanceof PyDict other) {
      for (Object k : other.keys()) d.put(k, other.get(k));
      return;
    }
    int i = 0;
    for (Object pair : Values.toList(source, ip)) {
      List<Object> kv = Values.toList(pair, ip);
      if (kv.size() != 2) {
        throw new TdslError("dictionary update sequence element #" + i + " has length " + kv.size() + "; 2 is required");
      }
      d.put(kv.get(0), kv.get(1));
      i++;
    }
  }

  private static Object extreme(Args a, String name, int sign) {
    List<Object> args = a.varargs("args").items();
    if (args.isEmpty()) throw new TdslError(name + " expected at least 1 argument, got 0");
    List<Object> items = args.size() == 1 ? Values.toList(args.getFirst(), a.interpreter()) : args;
    if (items.isEmpty()) {
      if (a.keywords().containsKey("default")) return a.get("default");
      throw new TdslError(name + "() iterable argument is empty");
    }
    Object key = a.get("key");
    Object best = items.getFirst();
    Object bestKey = key == null ? best : a.call(key, best);
    for (Object x : items.subList(1, items.size())) {
      Object k = key == null ? x : a.call(key, x);
      Object better = compareValues(a, k, bestKey, sign > 0 ? CmpOp.GT : CmpOp.LT);
      if (a.interpreter().truthy(better)) {
        best = x;
        bestKey = k;
      }
    }
    return best;
  }

  private static Object compareValues(Args a, Object x, Object y, CmpOp op) {
    Integer o = Values.order(x, y);
    if (o == null) {
      if (Values.isNumber(x) && Values.isNumber(y)) return false;
      throw new TdslError("'" + op.symbol + "' not supported between instances of '" + Values.typeName(x, a.interpreter())
          + "' and '" + Values.typeName(y, a.interpreter()) + "'");
    }
    return op == CmpOp.GT ? o > 0 : o < 0;
  }

  private static Object round(Object number, Object ndigits, Args a) {
    if (number instanceof Boolean bo) number = bo ? 1L : 0L;
    if (number instanceof Long l) {
      if (ndigits == null || Values.toIndex(ndigits) >= 0) return l;
      BigDecimal r = new BigDecimal(l).setScale((int) Values.toIndex(ndigits), RoundingMode.HALF_EVEN);
      return r.longValue();
    }
    if (number instanceof Double d) {
      if (ndigits == null) {
        if (d.isNaN()) throw new TdslError("cannot convert float NaN to integer");
        if (d.isInfinite()) throw new TdslError("cannot convert float infinity to integer");
        double r = Math.rint(d);
        // tdsl's int is 64-bit (docs/CHOICES.md): round(1e300) has no value to give, so say so
        if (Math.abs(r) >= 9.223372036854775807E18) throw new TdslError("integer overflow: round(" + PyFormat.repr(d) + ") does not fit in 64 bits");
        return (long) r;
      }
      if (d.isNaN() || d.isInfinite()) return d;
      long n = Values.toIndex(ndigits);
      return new BigDecimal(d).setScale((int) Math.max(-400, Math.min(400, n)), RoundingMode.HALF_EVEN).doubleValue();
    }
    Protocol<Object> p = Values.isForeign(number) ? a.interpreter().builtins().protocolFor(number) : null;
    if (p != null) {
      Object attr = p.getAttr(number, "round");
      if (attr != Protocol.UNSUPPORTED) return a.call(attr);
    }
    throw new TdslError("type " + Values.typeName(number, a.interpreter()) + " doesn't define __round__ method");
  }

  private static Object toInt(Object x) {
    return switch (x) {
      case Long l -> l;
      case Boolean bo -> bo ? 1L : 0L;
      case Double d -> {
        if (d.isNaN()) throw new TdslError("cannot convert float NaN to integer");
        if (d.isInfinite()) throw new TdslError("cannot convert float infinity to integer");
        if (Math.abs(d) >= 9.223372036854775807E18) throw new TdslError("integer overflow: " + PyFormat.repr(d) + " does not fit in 64 bits");
        yield (long) (double) d;
      }
      case String s -> {
        try {
          yield Long.parseLong(s.strip().replace("_", ""));
        } catch (NumberFormatException e) {
          throw new TdslError("invalid literal for int() with base 10: " + Values.repr(s));
        }
      }
      case null, default -> throw new TdslError("int() argument must be a string, a bytes-like object or a real number, not '" + Values.typeName(x) + "'");
    };
  }

  private static Object toFloat(Object x) {
    return switch (x) {
      case Double d -> d;
      case Long l -> (double) l;
      case Boolean bo -> bo ? 1.0 : 0.0;
      case String s -> {
        String t = s.strip().toLowerCase();
        switch (t) {
          case "inf", "+inf", "infinity", "+infinity" -> { yield Double.POSITIVE_INFINITY; }
          case "-inf", "-infinity" -> { yield Double.NEGATIVE_INFINITY; }
          case "nan", "+nan", "-nan" -> { yield Double.NaN; }
          default -> {
            try {
              if (t.isEmpty() || !t.matches("[+-]?(\\d[\\d_]*\\.?[\\d_]*|\\.\\d[\\d_]*)(e[+-]?\\d+)?")) throw new NumberFormatException();
              yield Double.parseDouble(t.replace("_", ""));
            } catch (NumberFormatException e) {
              throw new TdslError("could not convert string to float: " + Values.repr(s));
            }
          }
        }
      }
      case null, default -> throw new TdslError("float() argument must be a string or a real number, not '" + Values.typeName(x) + "'");
    };
  }
}
