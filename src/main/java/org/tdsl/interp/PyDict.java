package org.tdsl.interp;

import java.util.LinkedHashMap;
import java.util.Map;

/** An insertion-ordered dict. Keys are normalised so that 1, 1.0 and True meet as in Python. */
public final class PyDict {
  private final Map<Object, Object> keys = new LinkedHashMap<>();   // normalised -> original key
  private final Map<Object, Object> values = new LinkedHashMap<>(); // normalised -> value

  public Object get(Object key) {
    return values.get(normal(key));
  }

  public boolean containsKey(Object key) {
    return values.containsKey(normal(key));
  }

  public void put(Object key, Object value) {
    Object k = normal(key);
    keys.putIfAbsent(k, key);
    values.put(k, value);
  }

  public Object remove(Object key) {
    Object k = normal(key);
    keys.remove(k);
    return values.remove(k);
  }

  public int size() {
    return values.size();
  }

  public java.util.List<Object> keys() {
    return new java.util.ArrayList<>(keys.values());
  }

  public java.util.List<Object> values() {
    return new java.util.ArrayList<>(values.values());
  }

  public void clear() {
    keys.clear();
    values.clear();
  }

  private static Object normal(Object key) {
    if (key instanceof PyList || key instanceof PyDict) {
      throw new TdslError("unhashable type: '" + Values.typeName(key) + "'");
    }
    if (key instanceof PyObject o && !o.pyClass().hashable()) {
      throw new TdslError("unhashable type: '" + o.pyClass().name() + "'");
    }
    if (key instanceof Boolean b) return b ? 1L : 0L;
    if (key instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) return (long) (double) d;
    return key;
  }

  @Override
  public String toString() {
    return Values.repr(this);
  }
}
