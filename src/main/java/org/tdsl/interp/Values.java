package org.tdsl.interp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Python's rules for the interpreter's values: names of types, str/repr, truth, equality, order. */
public final class Values {
  private Values() {}

  public static String typeName(Object v) {
    return typeName(v, null);
  }

  /** The type name in messages ('int', 'list', a Protocol's typeName for foreign values). */
  public static String typeName(Object v, Interpreter ip) {
    return switch (v) {
      case null -> "NoneType";
      case Boolean b -> "bool";
      case Long l -> "int";
      case Double d -> "float";
      case String s -> "str";
      case PyList l -> "list";
      case PyTuple t -> "tuple";
      case PyDict d -> "dict";
      case PyRange r -> "range";
      case PyIterator i -> i.kind();
      case DictView dv -> dv.kind();
      case Function f -> "function";
      case Builtin b -> "builtin_function_or_method";
      case Quitter q -> "Quitter";
      case PyMethod m -> "method";
      case PyCallable c -> "builtin_function_or_method";
      case Slice s -> "slice";
      case Ellipsis e -> "ellipsis";
      case PyObject o -> o.pyClass().name();
      case PyClass c -> "type";
      default -> {
        Protocol<Object> p = ip == null ? null : ip.builtins().protocolFor(v);
        yield p != null ? p.typeName(v) : v.getClass().getSimpleName();
      }
    };
  }

  public static String str(Object v) {
    return str(v, null);
  }

  /** Python's str() (foreign values through their Protocol). */
  public static String str(Object v, Interpreter ip) {
    if (v instanceof String s) return s;
    if (isForeign(v)) {
      Protocol<Object> p = ip == null ? null : ip.builtins().protocolFor(v);
      return p != null ? p.str(v) : String.valueOf(v);
    }
    return repr(v, ip);
  }

  public static String repr(Object v) {
    return repr(v, null);
  }

  /** Python's repr() (foreign values through their Protocol). */
  public static String repr(Object v, Interpreter ip) {
    return switch (v) {
      case null -> "None";
      case Boolean b -> b ? "True" : "False";
      case Long l -> l.toString();
      case Double d -> PyFormat.repr(d);
      case String s -> PyFormat.reprString(s);
      case PyList l -> join("[", l.items, "]", ip);
      case PyTuple t -> t.size() == 1 ? "(" + repr(t.get(0), ip) + ",)" : join("(", t.items(), ")", ip);
      case PyDict d -> {
        StringBuilder sb = new StringBuilder("{");
        List<Object> keys = d.keys();
        for (int i = 0; i < keys.size(); i++) {
          if (i > 0) sb.append(", ");
          sb.append(repr(keys.get(i), ip)).append(": ").append(repr(d.get(keys.get(i)), ip));
        }
        yield sb.append("}").toString();
      }
      case Slice s -> "slice(" + repr(s.start(), ip) + ", " + repr(s.stop(), ip) + ", " + repr(s.step(), ip) + ")";
      case PyRange r -> r.toString();
      case PyIterator i -> i.toString();
      case DictView dv -> dv.kind() + "(" + repr(new PyList(dv.items()), ip) + ")";
      case Function f -> f.toString();
      case Builtin b -> b.toString();
      case Ellipsis e -> "Ellipsis";
      default -> {
        Protocol<Object> p = ip == null ? null : ip.builtins().protocolFor(v);
        yield p != null ? p.repr(v) : String.valueOf(v);
      }
    };
  }

