package org.tdsl.nn;

import org.tdsl.tensor.Tensor;
import org.tdsl.tensor.kernels.Gemm;

/**
 * linear on a batch of rows with a bias, as PyTorch records it: one {@code AddmmBackward0}
 * node, out = b + x·Wᵀ, with the transposes done by GEMM strides. Its inputs are in
 * addmm's order (bias, input, weight), so {@code next_functions[0]} is the bias's
 * AccumulateGrad and {@code [1]} the input's node, as programs that walk the graph expect.
 */
final class LinearOp {
  private LinearOp() {}

  static Tensor addmm(Tensor input, Tensor weight, Tensor bias) {
    int n = input.size(0), in = input.size(1), out = weight.size(0);
    if (weight.dim() != 2 || weight.size(1) != in) {
      throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + n + "x" + in + " and "
          + weight.size(-1) + "x" + weight.size(0) + ")");
    }
    if (bias.dim() != 1 || bias.size(0) != out) {
      throw new IllegalArgumentException("The size of tensor a (" + bias.size(-1) + ") must match the size of tensor b ("
          + out + ") at non-singleton dimension 1");
    }
    return CustomOp.apply("AddmmBackward0", ctx -> {
      ctx.save(input, weight);
      float[] x = Conv2dOp.dense(input), w = Conv2dOp.dense(weight), b = Conv2dOp.dense(bias);
      float[] y = new float[n * out];
      for (int r = 0; r < n; r++) System.arraycopy(b, 0, y, r * out, out);
      // y (n×out) += x (n×in) · Wᵀ (in×out): Wᵀ[p][j] = w[j·in + p]
      Gemm.gemm(n, out, in, x, 0, in, 1, w, 0, 1, in, y, 0, out, true);
      return Tensor.of(y, n, out);
    }, (ctx, grad) -> {
      Tensor[] saved = ctx.saved();
      float[] g = Conv2dOp.dense(grad);
      Tensor gx = null, gw = null, gb = null;
      if (ctx.needsInputGrad(1)) {
        float[] r = new float[n * in]; // g (n×out) · W (out×in)
        Gemm.gemm(n, in, out, g, 0, out, 1, Conv2dOp.dense(saved[1]), 0, in, 1, r, 0, in, false);
        gx = Tensor.of(r, n, in);
      }
      if (ctx.needsInputGrad(2)) {
        float[] r = new float[out * in]; // gᵀ (out×n) · x (n×in)
        Gemm.gemm(out, in, n, g, 0, 1, out, Conv2dOp.dense(saved[0]), 0, in, 1, r, 0, in, false);
        gw = Tensor.of(r, out, in);
      }
      if (ctx.needsInputGrad(0)) {
        float[] r = new float[out];
        for (int i = 0; i < n; i++) for (int j = 0; j < out; j++) r[j] += g[i * out + j];
        gb = Tensor.of(r, out);
      }
      return new Tensor[] {gb, gx, gw};
    }, bias, input, weight);
  }
}
