package org.tdsl.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.tdsl.tensor.Rng;
import org.tdsl.tensor.Tensor;

/**
 * Finite-difference gradient check. The function's output is reduced to a scalar with fixed
 * random weights (so every output element counts), evaluated in double from the float32
 * outputs; each input element is moved by ±eps (central difference) and compared with the
 * analytic gradient from {@link Autograd#grad}.
 */
final class GradCheck {
  private GradCheck() {}

  static final double EPS = 1e-2;
  static final double RTOL = 2e-2;
  static final double ATOL = 2e-2;

  static void check(Function<Tensor[], Tensor> f, Tensor... inputs) {
    check(f, EPS, inputs);
  }

  static void check(Function<Tensor[], Tensor> f, double eps, Tensor... inputs) {
    Tensor[] leaves = new Tensor[inputs.length];
    for (int i = 0; i < inputs.length; i++) leaves[i] = Torch.requires_grad_(inputs[i].detach().clone(), true);
    Tensor out = f.apply(leaves);
    Rng rng = new Rng(1234);
    float[] w = new float[out.numel()];
    for (int i = 0; i < w.length; i++) w[i] = (float) (rng.nextDouble() * 2 - 1);
    Tensor weights = Tensor.of(w, out.shape());
    Tensor loss = Torch.sum(Torch.mul(out, weights));
    List<Tensor> analytic = Autograd.grad(List.of(loss), List.of(leaves), null, false, false, true);
    for (int i = 0; i < leaves.length; i++) {
      float[] x = leaves[i].detach().contiguous().toFloatArray();
      float[] got = analytic.get(i) == null ? new float[x.length] : analytic.get(i).toFloatArray();
      assertEquals(x.length, got.length, "gradient size of input " + i);
      for (int k = 0; k < x.length; k++) {
        double plus = weighted(f, leaves, i, k, x, x[k] + eps, w);
        double minus = weighted(f, leaves, i, k, x, x[k] - eps, w);
        double numeric = (plus - minus) / (2 * eps);
        if (Math.abs(numeric - got[k]) > ATOL + RTOL * Math.abs(numeric)) {
          fail("input " + i + " element " + k + ": analytic " + got[k] + " numeric " + numeric + " (analytic all "
              + Arrays.toString(got) + ")");
        }
      }
    }
  }

  private static double weighted(Function<Tensor[], Tensor> f, Tensor[] leaves, int which, int k, float[] x,
                                 double value, float[] w) {
    Tensor[] args = new Tensor[leaves.length];
    for (int j = 0; j < leaves.length; j++) args[j] = leaves[j].detach();
    float[] moved = x.clone();
    moved[k] = (float) value;
    args[which] = Tensor.of(moved, leaves[which].shape());
    float[] y;
    try (GradMode.Scope s = GradMode.noGrad()) {
      y = f.apply(args).toFloatArray();
    }
    double acc = 0;
    for (int i = 0; i < y.length; i++) acc += (double) y[i] * w[i];
    return acc;
  }

  /** Checks the gradient of the gradient: d/dx of (weighted grad of f) computed with create_graph. */
  static void checkSecondOrder(Function<Tensor[], Tensor> f, Tensor... inputs) {
    Function<Tensor[], Tensor> gradOfF = xs -> {
      try (GradMode.Scope s = GradMode.enableGrad()) {
        Tensor[] leaves = new Tensor[xs.length];
        for (int i = 0; i < xs.length; i++) {
          leaves[i] = xs[i].requiresGrad() ? xs[i] : Torch.requires_grad_(xs[i].detach(), true);
        }
        Tensor out = f.apply(leaves);
        Rng rng = new Rng(99);
        float[] w = new float[out.numel()];
        for (int i = 0; i < w.length; i++) w[i] = (float) (rng.nextDouble() * 2 - 1);
        Tensor loss = Torch.sum(Torch.mul(out, Tensor.of(w, out.shape())));
        List<Tensor> g = Autograd.grad(List.of(loss), List.of(leaves), null, true, true, true);
        List<Tensor> flat = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
          flat.add(Torch.reshape(g.get(i) == null ? Tensor.zeros(leaves[i].shape()) : g.get(i), -1));
        }
        return Torch.cat(flat, 0);
      }
    };
    check(gradOfF, inputs);
  }
}
