package org.tdsl.nn;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.tensor.Tensor;
import org.tdsl.tensor.kernels.OptimizerSteps;

/** Adadelta (Zeiler 2012) as PyTorch 1.13 computes it; lr scales the delta (default 1.0). */
public final class Adadelta extends Optimizer {
  private double rho, eps, weightDecay;
  private boolean maximize;
  private final List<float[]> squareAvg = new ArrayList<>(), accDelta = new ArrayList<>();

  public Adadelta(Iterable<Tensor> params) { this(params, 1.0); }

  public Adadelta(Iterable<Tensor> params, double lr) { this(params, lr, 0.9, 1e-6, 0, false); }

  public Adadelta(Iterable<Tensor> params, double lr, double rho, double eps, double weightDecay, boolean maximize) {
    super(params, lr);
    check(rho >= 0 && rho <= 1, "Invalid rho value: " + Py.repr(rho));
    check(eps >= 0, "Invalid epsilon value: " + Py.repr(eps));
    check(weightDecay >= 0, "Invalid weight_decay value: " + Py.repr(weightDecay));
    this.rho = rho;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.maximize = maximize;
  }

  @Override
  protected void update(int index, float[] p, int off, float[] g, int n) {
    float[] sq = state(squareAvg, index, n), acc = state(accDelta, index, n);
    OptimizerSteps.adadelta(p, off, g, sq, acc, n, rho, eps, weightDecay, lr, maximize);
  }

  @Override
  protected java.util.Map<String, Object> defaults() {
    java.util.Map<String, Object> out = super.defaults();
    out.put("rho", rho);
    out.put("eps", eps);
    out.put("weight_decay", weightDecay);
    out.put("maximize", maximize);
    out.put("foreach", null);
    return out;
  }

  @Override
  protected void configure(ParamGroup group) {
    super.configure(group);
    rho = group.number("rho");
    eps = group.number("eps");
    weightDecay = group.number("weight_decay");
    maximize = group.flag("maximize");
  }

  /** PyTorch 1.13 counts Adadelta's steps in a Python int. */
  @Override
  protected boolean stepAsTensor() { return false; }

  @Override
  protected java.util.Map<String, List<float[]>> stateArrays() {
    java.util.Map<String, List<float[]>> out = new java.util.LinkedHashMap<>();
    out.put("square_avg", squareAvg);
    out.put("acc_delta", accDelta);
    return out;
  }

  @Override
  protected void options(java.util.Map<String, String> out) {
    super.options(out);
    out.put("eps", Py.repr(eps));
    out.put("maximize", bool(maximize));
    out.put("rho", Py.repr(rho));
    out.put("weight_decay", number(weightDecay));
  }
}