  private static String join(String open, List<Object> items, String close, Interpreter ip) {
    StringBuilder sb = new StringBuilder(open);
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(repr(items.get(i), ip));
    }
    return sb.append(close).toString();
  }

  /** Not one of the interpreter's own values: handled by a registered Protocol. */
  public static boolean isForeign(Object v) {
    return !(v == null || v instanceof Boolean || v instanceof Long || v instanceof Double
        || v instanceof String || v instanceof PyList || v instanceof PyTuple || v instanceof PyDict
        || v instanceof PyRange || v instanceof PyIterator || v instanceof PyCallable || v instanceof DictView
        || v instanceof Slice || v instanceof Ellipsis);
  }

  /** Python's truth value (foreign values through their Protocol). */
  public static boolean truthy(Object v, Interpreter ip) {
    return switch (v) {
      case null -> false;
      case Boolean b -> b;
      case Long l -> l != 0;
      case Double d -> d != 0.0;
      case String s -> !s.isEmpty();
      case PyList l -> l.size() > 0;
      case PyTuple t -> t.size() > 0;
      case PyDict d -> d.size() > 0;
      case PyRange r -> !r.isEmpty();
      case DictView dv -> dv.dict().size() > 0;
      default -> {
        Protocol<Object> p = ip == null ? null : ip.builtins().protocolFor(v);
        if (p == null) yield true;
        Boolean t = p.truthy(v);
        if (t != null) yield t;
        long n = p.len(v);
        yield n < 0 || n > 0;
      }
    };
  }

  /** int, float or bool. */
  public static boolean isNumber(Object v) {
    return v instanceof Long || v instanceof Double || v instanceof Boolean;
  }

  /** A Python number as a double; TypeError words otherwise. */
  public static double toDouble(Object v) {
    return switch (v) {
      case Double d -> d;
      case Long l -> l;
      case Boolean b -> b ? 1.0 : 0.0;
      case null, default -> throw new TdslError("must be real number, not " + typeName(v));
    };
  }

  /** An int used as an index or count. */
  public static long toIndex(Object v) {
    if (v instanceof Long l) return l;
    if (v instanceof Boolean b) return b ? 1 : 0;
    throw new TdslError("slice indices must be integers or None or have an __index__ method");
  }

  /** Python's == on the interpreter's own values (foreign values compare by identity here). */
  public static boolean equal(Object a, Object b) {
    if (a == b) return true;
    if (a == null || b == null) return false;
    if (isNumber(a) && isNumber(b)) {
      if (a instanceof Double || b instanceof Double) return toDouble(a) == toDouble(b);
      return toDouble(a) == toDouble(b) && asLong(a) == asLong(b);
    }
    if (a instanceof PyList x && b instanceof PyList y) return equalItems(x.items, y.items);
    if (a instanceof PyTuple x && b instanceof PyTuple y) return equalItems(x.items(), y.items());
    if (a instanceof PyDict x && b instanceof PyDict y) {
      if (x.size() != y.size()) return false;
      for (Object k : x.keys()) if (!y.containsKey(k) || !equal(x.get(k), y.get(k))) return false;
      return true;
    }
    if (a instanceof PyRange x && b instanceof PyRange y) return x.equals(y);
    return a.equals(b);
  }

  private static long asLong(Object v) {
    return v instanceof Boolean b ? (b ? 1 : 0) : (Long) v;
  }

  private static boolean equalItems(List<Object> a, List<Object> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) if (!equal(a.get(i), b.get(i))) return false;
    return true;
  }

  static int hash(Object v) {
    if (v instanceof Boolean b) return b ? 1 : 0;
    if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) return Long.hashCode((long) (double) d);
    if (v instanceof Long l) return Long.hashCode(l);
    return v == null ? 0 : v.hashCode();
  }

  /** a < b for numbers, strings and sequences; null when the types do not order. */
  public static Integer order(Object a, Object b) {
    if (a instanceof PyObject || b instanceof PyObject) return InstanceProtocol.order(a, b);
    if (isNumber(a) && isNumber(b)) {
      if (a instanceof Double || b instanceof Double) return Double.compare(toDouble(a), toDouble(b)) == 0 ? 0 : toDouble(a) < toDouble(b) ? -1 : toDouble(a) > toDouble(b) ? 1 : null;
      return Long.compare(asLong(a), asLong(b));
    }
    if (a instanceof String x && b instanceof String y) return Integer.signum(x.compareTo(y));
    if (a instanceof PyList x && b instanceof PyList y) return orderItems(x.items, y.items);
    if (a instanceof PyTuple x && b instanceof PyTuple y) return orderItems(x.items(), y.items());
    return null;
  }

  private static Integer orderItems(List<Object> a, List<Object> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      if (equal(a.get(i), b.get(i))) continue;
      Integer o = order(a.get(i), b.get(i));
      if (o == null) throw new TdslError("'<' not supported between instances of '" + typeName(a.get(i)) + "' and '" + typeName(b.get(i)) + "'");
      return o;
    }
    return Integer.compare(a.size(), b.size());
  }

  /** A comparator with Python's ordering, throwing Python's TypeError for unorderable values. */
  public static int compare(Object a, Object b) {
    Integer o = order(a, b);
    if (o == null) {
      throw new TdslError("'<' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
    }
    return o;
  }

  /** Python's iter(): lists, tuples, str, dicts, ranges, iterators, foreign iterables. */
  public static Iterator<Object> iterate(Object v, Interpreter ip) {
    return switch (v) {
      case PyList l -> new Iterator<>() {
        int i = 0;

        public boolean hasNext() {
          return i < l.items.size();
        }

        public Object next() {
          if (!hasNext()) throw new NoSuchElementException();
          return l.items.get(i++);
        }
      };
      case PyTuple t -> t.items().iterator();
      case String s -> s.codePoints().mapToObj(c -> (Object) new String(Character.toChars(c))).iterator();
      case PyDict d -> d.keys().iterator();
      case PyRange r -> new Iterator<>() {
        long i = 0;
        final long n = r.length();

        public boolean hasNext() {
          return i < n;
        }

        public Object next() {
          return r.get(i++);
        }
      };
      case PyIterator it -> it.iterator();
      case DictView dv -> dv.items().iterator();
      case null -> throw new TdslError("'NoneType' object is not iterable");
      default -> {
        Protocol<Object> p = ip == null ? null : ip.builtins().protocolFor(v);
        Iterator<Object> it = p == null ? null : p.iterate(v);
        if (it == null) throw new TdslError("'" + typeName(v, ip) + "' object is not iterable");
        yield it;
      }
    };
  }

  /** All items of an iterable (checks for cancellation as it goes). */
  public static List<Object> toList(Object v, Interpreter ip) {
    List<Object> out = new ArrayList<>();
    Iterator<Object> it = iterate(v, ip);
    while (it.hasNext()) {
      if (ip != null) ip.host().checkCancelled();
      out.add(it.next());
    }
    return out;
  }

  public static long len(Object v, Interpreter ip) {
    return switch (v) {
      case String s -> s.codePointCount(0, s.length());
      case PyList l -> l.size();
      case PyTuple t -> t.size();
      case PyDict d -> d.size();
      case PyRange r -> r.length();
      case DictView dv -> dv.dict().size();
      case null, default -> {
        Protocol<Object> p = ip == null || v == null ? null : ip.builtins().protocolFor(v);
        long n = p == null ? -1 : p.len(v);
        if (n < 0) throw new TdslError("object of type '" + typeName(v, ip) + "' has no len()");
        yield n;
      }
    };
  }

  /** format(value, spec), as f-strings and str.format use it. */
  static String format(Object v, String spec, Interpreter ip) {
    try {
      return switch (v) {
        case Boolean b -> spec.isEmpty() ? str(b) : PyFormat.format(b ? 1L : 0L, spec);
        case Long l -> PyFormat.format(l, spec);
        case Double d -> PyFormat.format(d, spec);
        case String s -> PyFormat.format(s, spec);
        case null, default -> {
          if (isForeign(v)) {
            Protocol<Object> p = ip == null ? null : ip.builtins().protocolFor(v);
            if (p != null) yield p.format(v, spec);
          }
          if (spec.isEmpty()) yield str(v, ip);
          throw new TdslError("unsupported format string passed to " + typeName(v, ip) + ".__format__");
        }
      };
    } catch (IllegalArgumentException e) {
      throw new TdslError(e.getMessage());
    }
  }
}
