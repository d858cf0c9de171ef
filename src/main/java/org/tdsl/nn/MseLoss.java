package org.tdsl.nn;

import org.tdsl.autograd.Torch;
import org.tdsl.tensor.Shapes;
import org.tdsl.tensor.Tensor;

/** Mean squared error, forward and backward together (both arguments differentiable). */
final class MseLoss {
  private MseLoss() {}

  static Tensor apply(Tensor input, Tensor target, Reduction reduction) {
    if (!java.util.Arrays.equals(input.shape(), target.shape())) {
      // PyTorch warns that this is likely a bug, then broadcasts both (ExpandBackward0 before the loss)
      int[] shape = Shapes.broadcast(input.shape(), target.shape());
      return apply(Torch.expand(input, shape), Torch.expand(target, shape), reduction);
    }
    int[] shape = input.shape();
    return CustomOp.apply("MseLossBackward0", ctx -> {
      ctx.save(input, target);
      float[] x = input.toFloatArray(), t = target.toFloatArray();
      float[] out = new float[reduction == Reduction.NONE ? x.length : 1];
      double sum = 0;
      for (int i = 0; i < x.length; i++) {
        float d = x[i] - t[i];
        float sq = d * d;
        if (reduction == Reduction.NONE) out[i] = sq;
        sum += sq;
      }
      if (reduction == Reduction.SUM) out[0] = (float) sum;
      if (reduction == Reduction.MEAN) out[0] = (float) (sum / x.length);
      return reduction == Reduction.NONE ? Tensor.of(out, shape) : Tensor.of(out);
    }, (ctx, grad) -> {
      Tensor[] saved = ctx.saved();
      float[] x = saved[0].toFloatArray(), t = saved[1].toFloatArray(), g = grad.toFloatArray();
      float norm = reduction == Reduction.MEAN ? (float) (2.0 / x.length) : 2f;
      float[] gx = new float[x.length], gt = new float[x.length];
      for (int i = 0; i < x.length; i++) {
        gx[i] = norm * (x[i] - t[i]) * (reduction == Reduction.NONE ? g[i] : g[0]);
        gt[i] = -gx[i];
      }
      return new Tensor[] {Tensor.of(gx, shape), Tensor.of(gt, shape)};
    }, input, target);
  }
}
