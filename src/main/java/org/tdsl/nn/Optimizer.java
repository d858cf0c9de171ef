package org.tdsl.nn;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.autograd.GradMode;
import org.tdsl.tensor.Tensor;

/**
 * Base of the optimizers: parameter groups ({@link ParamGroup}: tensors and options, read
 * afresh at every step), per-parameter state kept by the subclass and indexed by the
 * parameter's position across all groups, PyTorch 1.13's update rules (single-tensor code path) written
 * out element by element in float32 as ATen's kernels compute them.
 *
 * <p>{@link #zeroGrad()} sets gradients to None, as PyTorch 2.x does by default (1.13 zeroed
 * them); {@code zeroGrad(false)} zeroes them in place instead.
 */
public abstract class Optimizer {
  protected final List<Tensor> params;
  protected double lr;
  private final double initialLr;
  /** Made on first use: the subclass's options exist only once its constructor has run. */
  private final List<ParamGroup> groups = new ArrayList<>();
  /** How many steps each parameter (by position across groups) has taken: PyTorch's state["step"]. */
  private final List<Integer> stepCounts = new ArrayList<>();

  protected Optimizer(Iterable<Tensor> params, double lr) {
    this.params = new ArrayList<>();
    for (Tensor p : params) this.params.add(p);
    if (this.params.isEmpty()) throw new IllegalArgumentException("optimizer got an empty parameter list");
    for (Tensor p : this.params) {
      if (!p.isLeaf()) throw new IllegalArgumentException("can't optimize a non-leaf Tensor");
    }
    check(lr >= 0, "Invalid learning rate: " + Py.repr(lr));
    this.lr = lr;
    this.initialLr = lr;
  }

  static void check(boolean ok, String message) {
    if (!ok) throw new IllegalArgumentException(message);
  }

  /** The optimised tensors, in the order given, across groups. */
  public List<Tensor> params() { return List.copyOf(params); }

  /** {@code param_groups}. */
  public List<ParamGroup> paramGroups() {
    if (groups.isEmpty()) groups.add(new ParamGroup(params, defaults()));
    return java.util.Collections.unmodifiableList(groups);
  }

  /**
   * The options a group takes when it does not say otherwise, in PyTorch's order of its
   * {@code defaults} dict: this optimizer's constructor arguments.
   */
  protected java.util.Map<String, Object> defaults() {
    java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("lr", initialLr);
    return out;
  }

  /** Reads a group's options into the fields {@link #update} uses; subclasses read theirs after {@code lr}. */
  protected void configure(ParamGroup group) { lr = group.number("lr"); }

  /**
   * Splits the parameters into groups, each with the defaults overridden by its own options
   * ({@code SGD([{"params": a}, {"params": b, "lr": 0.1}], lr=0.01)}). The optimizer was made
   * with every group's tensors, in order.
   */
  public void regroup(List<List<Tensor>> groupParams, List<java.util.Map<String, Object>> overrides) {
    groups.clear();
    int total = 0;
    for (int g = 0; g < groupParams.size(); g++) {
      addGroup(groupParams.get(g), overrides.get(g));
      total += groupParams.get(g).size();
    }
    if (total != params.size()) throw new IllegalStateException("regroup: " + total + " tensors for " + params.size());
  }

  /** {@code add_param_group({"params": ..., "lr": ...})}: the new tensors are optimised from the next step on. */
  public void addParamGroup(List<Tensor> newParams, java.util.Map<String, Object> overrides) {
    paramGroups();
    for (Tensor p : newParams) {
      if (!p.isLeaf()) throw new IllegalArgumentException("can't optimize a non-leaf Tensor");
      for (Tensor q : params) {
        if (q == p) throw new IllegalArgumentException("some parameters appear in more than one parameter group");
      }
    }
    params.addAll(newParams);
    addGroup(newParams, overrides);
  }

