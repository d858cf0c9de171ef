package org.tdsl.nn;

import java.util.Arrays;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.Shapes;
import org.tdsl.tensor.Tensor;

/**
 * The negative log-likelihood loss over class scores N×C (or N×C×d1×..., or C), forward and
 * backward together: loss_i = -weight[y_i] · x[i, y_i], zero for targets equal to ignore_index;
 * the mean divides by the summed weights of the counted targets.
 */
final class NllLoss {
  private NllLoss() {}

  /** Sizes of the problem: batch N, classes C, spatial positions S per sample. */
  private record Layout(int n, int c, int s, int[] targetShape) {}

  static Tensor apply(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
    Layout l = layout(input, target);
    if (weight != null && (weight.dim() != 1 || weight.numel() != l.c)) {
      throw new IllegalArgumentException("weight tensor should be defined either for all " + l.c
          + " classes or no classes but got weight tensor of shape: " + Shapes.str(weight.shape()));
    }
    long[] y = target.toLongArray();
    for (int i = 0; i < y.length; i++) {
      if (y[i] != ignoreIndex && (y[i] < 0 || y[i] >= l.c)) {
        throw new IndexOutOfBoundsException("Target " + y[i] + " is out of bounds.");
      }
    }
    float[] w = weight == null ? null : weight.toFloatArray();
    String name = input.dim() == 4 ? "NllLoss2DBackward0" : "NllLossBackward0";
    float[] totalWeight = new float[1];
    return CustomOp.apply(name, ctx -> {
      float[] x = input.toFloatArray();
      float[] out = reduction == Reduction.NONE ? new float[y.length] : new float[1];
      double sum = 0, total = 0;
      for (int i = 0; i < y.length; i++) {
        if (y[i] == ignoreIndex) continue;
        int t = (int) y[i];
        float wt = w == null ? 1f : w[t];
        float v = -wt * x[(i / l.s) * l.c * l.s + t * l.s + i % l.s];
        if (reduction == Reduction.NONE) out[i] = v;
        sum += v;
        total += wt;
      }
      totalWeight[0] = (float) total;
      if (reduction == Reduction.SUM) out[0] = (float) sum;
      if (reduction == Reduction.MEAN) out[0] = (float) (sum / total);
      return reduction == Reduction.NONE ? Tensor.of(out, l.targetShape) : Tensor.of(out);
    }, (ctx, grad) -> {
      float[] g = grad.toFloatArray();
      float[] gx = new float[input.numel()];
      for (int i = 0; i < y.length; i++) {
        if (y[i] == ignoreIndex) continue;
        int t = (int) y[i];
        float wt = w == null ? 1f : w[t];
        float scale = switch (reduction) {
          case NONE -> g[i];
          case SUM -> g[0];
          case MEAN -> g[0] / totalWeight[0];
        };
        gx[(i / l.s) * l.c * l.s + t * l.s + i % l.s] = -wt * scale;
      }
      return new Tensor[] {Tensor.of(gx, input.shape()), null, null};
    }, input, target, weight);
  }

  private static Layout layout(Tensor input, Tensor target) {
    if (target.dtype() != DType.INT64) {
      throw new IllegalArgumentException("expected scalar type Long but found " + typeName(target.dtype()));
    }
    int[] shape = input.shape();
    if (shape.length == 1) {
      if (target.dim() != 0) {
        throw new IllegalArgumentException("0D or 1D target tensor expected, multi-target not supported");
      }
      return new Layout(1, shape[0], 1, new int[0]);
    }
    if (shape.length < 1) throw new IllegalArgumentException("input tensor should be 1D or 2D");
    int n = shape[0], c = shape[1];
    if (target.dim() == 0 || target.size(0) != n) {
      throw new IllegalArgumentException("Expected input batch_size (" + n + ") to match target batch_size ("
          + (target.dim() == 0 ? 0 : target.size(0)) + ").");
    }
    int[] spatial = Arrays.copyOfRange(shape, 2, shape.length);
    int[] expectedTarget = new int[shape.length - 1];
    expectedTarget[0] = n;
    System.arraycopy(spatial, 0, expectedTarget, 1, spatial.length);
    if (!Arrays.equals(expectedTarget, target.shape())) {
      throw new IllegalArgumentException("Expected target size " + Shapes.str(expectedTarget) + ", got "
          + Shapes.str(target.shape()));
    }
    return new Layout(n, c, Shapes.numel(spatial), target.shape());
  }

  private static String typeName(DType d) {
    return switch (d) {
      case FLOAT32 -> "Float";
      case INT64 -> "Long";
      case BOOL -> "Bool";
    };
  }
}
