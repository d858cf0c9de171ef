package org.tdsl.nn;

import org.junit.jupiter.api.Test;
import org.tdsl.tensor.Rng;
import org.tdsl.tensor.Tensor;

/** Finite-difference checks of the losses, normalisations and layers of issue 13 (composed or custom backward). */
class LayerGradCheckTest {
  static Tensor randn(int... shape) { return Tensor.randn(shape); }

  static Tensor uniform(double low, double high, int... shape) {
    Tensor t = Tensor.zeros(shape);
    return Init.uniform(t, low, high);
  }

  static int[] p(int a, int b) { return new int[] {a, b}; }

  @Test
  void elementwiseLosses() {
    Rng.seed(11);
    for (String red : new String[] {"mean", "sum", "none"}) {
      GradCheck.check("l1 " + red, a -> Functional.l1_loss(a[0], a[1], red), 1e-3, 1e-2, randn(3, 4), randn(3, 4));
      GradCheck.check("smooth_l1 " + red, a -> Functional.smooth_l1_loss(a[0], a[1], red, 0.7), 1e-3, 1e-2,
          randn(3, 4), randn(3, 4));
      GradCheck.check("huber " + red, a -> Functional.huber_loss(a[0], a[1], red, 0.6), 1e-3, 1e-2, randn(3, 4), randn(3, 4));
      GradCheck.check("bce " + red, a -> Functional.binary_cross_entropy(a[0], a[1], a[2], red), 1e-3, 1e-2,
          uniform(0.1, 0.9, 3, 4), uniform(0, 1, 3, 4), uniform(0.5, 2, 4));
      GradCheck.check("bce_with_logits " + red,
          a -> Functional.binary_cross_entropy_with_logits(a[0], a[1], a[2], red, a[3]), 1e-3, 1e-2,
          randn(3, 4), uniform(0, 1, 3, 4), uniform(0.5, 2, 4), uniform(0.5, 2, 4));
      GradCheck.check("kl_div " + red, a -> Functional.kl_div(a[0], a[1], red, false), 1e-3, 1e-2,
          randn(3, 4), uniform(0.05, 1, 3, 4));
      GradCheck.check("kl_div log_target " + red, a -> Functional.kl_div(a[0], a[1], red, true), 1e-3, 1e-2,
          randn(3, 4), randn(3, 4));
    }
    GradCheck.check("kl_div batchmean", a -> Functional.kl_div(a[0], a[1], "batchmean", false), 1e-3, 1e-2,
        randn(3, 4), uniform(0.05, 1, 3, 4));
    Tensor y = Tensor.of(new long[] {2, 0, 1}, 3);
    Tensor w = uniform(0.5, 2, 4);  // class weights are not differentiable in PyTorch either
    GradCheck.check("cross_entropy smoothing", a -> Functional.cross_entropy(a[0], y, w, -100, "mean", 0.2), 1e-3,
        1e-2, randn(3, 4));
  }

  @Test
  void normalisations() {
    Rng.seed(12);
    GradCheck.check("batch_norm 1d", a -> Normalize.batchNorm(a[0], null, null, a[1], a[2], true, 0.1, 1e-5), 1e-3, 2e-2,
        randn(5, 3), randn(3), randn(3));
    GradCheck.check("batch_norm 2d", a -> Normalize.batchNorm(a[0], null, null, a[1], a[2], true, 0.1, 1e-5), 1e-3, 2e-2,
        randn(2, 3, 2, 3), randn(3), randn(3));
    Tensor mean = randn(3), var = uniform(0.5, 2, 3);
    GradCheck.check("batch_norm eval", a -> Normalize.batchNorm(a[0], mean, var, a[1], a[2], false, 0.1, 1e-5), 1e-3,
        1e-2, randn(4, 3, 2), randn(3), randn(3));
    GradCheck.check("layer_norm", a -> Normalize.layerNorm(a[0], new int[] {2, 3}, a[1], a[2], 1e-5), 1e-3, 2e-2,
        randn(4, 2, 3), randn(2, 3), randn(2, 3));
    GradCheck.check("group_norm", a -> Normalize.groupNorm(a[0], 2, a[1], a[2], 1e-5), 1e-3, 2e-2,
        randn(2, 4, 3), randn(4), randn(4));
  }

  @Test
  void embeddingConvTransposeAdaptivePool() {
    Rng.seed(13);
    Tensor ids = Tensor.of(new long[] {0, 3, 3, 1, 2, 0}, 2, 3);
    GradCheck.check("embedding", a -> Embedding.lookup(ids, a[0], null), 1e-3, 1e-2, randn(4, 2));
    // the padding row gets no gradient by definition (not the derivative): checked in the golden case nn_layers_more
    GradCheck.check("conv_transpose2d plain", a -> ConvTranspose2d.convTranspose2d(a[0], a[1], a[2], p(1, 1), p(0, 0),
        p(0, 0), 1, p(1, 1)), 1e-2, 1e-2, randn(2, 2, 3, 3), randn(2, 3, 2, 2), randn(3));
    GradCheck.check("conv_transpose2d stride/pad/output_padding/groups/dilation",
        a -> ConvTranspose2d.convTranspose2d(a[0], a[1], a[2], p(2, 3), p(1, 2), p(1, 2), 2, p(2, 1)), 1e-2, 1e-2,
        randn(1, 4, 3, 2), randn(4, 1, 3, 3), randn(2));
    GradCheck.check("adaptive_avg_pool2d uneven", a -> AdaptiveAvgPool2d.pool(a[0], 3, 2), 1e-3, 1e-2, randn(2, 2, 5, 5));
    GradCheck.check("adaptive_avg_pool2d even", a -> AdaptiveAvgPool2d.pool(a[0], 2, 1), 1e-3, 1e-2, randn(1, 4, 4));
  }

  @Test
  void recurrentLayersThroughTimeLayersAndStates() {
    Rng.seed(14);
    for (Recurrent.Mode mode : Recurrent.Mode.values()) {
      Recurrent rnn = new Recurrent(mode, 2, 3, 2, true, true, 0, mode == Recurrent.Mode.GRU);
      int states = (mode == Recurrent.Mode.GRU ? 2 : 1) * 2;
      Tensor[] in = new Tensor[2 + (mode == Recurrent.Mode.LSTM ? 1 : 0) + rnn.parameters().size()];
      in[0] = randn(2, 3, 2);
      in[1] = randn(states, 2, 3);
      if (mode == Recurrent.Mode.LSTM) in[2] = randn(states, 2, 3);
      int k = mode == Recurrent.Mode.LSTM ? 3 : 2;
      for (Tensor p : rnn.parameters()) in[k++] = p;  // perturbing them perturbs the layer
      boolean lstm = mode == Recurrent.Mode.LSTM;
      GradCheck.check(mode + " output", a -> rnn.run(a[0], a[1], lstm ? a[2] : null)[0], 1e-3, 2e-2, in);
      GradCheck.check(mode + " h_n", a -> rnn.run(a[0], a[1], lstm ? a[2] : null)[1], 1e-3, 2e-2, in);
    }
  }
}
