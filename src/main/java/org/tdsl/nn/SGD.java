package org.tdsl.nn;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.tensor.Tensor;

/** Stochastic gradient descent with PyTorch 1.13's momentum, dampening, Nesterov and weight decay. */
public final class SGD extends Optimizer {
  private double momentum, dampening, weightDecay;
  private boolean nesterov, maximize;
  private final List<float[]> momentumBuffers = new ArrayList<>();

  public SGD(Iterable<Tensor> params, double lr) { this(params, lr, 0, 0, 0, false, false); }

  public SGD(Iterable<Tensor> params, double lr, double momentum, double dampening, double weightDecay,
             boolean nesterov, boolean maximize) {
    super(params, lr);
    check(momentum >= 0, "Invalid momentum value: " + Py.repr(momentum));
    check(weightDecay >= 0, "Invalid weight_decay value: " + Py.repr(weightDecay));
    check(!nesterov || (momentum > 0 && dampening == 0), "Nesterov momentum requires a momentum and zero dampening");
    this.momentum = momentum;
    this.dampening = dampening;
    this.weightDecay = weightDecay;
    this.nesterov = nesterov;
    this.maximize = maximize;
  }

  @Override
  protected void update(int index, float[] p, int off, float[] g, int n) {
    float wd = (float) weightDecay, mom = (float) momentum, keep = (float) (1 - dampening), step = (float) -lr;
    boolean first = index >= momentumBuffers.size() || momentumBuffers.get(index) == null;
    float[] buf = momentum != 0 ? state(momentumBuffers, index, n) : null;
    for (int i = 0; i < n; i++) {
      float d = maximize ? -g[i] : g[i];
      if (weightDecay != 0) d = d + wd * p[off + i];
      if (momentum != 0) {
        buf[i] = first ? d : buf[i] * mom + keep * d;
        d = nesterov ? d + mom * buf[i] : buf[i];
      }
      p[off + i] = p[off + i] + step * d;
    }
  }

  @Override
  protected java.util.Map<String, Object> defaults() {
    java.util.Map<String, Object> out = super.defaults();
    out.put("momentum", momentum);
    out.put("dampening", dampening);
    out.put("weight_decay", weightDecay);
    out.put("nesterov", nesterov);
    out.put("maximize", maximize);
    out.put("foreach", null);
    out.put("differentiable", false);
    return out;
  }

  @Override
  protected void configure(ParamGroup group) {
    super.configure(group);
    momentum = group.number("momentum");
    dampening = group.number("dampening");
    weightDecay = group.number("weight_decay");
    nesterov = group.flag("nesterov");
    maximize = group.flag("maximize");
  }

  @Override
  protected java.util.Map<String, List<float[]>> stateArrays() {
    java.util.Map<String, List<float[]>> out = new java.util.LinkedHashMap<>();
    out.put("momentum_buffer", momentumBuffers);
    return out;
  }

  @Override
  protected boolean countsSteps() { return false; }

  @Override
  protected void options(java.util.Map<String, String> out) {
    super.options(out);
    out.put("dampening", number(dampening));
    out.put("differentiable", "False");
    out.put("maximize", bool(maximize));
    out.put("momentum", number(momentum));
    out.put("nesterov", bool(nesterov));
    out.put("weight_decay", number(weightDecay));
  }
}
