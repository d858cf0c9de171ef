package org.tdsl.nn;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.tdsl.tensor.Rng;
import org.tdsl.tensor.Tensor;

/** Finite-difference checks of every op nn defines its own backward for (and of dropout's mask). */
class GradCheckTest {
  static Tensor randn(int... shape) { return Tensor.randn(shape); }

  static int[] p(int a, int b) { return new int[] {a, b}; }

  @Test
  void conv2dWithStridePaddingDilationGroups() {
    Rng.seed(3);
    GradCheck.check("conv plain", a -> Functional.conv2d(a[0], a[1], a[2]), 1e-2, 1e-2,
        randn(2, 2, 5, 4), randn(3, 2, 3, 2), randn(3));
    GradCheck.check("conv stride/padding", a -> Functional.conv2d(a[0], a[1], a[2], p(2, 3), p(1, 2), p(1, 1), 1),
        1e-2, 1e-2, randn(1, 2, 6, 7), randn(2, 2, 3, 3), randn(2));
    GradCheck.check("conv dilation/groups", a -> Functional.conv2d(a[0], a[1], null, p(1, 2), p(2, 1), p(2, 2), 2),
        1e-2, 1e-2, randn(2, 4, 6, 6), randn(4, 2, 2, 3), null);
    GradCheck.check("conv unbatched C×H×W", a -> Functional.conv2d(a[0], a[1], a[2]), 1e-2, 1e-2,
        randn(2, 5, 4), randn(3, 2, 2, 2), randn(3));
  }

  @Test
  void poolingWithOverlapAndPadding() {
    Rng.seed(4);
    // distinct well-separated values so no window has a near-tie that ε could flip
    float[] v = new float[2 * 3 * 7 * 6];
    for (int i = 0; i < v.length; i++) v[i] = i * 0.1f;
    long[] perm = Tensor.randperm(v.length).toLongArray();
    float[] shuffled = new float[v.length];
    for (int i = 0; i < v.length; i++) shuffled[i] = v[(int) perm[i]];
    Tensor x = Tensor.of(shuffled, 2, 3, 7, 6);
    GradCheck.check("max_pool2d 3/2/1", a -> Functional.max_pool2d(a[0], p(3, 3), p(2, 2), p(1, 1)), 1e-2, 1e-2, x);
    GradCheck.check("max_pool2d 2x3/1", a -> Functional.max_pool2d(a[0], p(2, 3), p(1, 1), p(0, 1)), 1e-2, 1e-2, x);
    GradCheck.check("max_pool2d unbatched", a -> Functional.max_pool2d(a[0], p(2, 2), p(2, 2), p(0, 0)), 1e-2, 1e-2,
        x.select(0, 1).clone());
    GradCheck.check("avg_pool2d 3/2/1", a -> Functional.avg_pool2d(a[0], p(3, 3), p(2, 2), p(1, 1)), 1e-2, 1e-2,
        randn(2, 2, 7, 6));
    GradCheck.check("avg_pool2d 2x3/1/(1,0)", a -> Functional.avg_pool2d(a[0], p(2, 3), p(1, 1), p(1, 0)), 1e-2, 1e-2,
        randn(1, 2, 5, 6));
  }

  @Test
  void losses() {
    Rng.seed(5);
    Tensor y = Tensor.of(new long[] {1, 0, 3, 3, 2}, 5);
    Tensor w = Tensor.of(new float[] {0.5f, 2f, 1f, 1.5f}, 4);
    for (String red : new String[] {"mean", "sum", "none"}) {
      GradCheck.check("nll " + red, a -> Functional.nll_loss(a[0], y, w, 3, red), 1e-2, 1e-2, randn(5, 4));
      GradCheck.check("cross_entropy " + red, a -> Functional.cross_entropy(a[0], y, null, -100, red), 1e-2, 1e-2,
          randn(5, 4));
      GradCheck.check("mse " + red, a -> Functional.mse_loss(a[0], a[1], red), 1e-2, 1e-2, randn(3, 4), randn(3, 4));
    }
  }

  @Test
  void savedInputsChangedInPlaceAreCaught() {
    Tensor x = randn(1, 1, 4, 4), w = randn(2, 1, 3, 3);
    w.setRequiresGrad(true);
    Tensor out = Functional.conv2d(x, w, null);
    x.fillRaw(1); // an in-place write after the op saved x
    var e = assertThrows(RuntimeException.class, () -> org.tdsl.autograd.Autograd.backward(out, Tensor.ones(out.shape())));
    assertTrue(e.getMessage().startsWith("one of the variables needed for gradient computation has been modified by an"
        + " inplace operation: [torch.FloatTensor [1, 1, 4, 4]] is at version 1; expected version 0 instead."),
        e.getMessage());
  }

  @Test
  void mseLossBroadcastsLikePyTorch() {
    Rng.seed(6);
    GradCheck.check("mse broadcast", a -> Functional.mse_loss(a[0], a[1]), 1e-2, 1e-2, randn(3, 4), randn(4));
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2), t = Tensor.of(new float[] {1, 0}, 2);
    assertEquals((0 + 4 + 4 + 16) / 4.0, Functional.mse_loss(x, t).itemDouble(), 1e-6);
  }

  @Test
  void dropoutWithAFixedMask() {
    Tensor x = randn(4, 5);
    Rng.seed(11);
    Tensor first = Functional.dropout(x, 0.4, true);
    // the same seed draws the same mask, so the op is a fixed function of x for the check
    GradCheck.check("dropout", a -> {
      Rng.seed(11);
      return Functional.dropout(a[0], 0.4, true);
    }, 1e-2, 1e-2, x);
    float[] in = x.toFloatArray(), out = first.toFloatArray();
    int zeros = 0;
    for (int i = 0; i < in.length; i++) {
      if (out[i] == 0) zeros++;
      else assertEquals(in[i] / 0.6f, out[i], 1e-6, "kept elements are scaled by 1/(1-p)");
    }
    assertTrue(zeros > 0 && zeros < in.length);
    GradCheck.check("dropout2d", a -> {
      Rng.seed(12);
      return Functional.dropout2d(a[0], 0.5, true);
    }, 1e-2, 1e-2, randn(2, 3, 2, 2));
  }
}
