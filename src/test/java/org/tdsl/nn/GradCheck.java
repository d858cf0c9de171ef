package org.tdsl.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.function.Function;
import org.tdsl.autograd.Autograd;
import org.tdsl.autograd.GradMode;
import org.tdsl.tensor.Tensor;

/**
 * Gradient checks by central finite differences: for L = Σ f(inputs) · gout (computed in
 * double), compares each input's backward gradient with (L(x + ε) − L(x − ε)) / 2ε.
 */
final class GradCheck {
  private GradCheck() {}

  /** Runs backward of f(inputs) with upstream gradient gout and returns the inputs' gradients. */
  static Tensor[] gradients(Function<Tensor[], Tensor> f, Tensor gout, Tensor... inputs) {
    for (Tensor t : inputs) if (t != null && t.dtype().isFloatingPoint()) { t.setGrad(null); t.setRequiresGrad(true); }
    Tensor out = f.apply(inputs);
    Autograd.backward(out, gout);
    Tensor[] grads = new Tensor[inputs.length];
    for (int i = 0; i < inputs.length; i++) grads[i] = inputs[i] == null ? null : inputs[i].grad();
    return grads;
  }

  static void check(String what, Function<Tensor[], Tensor> f, double eps, double tol, Tensor... inputs) {
    Tensor out;
    try (var g = GradMode.noGrad()) {
      out = f.apply(inputs);
    }
    float[] goutData = new float[out.numel()];
    java.util.Random r = new java.util.Random(7);
    for (int i = 0; i < goutData.length; i++) goutData[i] = (float) r.nextGaussian();
    Tensor gout = Tensor.of(goutData, out.shape());
    Tensor[] analytic = gradients(f, gout, inputs);
    for (int k = 0; k < inputs.length; k++) {
      Tensor x = inputs[k];
      if (x == null || !x.dtype().isFloatingPoint()) continue;
      assertNotNull(analytic[k], what + ": input " + k + " got no gradient");
      float[] ga = analytic[k].toFloatArray();
      float[] data = x.storage().floats();
      for (int i = 0; i < x.numel(); i++) {
        int at = x.offset() + i;
        float saved = data[at];
        data[at] = (float) (saved + eps);
        double plus = loss(f, inputs, goutData);
        data[at] = (float) (saved - eps);
        double minus = loss(f, inputs, goutData);
        data[at] = saved;
        double numeric = (plus - minus) / (2 * eps);
        assertEquals(numeric, ga[i], tol * Math.max(1, Math.abs(numeric)),
            what + ": d/d input " + k + " element " + i);
      }
    }
  }

  private static double loss(Function<Tensor[], Tensor> f, Tensor[] inputs, float[] gout) {
    try (var g = GradMode.noGrad()) {
      float[] out = f.apply(inputs).toFloatArray();
      double s = 0;
      for (int i = 0; i < out.length; i++) s += (double) out[i] * gout[i];
      return s;
    }
  }
}
