package org.tdsl.nn;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.tensor.Tensor;

/** Adagrad as PyTorch 1.13 computes it: a running sum of squared gradients, lr decayed by 1 + (step − 1)·lr_decay. */
public final class Adagrad extends Optimizer {
  private double lrDecay, weightDecay, initialAccumulatorValue, eps;
  private boolean maximize;
  private final List<float[]> sums = new ArrayList<>();

  public Adagrad(Iterable<Tensor> params, double lr, double lrDecay, double weightDecay, double initialAccumulatorValue,
                 double eps, boolean maximize) {
    super(params, lr);
    check(lrDecay >= 0, "Invalid lr_decay value: " + Py.repr(lrDecay));
    check(weightDecay >= 0, "Invalid weight_decay value: " + Py.repr(weightDecay));
    check(initialAccumulatorValue >= 0, "Invalid initial_accumulator_value value: " + Py.repr(initialAccumulatorValue));
    check(eps >= 0, "Invalid epsilon value: " + Py.repr(eps));
    this.lrDecay = lrDecay;
    this.weightDecay = weightDecay;
    this.initialAccumulatorValue = initialAccumulatorValue;
    this.eps = eps;
    this.maximize = maximize;
  }

  @Override
  protected void update(int index, float[] p, int off, float[] g, int n) {
    boolean fresh = index >= sums.size() || sums.get(index) == null;
    float[] sum = state(sums, index, n);
    if (fresh) java.util.Arrays.fill(sum, (float) initialAccumulatorValue);
    int step = stepCount(index);
    float clr = (float) -(lr / (1 + (step - 1) * lrDecay)), wd = (float) weightDecay, e = (float) eps;
    for (int i = 0; i < n; i++) {
      float grad = maximize ? -g[i] : g[i];
      if (weightDecay != 0) grad = grad + wd * p[off + i];
      sum[i] = sum[i] + grad * grad;
      float std = (float) Math.sqrt(sum[i]) + e;
      p[off + i] = p[off + i] + clr * (grad / std);
    }
  }

  @Override
  protected java.util.Map<String, Object> defaults() {
    java.util.Map<String, Object> out = super.defaults();
    out.put("lr_decay", lrDecay);
    out.put("eps", eps);
    out.put("weight_decay", weightDecay);
    out.put("initial_accumulator_value", initialAccumulatorValue);
    out.put("foreach", null);
    out.put("maximize", maximize);
    return out;
  }

  @Override
  protected void configure(ParamGroup group) {
    super.configure(group);
    lrDecay = group.number("lr_decay");
    eps = group.number("eps");
    weightDecay = group.number("weight_decay");
    initialAccumulatorValue = group.number("initial_accumulator_value");
    maximize = group.flag("maximize");
  }

  @Override
  protected java.util.Map<String, List<float[]>> stateArrays() {
    java.util.Map<String, List<float[]>> out = new java.util.LinkedHashMap<>();
    out.put("sum", sums);
    return out;
  }

  @Override
  protected void options(java.util.Map<String, String> out) {
    super.options(out);
    out.put("eps", Py.repr(eps));
    out.put("initial_accumulator_value", number(initialAccumulatorValue));
    out.put("lr_decay", number(lrDecay));
    out.put("maximize", bool(maximize));
    out.put("weight_decay", number(weightDecay));
  }
}
