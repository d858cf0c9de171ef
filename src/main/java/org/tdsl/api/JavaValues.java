package org.tdsl.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.PyDict;
import org.tdsl.interp.PyList;
import org.tdsl.interp.PyTuple;
import org.tdsl.interp.Values;
import org.tdsl.tensor.Tensor;

/**
 * Values crossing between Java and tdsl. In: Java numbers become tdsl ints (Long) or floats
 * (Double); primitive arrays become 1-D tensors; Lists and Object[] become lists; Maps become
 * dicts; a Tensor stays itself. Out: lists and tuples become java.util.Lists, dicts
 * LinkedHashMaps; numbers, strings, booleans, None (null) and tensors come as they are, and
 * anything else (a function, a layer, a shape) as an opaque value that can be passed back.
 */
final class JavaValues {
  private JavaValues() {}

  static Object toTdsl(Object v) {
    return switch (v) {
      case null -> null;
      case Integer i -> (long) i;
      case Short s -> (long) s;
      case Byte b -> (long) b;
      case Float f -> (double) f;
      case Character c -> c.toString();
      case CharSequence s -> s.toString();
      case float[] a -> Tensor.of(a.clone(), a.length);
      case double[] a -> {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) f[i] = (float) a[i];
        yield Tensor.of(f, f.length);
      }
      case long[] a -> Tensor.of(a.clone(), a.length);
      case int[] a -> {
        long[] l = new long[a.length];
        for (int i = 0; i < a.length; i++) l[i] = a[i];
        yield Tensor.of(l, l.length);
      }
      case boolean[] a -> Tensor.of(a.clone(), a.length);
      case Object[] a -> toTdsl(java.util.Arrays.asList(a));
      case JavaFunction f -> new HostFunction("java_function", f);
      case List<?> l -> {
        PyList out = new PyList();
        for (Object o : l) out.items.add(toTdsl(o));
        yield out;
      }
      case Map<?, ?> m -> {
        PyDict out = new PyDict();
        for (Map.Entry<?, ?> e : m.entrySet()) out.put(toTdsl(e.getKey()), toTdsl(e.getValue()));
        yield out;
      }
      default -> v;  // Long, Double, Boolean, Tensor, and host objects tdsl treats as opaque
    };
  }

  static Object toJava(Object v) {
    return switch (v) {
      case PyList l -> list(l.items);
      case PyTuple t -> Collections.unmodifiableList(list(t.items()));
      case PyDict d -> {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object k : d.keys()) out.put(toJava(k), toJava(d.get(k)));
        yield out;
      }
      case null, default -> v;
    };
  }

  private static List<Object> list(List<Object> items) {
    List<Object> out = new ArrayList<>(items.size());
    for (Object o : items) out.add(toJava(o));
    return out;
  }

  /** v as the Java type the host asked for, converting numbers and tensors the obvious ways. */
  @SuppressWarnings("unchecked")
  static <T> T as(Object v, Class<T> type, String name, Interpreter ip) {
    Object r = convert(toJava(v), type);
    if (r == null && v != null) {
      throw new ClassCastException("tdsl variable '" + name + "' is a " + Values.typeName(v, ip) + ", not a " + type.getName());
    }
    return (T) r;
  }

  private static Object convert(Object v, Class<?> type) {
    if (v == null || type.isInstance(v)) return v;
    if (v instanceof Tensor t) {
      if (type == float[].class) return t.toFloatArray();
      if (type == long[].class) return t.toLongArray();
      if (t.numel() == 1) v = t.item();
    }
    if (v instanceof Boolean b && (type == boolean.class)) return b;
    if (v instanceof Number n) {
      if (type == Double.class || type == double.class) return n.doubleValue();
      if (type == Float.class || type == float.class) return n.floatValue();
      if ((type == Long.class || type == long.class) && v instanceof Long) return n.longValue();
      if ((type == Integer.class || type == int.class) && v instanceof Long l && l == l.intValue()) return l.intValue();
    }
    return type.isInstance(v) ? v : null;
  }
}
