package org.tdsl.nn;

import org.tdsl.tensor.Tensor;

/** Zero rows/columns appended at the bottom/right of the last two dims ({@code ConstantPadNdBackward0}). */
final class PadOp {
  private PadOp() {}

  static Tensor padBottomRight(Tensor input, int rows, int cols) {
    int[] in = input.shape();
    int nd = in.length, h = in[nd - 2], w = in[nd - 1];
    int[] out = in.clone();
    out[nd - 2] = h + rows;
    out[nd - 1] = w + cols;
    int planes = input.numel() / (h * w);
    int oh = h + rows, ow = w + cols;
    return CustomOp.apply("ConstantPadNdBackward0", ctx -> {
      float[] x = input.toFloatArray(), y = new float[planes * oh * ow];
      for (int p = 0; p < planes; p++) {
        for (int r = 0; r < h; r++) System.arraycopy(x, (p * h + r) * w, y, (p * oh + r) * ow, w);
      }
      return Tensor.of(y, out);
    }, (ctx, grad) -> {
      float[] g = grad.toFloatArray(), gx = new float[planes * h * w];
      for (int p = 0; p < planes; p++) {
        for (int r = 0; r < h; r++) System.arraycopy(g, (p * oh + r) * ow, gx, (p * h + r) * w, w);
      }
      return new Tensor[] {Tensor.of(gx, in)};
    }, input);
  }
}
