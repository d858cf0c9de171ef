package org.tdsl.api;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.script.Bindings;

/**
 * The script engine's ENGINE_SCOPE: a live view of the session's globals, so
 * {@code engine.put("x", 3)} binds tdsl's {@code x} and {@code engine.get("y")} reads tdsl's
 * {@code y}. Keys that are not tdsl names (javax.script.filename, ...) are kept aside here.
 */
final class SessionBindings extends AbstractMap<String, Object> implements Bindings {
  final Session session;
  private final Map<String, Object> others = new HashMap<>();

  SessionBindings(Session session) {
    this.session = session;
  }

  static boolean isName(String key) {
    if (key == null || key.isEmpty() || !Character.isJavaIdentifierStart(key.charAt(0)) || key.charAt(0) == '$') return false;
    for (int i = 1; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!Character.isJavaIdentifierPart(c) || c == '$') return false;
    }
    return true;
  }

  @Override
  public Object put(String name, Object value) {
    if (!isName(name)) return others.put(name, value);
    Object old = session.has(name) ? session.get(name) : null;
    session.set(name, value);
    return old;
  }

  @Override
  public Object get(Object key) {
    if (!(key instanceof String name)) return null;
    if (!isName(name)) return others.get(name);
    return session.has(name) ? session.get(name) : null;
  }

  @Override
  public boolean containsKey(Object key) {
    if (!(key instanceof String name)) return false;
    return isName(name) ? session.has(name) : others.containsKey(name);
  }

  @Override
  public Object remove(Object key) {
    if (!(key instanceof String name)) return null;
    if (!isName(name)) return others.remove(name);
    Object old = get(name);
    session.remove(name);
    return old;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    Set<Entry<String, Object>> entries = new LinkedHashSet<>();
    for (String name : session.names()) entries.add(new SimpleImmutableEntry<>(name, session.get(name)));
    entries.addAll(others.entrySet());
    return entries;
  }
}
