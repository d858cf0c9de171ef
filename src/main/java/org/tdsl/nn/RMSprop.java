package org.tdsl.nn;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.tensor.Tensor;

/** RMSprop as PyTorch 1.13 computes it: eps added after the square root; centered and momentum variants. */
public final class RMSprop extends Optimizer {
  private double alpha, eps, weightDecay, momentum;
  private boolean centered, maximize;
  private final List<float[]> squareAvg = new ArrayList<>(), gradAvg = new ArrayList<>(), buffers = new ArrayList<>();

  public RMSprop(Iterable<Tensor> params) { this(params, 1e-2); }

  public RMSprop(Iterable<Tensor> params, double lr) { this(params, lr, 0.99, 1e-8, 0, 0, false, false); }

  public RMSprop(Iterable<Tensor> params, double lr, double alpha, double eps, double weightDecay, double momentum,
                 boolean centered, boolean maximize) {
    super(params, lr);
    check(eps >= 0, "Invalid epsilon value: " + Py.repr(eps));
    check(momentum >= 0, "Invalid momentum value: " + Py.repr(momentum));
    check(weightDecay >= 0, "Invalid weight_decay value: " + Py.repr(weightDecay));
    check(alpha >= 0, "Invalid alpha value: " + Py.repr(alpha));
    this.alpha = alpha;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.momentum = momentum;
    this.centered = centered;
    this.maximize = maximize;
  }

  @Override
  protected void update(int index, float[] p, int off, float[] g, int n) {
    float[] sq = state(squareAvg, index, n);
    float[] ga = centered ? state(gradAvg, index, n) : null;
    float[] buf = momentum > 0 ? state(buffers, index, n) : null;
    float a = (float) alpha, keep = (float) (1 - alpha), e = (float) eps, wd = (float) weightDecay;
    float mom = (float) momentum, step = (float) -lr;
    for (int i = 0; i < n; i++) {
      float grad = maximize ? -g[i] : g[i];
      if (weightDecay != 0) grad = grad + wd * p[off + i];
      sq[i] = sq[i] * a + keep * grad * grad;
      float avg;
      if (centered) {
        ga[i] = ga[i] * a + keep * grad;
        avg = (float) Math.sqrt(sq[i] + -1f * ga[i] * ga[i]) + e;
      } else {
        avg = (float) Math.sqrt(sq[i]) + e;
      }
      if (momentum > 0) {
        buf[i] = buf[i] * mom + 1f * grad / avg;
        p[off + i] = p[off + i] + step * buf[i];
      } else {
        p[off + i] = p[off + i] + step * grad / avg;
      }
    }
  }

  @Override
  protected java.util.Map<String, Object> defaults() {
    java.util.Map<String, Object> out = super.defaults();
    out.put("momentum", momentum);
    out.put("alpha", alpha);
    out.put("eps", eps);
    out.put("centered", centered);
    out.put("weight_decay", weightDecay);
    out.put("foreach", null);
    out.put("maximize", maximize);
    out.put("differentiable", false);
    return out;
  }

  @Override
  protected void configure(ParamGroup group) {
    super.configure(group);
    alpha = group.number("alpha");
    eps = group.number("eps");
    weightDecay = group.number("weight_decay");
    momentum = group.number("momentum");
    centered = group.flag("centered");
    maximize = group.flag("maximize");
  }

  /** PyTorch 1.13 counts RMSprop's steps in a Python int. */
  @Override
  protected boolean stepAsTensor() { return false; }

  @Override
  protected java.util.Map<String, List<float[]>> stateArrays() {
    java.util.Map<String, List<float[]>> out = new java.util.LinkedHashMap<>();
    out.put("square_avg", squareAvg);
    if (momentum > 0) out.put("momentum_buffer", buffers);
    if (centered) out.put("grad_avg", gradAvg);
    return out;
  }

  @Override
  protected void options(java.util.Map<String, String> out) {
    super.options(out);
    out.put("alpha", Py.repr(alpha));
    out.put("centered", bool(centered));
    out.put("differentiable", "False");
    out.put("eps", Py.repr(eps));
    out.put("maximize", bool(maximize));
    out.put("momentum", number(momentum));
    out.put("weight_decay", number(weightDecay));
  }
}
