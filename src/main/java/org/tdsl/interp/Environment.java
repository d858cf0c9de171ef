package org.tdsl.interp;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** One scope: the globals, or a function call's locals, with a link to the enclosing scope. */
final class Environment {
  static final Object MISSING = new Object();
  final Environment enclosing;
  private final Map<String, Object> values = new HashMap<>();

  Environment(Environment enclosing) {
    this.enclosing = enclosing;
  }

  Object get(String name) {
    for (Environment e = this; e != null; e = e.enclosing) {
      Object v = e.values.getOrDefault(name, MISSING);
      if (v != MISSING) return v;
    }
    return MISSING;
  }

  void define(String name, Object value) {
    values.put(name, value);
  }

  boolean remove(String name) {
    boolean had = values.containsKey(name);
    values.remove(name);
    return had;
  }

  Set<String> localNames() {
    return values.keySet();
  }

  void collectNames(Set<String> into) {
    for (Environment e = this; e != null; e = e.enclosing) into.addAll(e.values.keySet());
  }
}
