package org.tdsl.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tdsl.tensor.Shapes;
import org.tdsl.tensor.Tensor;

/**
 * A layer: named parameters (possibly None, like a Linear without bias), named buffers
 * (state that is saved but not trained), named child modules (a slot may hold None, as
 * PyTorch allows), a training flag, and a forward pass. Names follow PyTorch's
 * {@code state_dict}: {@code weight}, {@code 0.weight}, {@code features.3.bias}.
 */
public abstract class Module {
  private final Map<String, Tensor> parameters = new LinkedHashMap<>();
  private final Map<String, Tensor> buffers = new LinkedHashMap<>();
  private final java.util.Set<String> nonPersistent = new java.util.HashSet<>();
  private final Map<String, Module> children = new LinkedHashMap<>();
  private boolean training = true;

  /** The forward pass; calling a layer in tdsl calls this. */
  public abstract Tensor forward(Tensor input);

  /** {@code layer(x)}. */
  public final Tensor call(Tensor input) { return forward(input); }

  /** Registers a parameter (null for an absent one: {@code bias=False}); it becomes trainable. */
  public final Tensor registerParameter(String name, Tensor value) {
    if (value != null) {
      value.setRequiresGrad(true);
      value.setParameter(true);
    }
    parameters.put(name, value);
    return value;
  }

  /** Removes a child ({@code del d[key]}, {@code ModuleDict.pop}). */
  protected final void removeModule(String name) { children.remove(name); }

  /** Registers a persistent buffer: in state_dict, not in parameters() (BatchNorm's running statistics). */
  protected final Tensor registerBuffer(String name, Tensor value) {
    return registerBuffer(name, value, true);
  }

  /** Registers a child module (null keeps the slot, as {@code self.fc = None} does in PyTorch). */
  public final <M extends Module> M registerModule(String name, M module) {
    children.put(name, module);
    return module;
  }

  /**
   * {@code register_buffer(name, tensor, persistent)}: state that moves with the module and,
   * when persistent, is saved in {@code state_dict} after the parameters, but is not trained.
   */
  public final Tensor registerBuffer(String name, Tensor value, boolean persistent) {
    buffers.put(name, value);
    if (persistent) nonPersistent.remove(name);
    else nonPersistent.add(name);
    return value;
  }

  /**
   * Binds a parameter slot to a tensor the program made ({@code self.w = nn.Parameter(t)}, or
   * None), keeping its requires_grad as it is: {@code nn.Parameter(t, requires_grad=False)}.
   */
  public final void adoptParameter(String name, Tensor value) {
    if (value != null) value.setParameter(true);
    parameters.put(name, value);
  }

  /** Rebinds a buffer ({@code self.running = t}), keeping whether it is saved. */
  public final void setBuffer(String name, Tensor value) { buffers.put(name, value); }

  /** Forgets name as a parameter, buffer or child (before it is bound to something else). */
  public final void forget(String name) {
    parameters.remove(name);
    buffers.remove(name);
    nonPersistent.remove(name);
    children.remove(name);
  }

  /** A buffer by its own name; null when absent or None. */
  public Tensor buffer(String name) { return buffers.get(name); }

  public boolean hasBuffer(String name) { return buffers.containsKey(name); }

  /** Whether name is one of this module's own child slots (even one holding None). */
  public boolean hasChild(String name) { return children.containsKey(name); }

