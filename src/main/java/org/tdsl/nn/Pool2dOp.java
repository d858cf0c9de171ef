package org.tdsl.nn;

import org.tdsl.tensor.Shapes;
import org.tdsl.tensor.Tensor;
import org.tdsl.tensor.kernels.Pool2d;

/** max_pool2d (node {@code MaxPool2DWithIndicesBackward0}) and avg_pool2d ({@code AvgPool2DBackward0}). */
final class Pool2dOp {
  private Pool2dOp() {}

  static Tensor max(Tensor input, int[] kernel, int[] stride, int[] padding) {
    Pool2d.Params p = params(input, kernel, stride, padding);
    int[] outShape = outShape(input, p);
    int[] inShape = input.shape();
    long[][] indices = new long[1][];
    return CustomOp.apply("MaxPool2DWithIndicesBackward0", ctx -> {
      float[] out = new float[p.outputSize()];
      indices[0] = new long[p.outputSize()];
      Pool2d.maxForward(p, Conv2dOp.dense(input), out, indices[0]);
      // saved as PyTorch saves them (self, indices): a second backward fails by name, and the
      // engine frees them once backward has used them
      ctx.save(input, Tensor.of(indices[0], outShape));
      return Tensor.of(out, outShape);
    }, (ctx, grad) -> {
      ctx.saved();  // the version check: input must not have changed in place since
      float[] gx = new float[p.inputSize()];
      Pool2d.maxBackward(p, Conv2dOp.dense(grad), indices[0], gx);
      return new Tensor[] {Tensor.of(gx, inShape)};
    }, input);
  }

  static Tensor avg(Tensor input, int[] kernel, int[] stride, int[] padding, boolean countIncludePad) {
    Pool2d.Params p = params(input, kernel, stride, padding);
    int[] outShape = outShape(input, p);
    int[] inShape = input.shape();  // the backward closure keeps the shape, not the activation
    return CustomOp.apply("AvgPool2DBackward0", ctx -> {
      float[] out = new float[p.outputSize()];
      Pool2d.avgForward(p, Conv2dOp.dense(input), out, countIncludePad);
      return Tensor.of(out, outShape);
    }, (ctx, grad) -> {
      float[] gx = new float[p.inputSize()];
      Pool2d.avgBackward(p, Conv2dOp.dense(grad), gx, countIncludePad);
      return new Tensor[] {Tensor.of(gx, inShape)};
    }, input);
  }

  private static Pool2d.Params params(Tensor input, int[] kernel, int[] stride, int[] padding) {
    if (input.dim() != 3 && input.dim() != 4) {
      throw new IllegalArgumentException("non-empty 3D or 4D (batch mode) tensor expected for input, but got "
          + Shapes.str(input.shape()));
    }
    Conv2dOp.checkFloat(input, "input");
    int[] s = input.shape();
    int h = s[s.length - 2], w = s[s.length - 1];
    int planes = input.numel() / (h * w);
    return new Pool2d.Params(planes, h, w, kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1]);
  }

  private static int[] outShape(Tensor input, Pool2d.Params p) {
    int[] s = input.shape();
    s[s.length - 2] = p.outHeight();
    s[s.length - 1] = p.outWidth();
    return s;
  }
}
