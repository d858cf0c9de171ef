package org.tdsl.nn;

import org.tdsl.autograd.Torch;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.Shapes;
import org.tdsl.tensor.Tensor;
import org.tdsl.tensor.kernels.Conv2d;

/** conv2d's forward and backward (node {@code ConvolutionBackward0}) on the kernels' im2col + GEMM. */
final class Conv2dOp {
  private Conv2dOp() {}

  static Tensor apply(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                      int groups) {
    if (weight.dim() != 4) {
      throw new IllegalArgumentException("weight should have at least three dimensions");
    }
    boolean batched = input.dim() == 4;
    if (input.dim() != 3 && !batched) {
      throw new IllegalArgumentException("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: "
          + Shapes.str(input.shape()));
    }
    Tensor x = batched ? input : Torch.unsqueeze(input, 0);
    int[] xs = x.shape(), ws = weight.shape();
    if (xs[1] != ws[1] * groups) {
      throw new IllegalArgumentException("Given groups=" + groups + ", weight of size " + Shapes.str(ws)
          + ", expected input" + Shapes.str(xs) + " to have " + ws[1] * groups + " channels, but got " + xs[1]
          + " channels instead");
    }
    if (bias != null && (bias.dim() != 1 || bias.size(0) != ws[0])) {
      throw new IllegalArgumentException("Given weight of size " + Shapes.str(ws) + ", expected bias to be 1-dimensional with "
          + ws[0] + " elements, but got bias of size " + Shapes.str(bias.shape()) + " instead");
    }
    checkFloat(input, "input");
    Conv2d.Params p = new Conv2d.Params(xs[0], xs[1], xs[2], xs[3], ws[0], ws[2], ws[3], stride[0], stride[1],
        padding[0], padding[1], dilation[0], dilation[1], groups);
    Tensor out = CustomOp.apply("ConvolutionBackward0", ctx -> {
      float[] xa = dense(x), wa = dense(weight);
      ctx.save(x, weight);
      float[] outData = new float[p.outputSize()];
      Conv2d.forward(p, xa, wa, bias == null ? null : dense(bias), outData);
      return Tensor.of(outData, p.batch(), p.outChannels(), p.outHeight(), p.outWidth());
    }, (ctx, grad) -> {
      Tensor[] saved = ctx.saved();
      float[] g = dense(grad);
      Tensor gx = null, gw = null, gb = null;
      if (ctx.needsInputGrad(0)) {
        float[] out2 = new float[p.inputSize()];
        Conv2d.backwardInput(p, g, dense(saved[1]), out2);
        gx = Tensor.of(out2, xs);
      }
      if (ctx.needsInputGrad(1)) {
        float[] out2 = new float[p.weightSize()];
        Conv2d.backwardWeight(p, dense(saved[0]), g, out2);
        gw = Tensor.of(out2, ws);
      }
      if (bias != null && ctx.needsInputGrad(2)) {
        float[] out2 = new float[p.outChannels()];
        Conv2d.backwardBias(p, g, out2);
        gb = Tensor.of(out2, p.outChannels());
      }
      return new Tensor[] {gx, gw, gb};
    }, x, weight, bias);
    return batched ? out : Torch.squeeze(out, 0);
  }

  static void checkFloat(Tensor t, String what) {
    if (t.dtype() != DType.FLOAT32) {
      throw new IllegalArgumentException("expected scalar type Float but found " + (t.dtype() == DType.INT64 ? "Long" : "Bool"));
    }
  }

  /** The elements as a contiguous array starting at 0, copied only when they are not already. */
  static float[] dense(Tensor t) {
    Tensor c = t.to(DType.FLOAT32).contiguous();
    float[] data = c.storage().floats();
    if (c.offset() == 0 && data.length == c.numel()) return data;
    return c.toFloatArray();
  }
}