  /** {@code named_buffers()}: prefixed names, descendants included, skipping None. */
  public Map<String, Tensor> namedBuffers() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (var m : namedModules().entrySet()) {
      String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
      for (var kv : m.getValue().buffers.entrySet()) {
        if (kv.getValue() != null && !out.containsValue(kv.getValue())) out.put(prefix + kv.getKey(), kv.getValue());
      }
    }
    return out;
  }

  /**
   * {@code named_modules()}: this module under "" and every descendant under its dotted
   * path, depth first in registration order, each module once.
   */
  public Map<String, Module> namedModules() {
    Map<String, Module> out = new LinkedHashMap<>();
    collectModules("", out, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    return out;
  }

  private void collectModules(String prefix, Map<String, Module> out, java.util.Set<Module> seen) {
    if (!seen.add(this)) return;
    out.put(prefix, this);
    for (var kv : children.entrySet()) {
      if (kv.getValue() != null) kv.getValue().collectModules(prefix.isEmpty() ? kv.getKey() : prefix + "." + kv.getKey(), out, seen);
    }
  }

  /** Every parameter of this module and its descendants, each once, in registration order. */
  public List<Tensor> parameters() { return new ArrayList<>(namedParameters().values()); }

  /** {@code named_parameters()}: prefixed names as in {@code state_dict}, skipping absent ones. */
  public Map<String, Tensor> namedParameters() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    collect("", out);
    return out;
  }

  private void collect(String prefix, Map<String, Tensor> out) {
    for (var kv : parameters.entrySet()) {
      if (kv.getValue() != null && !out.containsValue(kv.getValue())) out.put(prefix + kv.getKey(), kv.getValue());
    }
    for (var kv : children.entrySet()) {
      if (kv.getValue() != null) kv.getValue().collect(prefix + kv.getKey() + ".", out);
    }
  }

  /**
   * {@code state_dict()}: the tensors a checkpoint holds, in PyTorch's order: each module's
   * own parameters, then its persistent buffers, then its children's, depth first.
   */
  public Map<String, Tensor> stateDict() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    collectState("", out);
    return out;
  }

  private void collectState(String prefix, Map<String, Tensor> out) {
    for (var kv : parameters.entrySet()) if (kv.getValue() != null) out.put(prefix + kv.getKey(), kv.getValue());
    for (var kv : buffers.entrySet()) {
      if (kv.getValue() != null && !nonPersistent.contains(kv.getKey())) out.put(prefix + kv.getKey(), kv.getValue());
    }
    for (var kv : children.entrySet()) {
      if (kv.getValue() != null) kv.getValue().collectState(prefix + kv.getKey() + ".", out);
    }
  }

  /**
   * {@code load_state_dict(state, strict=True)}: copies the tensors into the parameters in place,
   * after checking that names and shapes agree (PyTorch's message when they do not).
   */
  public void loadStateDict(Map<String, Tensor> state) {
    Map<String, Tensor> own = stateDict();
    List<String> errors = new ArrayList<>();
    List<String> missing = new ArrayList<>(), unexpected = new ArrayList<>();
    for (String k : own.keySet()) if (!state.containsKey(k)) missing.add(k);
    for (String k : state.keySet()) if (!own.containsKey(k)) unexpected.add(k);
    // PyTorch's order: missing keys, then unexpected keys, then each size mismatch
    if (!missing.isEmpty()) errors.add("Missing key(s) in state_dict: " + quoted(missing) + ". ");
    if (!unexpected.isEmpty()) errors.add("Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
    for (var kv : own.entrySet()) {
      Tensor src = state.get(kv.getKey());
      if (src == null) continue;
      if (!java.util.Arrays.equals(src.shape(), kv.getValue().shape())) {
        errors.add("size mismatch for " + kv.getKey() + ": copying a param with shape torch.Size("
            + Shapes.str(src.shape()) + ") from checkpoint, the shape in current model is torch.Size("
            + Shapes.str(kv.getValue().shape()) + ").");
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("Error(s) in loading state_dict for " + typeName() + ":\n\t"
          + String.join("\n\t", errors));
    }
    for (var kv : own.entrySet()) kv.getValue().copyFrom(state.get(kv.getKey()));
  }

  private static String quoted(List<String> names) {
    List<String> q = new ArrayList<>();
    for (String n : names) q.add("\"" + n + "\"");
    return String.join(", ", q);
  }

  /** A parameter by its own name ({@code weight}, {@code bias}); null when absent. */
  public Tensor parameter(String name) { return parameters.get(name); }

  /** Whether {@code name} is one of this module's own parameter slots (even an absent one). */
  public boolean hasParameter(String name) { return parameters.containsKey(name); }

  /** Replaces a parameter ({@code layer.weight = t}); the new tensor becomes trainable. */
  public void setParameter(String name, Tensor value) {
    if (!parameters.containsKey(name)) {
      throw new IllegalArgumentException("'" + typeName() + "' object has no parameter '" + name + "'");
    }
    registerParameter(name, value);
  }

  /**
   * Attribute access as Python resolves it on a module: a parameter slot ({@code weight},
   * possibly None), else a child ({@code conv1}); PyTorch's AttributeError text otherwise.
   */
  public Object getAttr(String name) {
    if (parameters.containsKey(name)) return parameters.get(name);
    if (buffers.containsKey(name)) return buffers.get(name);
    if (children.containsKey(name)) return children.get(name);
    throw new IllegalArgumentException("'" + typeName() + "' object has no attribute '" + name + "'");
  }

  /** A direct child by name ({@code "0"}, {@code "conv1"}); null when absent. */
  public Module child(String name) { return children.get(name); }

  /** {@code named_children()}: the direct children, skipping slots that hold None. */
  public Map<String, Module> namedChildren() {
    Map<String, Module> out = new LinkedHashMap<>();
    children.forEach((k, v) -> { if (v != null) out.put(k, v); });
    return out;
  }

  public List<Module> children() { return new ArrayList<>(namedChildren().values()); }

  /** {@code train(mode)}: sets the flag here and in every descendant; returns this module. */
  public Module train(boolean mode) {
    training = mode;
    for (Module c : children()) c.train(mode);
    return this;
  }

  public Module train() { return train(true); }

  public Module eval() { return train(false); }

  public boolean isTraining() { return training; }

  /** {@code self.training = mode}: this module's flag alone, as the plain attribute is in PyTorch. */
  protected final void setTrainingFlag(boolean mode) { training = mode; }

  /** {@code zero_grad()}: sets every parameter's gradient to None (PyTorch 2.x's default). */
  public void zeroGrad() {
    for (Tensor p : parameters()) p.setGrad(null);
  }

  /** The class name PyTorch prints: {@code Conv2d}, {@code Sequential}. */
  public String typeName() { return getClass().getSimpleName(); }

  /** The text inside the parentheses of a leaf layer's repr; empty when it has none. */
  protected String extraRepr() { return ""; }

  /** PyTorch's {@code Module.__repr__}: one line for a leaf, indented child lines otherwise. */
  @Override
  public String toString() {
    List<String> extra = extraRepr().isEmpty() ? List.of() : List.of(extraRepr().split("\n"));
    List<String> childLines = new ArrayList<>();
    for (var kv : children.entrySet()) {
      childLines.add("(" + kv.getKey() + "): " + String.valueOf(kv.getValue()).replace("\n", "\n  "));
    }
    StringBuilder sb = new StringBuilder(typeName()).append('(');
    if (extra.size() == 1 && childLines.isEmpty()) {
      sb.append(extra.get(0));
    } else if (!extra.isEmpty() || !childLines.isEmpty()) {
      List<String> lines = new ArrayList<>(extra);
      lines.addAll(childLines);
      sb.append("\n  ").append(String.join("\n  ", lines)).append('\n');
    }
    return sb.append(')').toString();
  }

  static String pair(int[] p) { return "(" + p[0] + ", " + p[1] + ")"; }
}
