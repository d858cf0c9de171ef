package org.tdsl.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.tdsl.autograd.GradMode;
import org.tdsl.tensor.Tensor;

/**
 * L-BFGS as PyTorch 1.13 runs it without a line search: every {@code step(closure)} does up
 * to max_iter iterations over all parameters flattened into one vector, each a two-loop
 * recursion over the last history_size (s, y) pairs and a step of lr (the first one scaled by
 * 1/Σ|g|), calling the closure (which recomputes the loss and its gradients) once each.
 * Vectors are float32 as PyTorch's; dot products accumulate in double.
 */
public final class LBFGS extends Optimizer {
  private double tolGrad, tolChange;
  private int maxIter, maxEval, historySize;
  // the state PyTorch keeps across calls of step
  private float[] d, prevFlatGrad;
  private float t;
  private float hDiag = 1;
  private final List<float[]> oldDirs = new ArrayList<>(), oldSteps = new ArrayList<>();
  private final List<Float> ro = new ArrayList<>();
  private int nIter, funcEvals;

  public LBFGS(Iterable<Tensor> params, double lr, int maxIter, Integer maxEval, double tolGrad, double tolChange,
               int historySize) {
    super(params, lr);
    this.maxIter = maxIter;
    this.maxEval = maxEval == null ? maxIter * 5 / 4 : maxEval;
    this.tolGrad = tolGrad;
    this.tolChange = tolChange;
    this.historySize = historySize;
  }

  @Override
  public void step() {
    throw new IllegalArgumentException("LBFGS.step() missing 1 required positional argument: 'closure'");
  }

  @Override
  protected void update(int index, float[] p, int off, float[] g, int n) {
    throw new IllegalStateException("LBFGS updates all parameters together");
  }

  /** One optimisation step (up to max_iter iterations); returns the closure's first loss. */
  @Override
  public Tensor step(Supplier<Tensor> closure) {
    if (closure == null) step();
    if (paramGroups().size() != 1) throw new IllegalArgumentException("LBFGS doesn't support per-parameter options (parameter groups)");
    configure(paramGroups().get(0));
    Tensor origLoss = evaluate(closure);
    double loss = origLoss.toFloatArray()[0];
    int currentEvals = 1;
    funcEvals++;
    float[] flatGrad = gatherFlatGrad();
    if (absMax(flatGrad) <= tolGrad) return origLoss;
    int n = 0;
    while (n < maxIter) {
      n++;
      nIter++;
      if (nIter == 1) {
        d = negate(flatGrad);
        oldDirs.clear();
        oldSteps.clear();
        ro.clear();
        hDiag = 1;
      } else {
        float[] y = new float[flatGrad.length], s = new float[flatGrad.length];
        for (int i = 0; i < y.length; i++) {
          y[i] = flatGrad[i] - prevFlatGrad[i];
          s[i] = d[i] * t;
        }
        float ys = dot(y, s);
        if (ys > 1e-10) {
          if (oldDirs.size() == historySize) {
            oldDirs.remove(0);
            oldSteps.remove(0);
            ro.remove(0);
          }
          oldDirs.add(y);
          oldSteps.add(s);
          ro.add(1f / ys);
          hDiag = ys / dot(y, y);
        }
        int old = oldDirs.size();
        float[] al = new float[old];
        float[] q = negate(flatGrad);
        for (int i = old - 1; i >= 0; i--) {
          al[i] = dot(oldSteps.get(i), q) * ro.get(i);
          addScaled(q, oldDirs.get(i), -al[i]);
        }
        float[] r = new float[q.length];
        for (int i = 0; i < q.length; i++) r[i] = q[i] * hDiag;
        for (int i = 0; i < old; i++) {
          float be = dot(oldDirs.get(i), r) * ro.get(i);
          addScaled(r, oldSteps.get(i), al[i] - be);
        }
        d = r;
      }
      prevFlatGrad = flatGrad.clone();
      double prevLoss = loss;
      t = nIter == 1 ? (float) (Math.min(1f, 1f / absSum(flatGrad)) * lr) : (float) lr;
      float gtd = dot(flatGrad, d);
      if (gtd > -tolChange) break;
      int lsEvals = 0;
      addToParams(t, d);
      boolean optCond = false;
      if (n != maxIter) {
        loss = evaluate(closure).toFloatArray()[0];
        flatGrad = gatherFlatGrad();
        optCond = absMax(flatGrad) <= tolGrad;
        lsEvals = 1;
      }
      currentEvals += lsEvals;
      funcEvals += lsEvals;
      if (n == maxIter || currentEvals >= maxEval || optCond) break;
      if (absMax(d) * Math.abs(t) <= tolChange) break;
      if (Math.abs(loss - prevLoss) < tolChange) break;
    }
    return origLoss;
  }

  private static Tensor evaluate(Supplier<Tensor> closure) {
    try (var ignored = GradMode.enableGrad()) {
      return closure.get();
    }
  }

  private float[] gatherFlatGrad() {
    int total = 0;
    for (Tensor p : params) total += p.numel();
    float[] out = new float[total];
    int at = 0;
    for (Tensor p : params) {
      if (p.grad() != null) System.arraycopy(TensorAccess.readFloats(p.grad()), 0, out, at, p.numel());
      at += p.numel();
    }
    return out;
  }

  private void addToParams(float step, float[] dir) {
    int at = 0;
    for (Tensor p : params) {
      float[] data = TensorAccess.data(p);
      int off = TensorAccess.offset(p);
      for (int i = 0; i < p.numel(); i++) data[off + i] = data[off + i] + step * dir[at + i];
      TensorAccess.bumpVersion(p);
      at += p.numel();
    }
  }

  private static float dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
    return (float) s;
  }

  private static void addScaled(float[] into, float[] v, float alpha) {
    for (int i = 0; i < into.length; i++) into[i] = into[i] + alpha * v[i];
  }

  private static float[] negate(float[] v) {
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) out[i] = -v[i];
    return out;
  }

  private static double absMax(float[] v) {
    double m = 0;
    for (float x : v) m = Math.max(m, Math.abs(x));
    return m;
  }

  private static float absSum(float[] v) {
    double s = 0;
    for (float x : v) s += Math.abs(x);
    return (float) s;
  }

  @Override
  protected java.util.Map<String, Object> defaults() {
    java.util.Map<String, Object> out = super.defaults();
    out.put("max_iter", (long) maxIter);
    out.put("max_eval", (long) maxEval);
    out.put("tolerance_grad", tolGrad);
    out.put("tolerance_change", tolChange);
    out.put("history_size", (long) historySize);
    out.put("line_search_fn", null);
    return out;
  }

  @Override
  protected void configure(ParamGroup group) {
    super.configure(group);
    maxIter = (int) group.number("max_iter");
    maxEval = (int) group.number("max_eval");
    tolGrad = group.number("tolerance_grad");
    tolChange = group.number("tolerance_change");
    historySize = (int) group.number("history_size");
  }

  @Override
  protected void options(java.util.Map<String, String> out) {
    out.put("lr", number(lr));
    out.put("history_size", Integer.toString(historySize));
    out.put("line_search_fn", "None");
    out.put("max_eval", Integer.toString(maxEval));
    out.put("max_iter", Integer.toString(maxIter));
    out.put("tolerance_change", Py.repr(tolChange));
    out.put("tolerance_grad", Py.repr(tolGrad));
  }
}
