package org.tdsl.nn;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.tensor.Tensor;

/** {@code nn.utils.clip_grad_norm_} and {@code clip_grad_value_}: in-place edits of the parameters' gradients. */
public final class ClipGrad {
  private ClipGrad() {}

  /**
   * Scales every gradient by max_norm / (total_norm + 1e-6) when that is below 1, where
   * total_norm is the norm of the per-gradient norms (the norm of all of them together);
   * returns total_norm as a tensor, as PyTorch does (0 when no parameter has a gradient).
   */
  public static Tensor clipGradNorm(List<Tensor> params, double maxNorm, double normType, boolean errorIfNonfinite) {
    List<Tensor> grads = grads(params);
    if (grads.isEmpty()) return Tensor.scalar(0.0);
    double total = 0;
    boolean inf = Double.isInfinite(normType);
    for (Tensor g : grads) {
      double one = norm(g.toFloatArray(), normType);
      total = inf ? Math.max(total, one) : total + Math.pow(one, normType);
    }
    if (!inf) total = Math.pow(total, 1 / normType);
    float totalNorm = (float) total;
    if (errorIfNonfinite && !Float.isFinite(totalNorm)) {
      throw new IllegalArgumentException("The total norm of order " + Py.repr(normType) + " for gradients from `parameters` "
          + "is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the non-finite "
          + "norm anyway, set `error_if_nonfinite=False`");
    }
    float coef = (float) (maxNorm / (totalNorm + 1e-6));
    if (coef < 1) {
      for (Tensor g : grads) g.copyFrom(scaled(g, coef));
    } else {
      for (Tensor g : grads) TensorAccess.bumpVersion(g);  // PyTorch multiplies by 1.0: still an in-place write
    }
    return Tensor.scalar(totalNorm);
  }

  /** Clamps every gradient element into [−clip_value, clip_value]. */
  public static void clipGradValue(List<Tensor> params, double clipValue) {
    for (Tensor g : grads(params)) {
      float[] v = g.toFloatArray();
      for (int i = 0; i < v.length; i++) v[i] = (float) Math.max(-clipValue, Math.min(clipValue, v[i]));
      g.copyFrom(Tensor.of(v, g.shape()));
    }
  }

  private static List<Tensor> grads(List<Tensor> params) {
    List<Tensor> out = new ArrayList<>();
    for (Tensor p : params) if (p.grad() != null) out.add(p.grad());
    return out;
  }

  private static double norm(float[] v, double p) {
    double acc = 0;
    for (float x : v) {
      double a = Math.abs(x);
      acc = Double.isInfinite(p) ? Math.max(acc, a) : acc + Math.pow(a, p);
    }
    return Double.isInfinite(p) ? acc : Math.pow(acc, 1 / p);
  }

  private static Tensor scaled(Tensor g, float coef) {
    float[] v = g.toFloatArray();
    for (int i = 0; i < v.length; i++) v[i] *= coef;
    return Tensor.of(v, g.shape());
  }
}
