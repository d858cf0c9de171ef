package org.tdsl.nn;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.autograd.GradMode;
import org.tdsl.tensor.Tensor;

/**
 * Base of the optimizers: one parameter group (its tensors and learning rate), per-parameter
 * state kept by the subclass, PyTorch 1.13's update rules (single-tensor code path) written
 * out element by element in float32 as ATen's kernels compute them.
 *
 * <p>{@link #zeroGrad()} sets gradients to None, as PyTorch 2.x does by default (1.13 zeroed
 * them); {@code zeroGrad(false)} zeroes them in place instead.
 */
public abstract class Optimizer {
  protected final List<Tensor> params;
  protected double lr;
  private final double initialLr;

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

  /** The optimised tensors, in the order given. */
  public List<Tensor> params() { return List.copyOf(params); }

  /** The learning rate of the (single) parameter group: {@code param_groups[0]["lr"]}. */
  public double lr() { return lr; }

  public void setLr(double lr) { this.lr = lr; }

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

  /** One update of every parameter that has a gradient. */
  public void step() {
    try (var ignored = GradMode.noGrad()) {
      for (int i = 0; i < params.size(); i++) {
        Tensor p = params.get(i);
        Tensor g = p.grad();
        if (g == null) continue;
        float[] gradient = TensorAccess.readFloats(g);
        float[] data = TensorAccess.data(p);
        int off = TensorAccess.offset(p);
        if (gradient.length != TensorAccess.numel(p)) {
          throw new IllegalStateException("gradient of parameter " + i + " has " + gradient.length
              + " elements for a parameter of " + TensorAccess.numel(p));
        }
        update(i, data, off, gradient, gradient.length);
        TensorAccess.bumpVersion(p);
      }
    }
  }

  /**
   * Updates {@code n} parameter values {@code p[off..]} given their gradient {@code g[0..n)},
   * which may be the gradient tensor's own array: read it, never write it.
   */
  protected abstract void update(int index, float[] p, int off, float[] g, int n);

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

  /** PyTorch's {@code Optimizer.__repr__}: the class name and the sorted options of group 0. */
  @Override
  public String toString() {
    java.util.Map<String, String> opts = new java.util.TreeMap<>();
    options(opts);
    StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append(" (\nParameter Group 0\n");
    for (var kv : opts.entrySet()) sb.append("    ").append(kv.getKey()).append(": ").append(kv.getValue()).append('\n');
    return sb.append(')').toString();
  }
}
