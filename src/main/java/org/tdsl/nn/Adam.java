package org.tdsl.nn;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.tensor.Tensor;

/**
 * Adam, and AdamW when {@code decoupled}: PyTorch 1.13's update, with bias corrections
 * computed in double precision as Python floats and the tensor arithmetic in float32.
 */
public class Adam extends Optimizer {
  private double beta1, beta2, eps, weightDecay;
  private boolean amsgrad, maximize;
  private final boolean decoupled;
  private final List<float[]> expAvg = new ArrayList<>(), expAvgSq = new ArrayList<>(), maxExpAvgSq = new ArrayList<>();

  public Adam(Iterable<Tensor> params) { this(params, 1e-3); }

  public Adam(Iterable<Tensor> params, double lr) { this(params, lr, 0.9, 0.999, 1e-8, 0, false, false); }

  public Adam(Iterable<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
              boolean amsgrad, boolean maximize) {
    this(params, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, false);
  }

  Adam(Iterable<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
       boolean amsgrad, boolean maximize, boolean decoupled) {
    super(params, lr);
    check(eps >= 0, "Invalid epsilon value: " + Py.repr(eps));
    check(beta1 >= 0 && beta1 < 1, "Invalid beta parameter at index 0: " + Py.repr(beta1));
    check(beta2 >= 0 && beta2 < 1, "Invalid beta parameter at index 1: " + Py.repr(beta2));
    check(weightDecay >= 0, "Invalid weight_decay value: " + Py.repr(weightDecay));
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.amsgrad = amsgrad;
    this.maximize = maximize;
    this.decoupled = decoupled;
  }

  @Override
  protected void update(int index, float[] p, int off, float[] g, int n) {
    float[] m = state(expAvg, index, n), v = state(expAvgSq, index, n);
    float[] vmax = amsgrad ? state(maxExpAvgSq, index, n) : null;
    int step = stepCount(index);
    float b1 = (float) beta1, b2 = (float) beta2, a1 = (float) (1 - beta1), a2 = (float) (1 - beta2);
    float wd = (float) weightDecay, shrink = (float) (1 - lr * weightDecay), e = (float) eps;
    double biasCorrection1 = 1 - Math.pow(beta1, step);
    double biasCorrection2 = 1 - Math.pow(beta2, step);
    float stepSize = (float) -(lr / biasCorrection1);
    float bc2Sqrt = (float) Math.sqrt(biasCorrection2);
    for (int i = 0; i < n; i++) {
      float grad = maximize ? -g[i] : g[i];
      if (decoupled) p[off + i] = p[off + i] * shrink;
      else if (weightDecay != 0) grad = grad + wd * p[off + i];
      m[i] = m[i] * b1 + a1 * grad;
      v[i] = v[i] * b2 + a2 * grad * grad;
      float second = v[i];
      if (amsgrad) {
        vmax[i] = Math.max(vmax[i], v[i]);
        second = vmax[i];
      }
      float denom = (float) Math.sqrt(second) / bc2Sqrt + e;
      p[off + i] = p[off + i] + stepSize * m[i] / denom;
    }
  }

  @Override
  protected java.util.Map<String, Object> defaults() {
    java.util.Map<String, Object> out = super.defaults();
    out.put("betas", java.util.List.of(beta1, beta2));
    out.put("eps", eps);
    out.put("weight_decay", weightDecay);
    out.put("amsgrad", amsgrad);
    out.put("maximize", maximize);
    out.put("foreach", null);
    out.put("capturable", false);
    if (!decoupled) {
      out.put("differentiable", false);
      out.put("fused", false);
    }
    return out;
  }

  @Override
  protected void configure(ParamGroup group) {
    super.configure(group);
    double[] betas = group.pair("betas");
    beta1 = betas[0];
    beta2 = betas[1];
    eps = group.number("eps");
    weightDecay = group.number("weight_decay");
    amsgrad = group.flag("amsgrad");
    maximize = group.flag("maximize");
  }

  @Override
  protected java.util.Map<String, List<float[]>> stateArrays() {
    java.util.Map<String, List<float[]>> out = new java.util.LinkedHashMap<>();
    out.put("exp_avg", expAvg);
    out.put("exp_avg_sq", expAvgSq);
    if (amsgrad) out.put("max_exp_avg_sq", maxExpAvgSq);
    return out;
  }

  @Override
  protected void options(java.util.Map<String, String> out) {
    super.options(out);
    out.put("amsgrad", bool(amsgrad));
    out.put("betas", "(" + Py.repr(beta1) + ", " + Py.repr(beta2) + ")");
    out.put("capturable", "False");
    if (!decoupled) {
      out.put("differentiable", "False");
      out.put("fused", "False");
    }
    out.put("eps", Py.repr(eps));
    out.put("maximize", bool(maximize));
    out.put("weight_decay", number(weightDecay));
  }
}
