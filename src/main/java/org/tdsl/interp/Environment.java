package org.tdsl.interp;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One scope: the globals, or a function call's locals, with a link to the enclosing scope.
 * `global x` and `nonlocal x` make a scope send x's reads and writes to another scope.
 */
final class Environment {
  static final Object MISSING = new Object();
  final Environment enclosing;
  private final Map<String, Object> values = new HashMap<>();
  /** Names declared global or nonlocal here, and the scope that holds them; null until one is. */
  private Map<String, Environment> redirects;

  Environment(Environment enclosing) {
    this.enclosing = enclosing;
  }

  Object get(String name) {
    for (Environment e = this; e != null; e = e.enclosing) {
      Object v = e.values.getOrDefault(name, MISSING);
      if (v != MISSING) return v;
      if (e.redirects != null && e.redirects.containsKey(name)) {
        return e.redirects.get(name).values.getOrDefault(name, MISSING);
      }
    }
    return MISSING;
  }

  /** Binds name in this scope itself (parameters, the host's globals). */
  void define(String name, Object value) {
    values.put(name, value);
  }

  /** Binds name as an assignment does: here, or where `global` / `nonlocal` sent it. */
  void assign(String name, Object value) {
    owner(name).values.put(name, value);
  }

  /** Unbinds name as `del` does; false when it was not bound. */
  boolean delete(String name) {
    return owner(name).remove(name);
  }

  private Environment owner(String name) {
    Environment target = redirects == null ? null : redirects.get(name);
    return target != null ? target : this;
  }

  /** `global name`: this scope's assignments to name go to the module's globals. */
  void declareGlobal(String name) {
    Environment root = this;
    while (root.enclosing != null) root = root.enclosing;
    if (root != this) redirect(name, root);
  }

  /** `nonlocal name`: false when no enclosing function binds name. */
  boolean declareNonlocal(String name) {
    for (Environment e = enclosing; e != null && e.enclosing != null; e = e.enclosing) {
      if (e.values.containsKey(name)) {
        redirect(name, e);
        return true;
      }
    }
    return false;
  }

  private void redirect(String name, Environment target) {
    if (redirects == null) redirects = new HashMap<>();
    redirects.put(name, target);
    values.remove(name);
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