  private void addGroup(List<Tensor> groupParams, java.util.Map<String, Object> overrides) {
    // PyTorch's order: the group's own options, then the defaults it left out (setdefault)
    java.util.Map<String, Object> values = new java.util.LinkedHashMap<>(overrides);
    defaults().forEach(values::putIfAbsent);
    groups.add(new ParamGroup(groupParams, values));
  }

  /** The learning rate of the first parameter group: {@code param_groups[0]["lr"]}. */
  public double lr() { return paramGroups().get(0).number("lr"); }

  /** Sets the learning rate of every group. */
  public void setLr(double lr) {
    for (ParamGroup g : paramGroups()) g.set("lr", lr);
  }

  /** {@code initial_lr}, which schedulers start from. */
  public double initialLr() { return initialLr; }

  /** Sets every parameter's gradient to None (PyTorch 2.x's default). */
  public void zeroGrad() { zeroGrad(true); }

  public void zeroGrad(boolean setToNone) {
    for (Tensor p : params) {
      Tensor g = p.grad();
      if (g == null) continue;
      if (setToNone) {
        p.setGrad(null);
      } else {
        if (g.gradFn() != null) g = g.detach();
        TensorAccess.fill(g, 0f);
        p.setGrad(g);
      }
    }
  }

  /** One update of every parameter that has a gradient, each group with its own options. */
  public void step() {
    try (var ignored = GradMode.noGrad()) {
      int i = 0;
      for (ParamGroup group : paramGroups()) {
        configure(group);
        for (Tensor p : group.params()) step(i++, p);
      }
    }
  }

  /**
   * {@code step(closure)}: the closure recomputes the loss (gradients on); this returns its
   * loss after one ordinary step. LBFGS, which needs it, evaluates it several times.
   */
  public Tensor step(java.util.function.Supplier<Tensor> closure) {
    Tensor loss = null;
    if (closure != null) {
      try (var ignored = GradMode.enableGrad()) {
        loss = closure.get();
      }
    }
    step();
    return loss;
  }

  private void step(int i, Tensor p) {
    Tensor g = p.grad();
    if (g == null) return;
    float[] gradient = TensorAccess.readFloats(g);
    float[] data = TensorAccess.data(p);
    int off = TensorAccess.offset(p);
    if (gradient.length != TensorAccess.numel(p)) {
      throw new IllegalStateException("gradient of parameter " + i + " has " + gradient.length
          + " elements for a parameter of " + TensorAccess.numel(p));
    }
    while (stepCounts.size() <= i) stepCounts.add(0);
    stepCounts.set(i, stepCounts.get(i) + 1);
    update(i, data, off, gradient, gradient.length);
    TensorAccess.bumpVersion(p);
  }

  /**
   * Updates {@code n} parameter values {@code p[off..]} given their gradient {@code g[0..n)},
   * which may be the gradient tensor's own array: read it, never write it.
   */
  protected abstract void update(int index, float[] p, int off, float[] g, int n);

  /** The number of steps parameter {@code index} has taken, this one included (inside {@link #update}). */
  protected final int stepCount(int index) { return index < stepCounts.size() ? stepCounts.get(index) : 0; }

  /**
   * The per-parameter state as PyTorch names it ({@code exp_avg}, {@code momentum_buffer}),
   * in its order: each name's list of arrays, indexed by parameter position.
   */
  protected java.util.Map<String, List<float[]>> stateArrays() { return java.util.Map.of(); }

  /** Whether PyTorch keeps {@code state["step"]} for this optimizer (all but SGD). */
  protected boolean countsSteps() { return true; }

  /** Whether {@code state["step"]} is a float tensor (Adam, Adagrad in 1.13) rather than an int. */
  protected boolean stepAsTensor() { return true; }

