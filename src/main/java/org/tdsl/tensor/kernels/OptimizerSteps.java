package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Optimizer updates over a parameter's flat array, vectorized and spread over the cores.
 * An update touches every parameter and two state arrays once: memory-bound, and on a
 * 1.2 M-parameter linear layer it ran single-threaded while the other core waited.
 *
 * <p>The vector and scalar paths compute with the same operations in the same order (no
 * fused multiply-add), so an element's result does not depend on which path took it.
 */
public final class OptimizerSteps {
  private OptimizerSteps() {}

  private static final VectorSpecies<Float> S = VectorWidth.SPECIES;
  /** Below this many parameters one thread is faster than two. */
  private static final int PARALLEL_MIN = 1 << 16;

  /**
   * Adadelta as PyTorch 1.13 computes it, for elements {@code i} in {@code [0, n)}: the
   * gradient {@code g[i]} (negated when {@code maximize}, plus {@code wd·p} when decaying),
   * square average {@code sq[i]}, accumulated delta {@code acc[i]}, parameter
   * {@code p[pOff + i]} moved by {@code -lr·delta}.
   */
  public static void adadelta(float[] p, int pOff, float[] g, float[] sq, float[] acc, int n,
                              double rho, double eps, double wd, double lr, boolean maximize) {
    adadelta(p, pOff, g, sq, acc, n, (float) rho, (float) (1 - rho), (float) eps, (float) wd, (float) -lr, maximize);
  }

  private static void adadelta(float[] p, int pOff, float[] g, float[] sq, float[] acc, int n,
                               float rho, float keep, float eps, float wd, float step, boolean maximize) {
    if (n < PARALLEL_MIN || Parallel.threads() == 1) {
      adadelta(p, pOff, g, sq, acc, 0, n, rho, keep, eps, wd, step, maximize);
      return;
    }
    int parts = 4 * Parallel.threads();
    Parallel.forEach(parts, t -> adadelta(p, pOff, g, sq, acc, Parallel.bound(n, t, parts),
        Parallel.bound(n, t + 1, parts), rho, keep, eps, wd, step, maximize));
  }

  private static void adadelta(float[] p, int pOff, float[] g, float[] sq, float[] acc, int from, int to,
                               float rho, float keep, float eps, float wd, float step, boolean maximize) {
    int i = from;
    if (S != null) {
      int bound = from + S.loopBound(to - from);
      for (; i < bound; i += S.length()) {
        FloatVector grad = FloatVector.fromArray(S, g, i);
        if (maximize) grad = grad.neg();
        FloatVector param = FloatVector.fromArray(S, p, pOff + i);
        if (wd != 0) grad = grad.add(param.mul(wd));
        FloatVector s = FloatVector.fromArray(S, sq, i).mul(rho).add(grad.mul(keep).mul(grad));
        s.intoArray(sq, i);
        FloatVector std = s.add(eps).sqrt();
        FloatVector a = FloatVector.fromArray(S, acc, i);
        FloatVector delta = a.add(eps).sqrt().div(std).mul(grad);
        a.mul(rho).add(delta.mul(keep).mul(delta)).intoArray(acc, i);
        param.add(delta.mul(step)).intoArray(p, pOff + i);
      }
    }
    for (; i < to; i++) {
      float grad = maximize ? -g[i] : g[i];
      if (wd != 0) grad = grad + wd * p[pOff + i];
      sq[i] = sq[i] * rho + keep * grad * grad;
      float std = (float) Math.sqrt(sq[i] + eps);
      float delta = (float) Math.sqrt(acc[i] + eps) / std * grad;
      acc[i] = acc[i] * rho + keep * delta * delta;
      p[pOff + i] = p[pOff + i] + step * delta;
    }
  }
}
