package org.tdsl.nn;

import java.util.Map;
import org.tdsl.tensor.Tensor;

/** {@code nn.ModuleDict}: layers by name, in insertion order; their parameters count as the owner's. */
public final class ModuleDict extends Module {
  public ModuleDict(Map<String, ? extends Module> modules) {
    modules.forEach(this::put);
  }

  /** {@code d[key] = m} (a new key goes last; an existing one keeps its place). */
  public void put(String key, Module m) { registerModule(key, m); }

  /** {@code d[key]}; null when absent. */
  public Module get(String key) { return child(key); }

  /** {@code d.pop(key)}. */
  public Module pop(String key) {
    Module m = child(key);
    if (m == null) throw new java.util.NoSuchElementException(key);
    removeModule(key);
    return m;
  }

  public int len() { return namedChildren().size(); }

  @Override
  public Tensor forward(Tensor input) {
    throw new IllegalArgumentException("Module [ModuleDict] is missing the required \"forward\" function");
  }
}