  /**
   * {@code state_dict()["state"]}: for each parameter that has stepped, by position, its
   * {@code step} (a float tensor, as PyTorch 1.13) and state tensors (copies).
   */
  public java.util.Map<Integer, java.util.Map<String, Object>> state() {
    java.util.Map<Integer, java.util.Map<String, Object>> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < params.size(); i++) {
      if (stepCount(i) == 0) continue;
      java.util.Map<String, Object> entry = new java.util.LinkedHashMap<>();
      if (countsSteps()) entry.put("step", stepAsTensor() ? Tensor.scalar((double) stepCount(i)) : (Object) (long) stepCount(i));
      for (var kv : stateArrays().entrySet()) {
        List<float[]> arrays = kv.getValue();
        float[] a = i < arrays.size() ? arrays.get(i) : null;
        entry.put(kv.getKey(), a == null ? null : Tensor.of(a.clone(), params.get(i).shape()));
      }
      out.put(i, entry);
    }
    return out;
  }

  /** {@code load_state_dict}'s state half: copies each parameter's step and state tensors in. */
  public void loadState(java.util.Map<Integer, java.util.Map<String, Object>> state) {
    for (var kv : state.entrySet()) {
      int i = kv.getKey();
      if (i < 0 || i >= params.size()) throw new IllegalArgumentException("state for parameter " + i + " of " + params.size());
      Object step = kv.getValue().get("step");
      while (stepCounts.size() <= i) stepCounts.add(0);
      if (step instanceof Tensor t) stepCounts.set(i, (int) t.toFloatArray()[0]);
      else if (step instanceof Number n) stepCounts.set(i, n.intValue());
      else stepCounts.set(i, Math.max(1, stepCounts.get(i)));
      for (var arrays : stateArrays().entrySet()) {
        if (!(kv.getValue().get(arrays.getKey()) instanceof Tensor t)) continue;
        if (t.numel() != params.get(i).numel()) {
          throw new IllegalArgumentException("state '" + arrays.getKey() + "' of parameter " + i + " has " + t.numel()
              + " elements for a parameter of " + params.get(i).numel());
        }
        while (arrays.getValue().size() <= i) arrays.getValue().add(null);
        arrays.getValue().set(i, t.toFloatArray().clone());
      }
    }
  }

  /** The per-parameter state arrays, created on first use. */
  protected static float[] state(List<float[]> states, int index, int n) {
    while (states.size() <= index) states.add(null);
    float[] s = states.get(index);
    if (s == null) {
      s = new float[n];
      states.set(index, s);
    }
    return s;
  }

  /** The group's options as PyTorch 1.13 prints them; subclasses add theirs to {@code lr} and {@code foreach}. */
  protected void options(java.util.Map<String, String> out) {
    out.put("lr", number(lr));
    out.put("foreach", "None");
  }

  /** A hyperparameter as Python prints its value: the int default 0 as {@code 0}, floats by repr. */
  protected static String number(double v) { return v == 0 ? "0" : Py.repr(v); }

  protected static String bool(boolean b) { return Py.repr(b); }

  /** PyTorch's {@code Optimizer.__repr__}: the class name and the sorted options of each group. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append(" (");
    List<ParamGroup> all = paramGroups();
    for (int g = 0; g < all.size(); g++) {
      configure(all.get(g));
      java.util.Map<String, String> opts = new java.util.TreeMap<>();
      options(opts);
      for (String k : all.get(g).options().keys()) {  // keys a user added, or a scheduler's initial_lr
        if (!opts.containsKey(k) && !k.equals("params")) opts.put(k, shown(all.get(g).get(k)));
      }
      sb.append("\nParameter Group ").append(g).append('\n');
      for (var kv : opts.entrySet()) sb.append("    ").append(kv.getKey()).append(": ").append(kv.getValue()).append('\n');
    }
    return sb.append(')').toString();
  }

  private static String shown(Object v) {
    if (v == null) return "None";
    if (v instanceof Double d) return Py.repr(d);
    if (v instanceof Boolean b) return Py.repr(b);
    return String.valueOf(v);
  }
}
