package org.tdsl.nn;

import org.tdsl.autograd.Torch;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.Shapes;
import org.tdsl.tensor.Tensor;

/**
 * cross_entropy as PyTorch 2.x composes it: log_softmax over the class dim, then nll_loss for
 * class-index targets, with optional label smoothing; or, for float targets of the input's
 * shape, the class probabilities' weighted sum of −log p.
 */
final class CrossEntropy {
  private CrossEntropy() {}

  static Tensor apply(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction,
                      double labelSmoothing) {
    if (labelSmoothing < 0 || labelSmoothing > 1) {
      throw new IllegalArgumentException("label_smoothing must be between 0.0 and 1.0. Got: " + Py.repr(labelSmoothing));
    }
    int classDim = input.dim() == 1 ? 0 : 1;
    int classes = input.size(classDim);
    Tensor logp = Torch.log_softmax(input, classDim);
    if (target.dtype() == DType.FLOAT32) return probabilities(logp, target, weight, ignoreIndex, reduction, labelSmoothing, classDim);
    Tensor nll = NllLoss.apply(logp, target, weight, ignoreIndex, reduction);
    if (labelSmoothing == 0) return nll;
    Tensor weighted = weight == null ? logp : Torch.mul(logp, classView(weight, input.dim(), classDim));
    Tensor smooth = Torch.neg(Torch.sum(weighted, new int[] {classDim}, false));
    long[] y = target.toLongArray();
    float[] keep = new float[y.length];
    double keptWeight = 0;
    float[] w = weight == null ? null : weight.toFloatArray();
    for (int i = 0; i < y.length; i++) {
      if (y[i] == ignoreIndex) continue;
      keep[i] = 1;
      keptWeight += w == null ? 1 : w[(int) y[i]];
    }
    smooth = Torch.mul(smooth, Tensor.of(keep, target.shape()));
    Tensor reduced = switch (reduction) {
      case NONE -> smooth;
      case SUM -> Torch.sum(smooth);
      // divided by the kept targets' total weight (their count without weights), as nll_loss's mean
      case MEAN -> Torch.div(Torch.sum(smooth), keptWeight);
    };
    return Torch.add(Torch.mul(nll, 1 - labelSmoothing), Torch.mul(reduced, labelSmoothing / classes));
  }

  private static Tensor probabilities(Tensor logp, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction,
                                      double labelSmoothing, int classDim) {
    if (!java.util.Arrays.equals(logp.shape(), target.shape())) {
      throw new IllegalArgumentException("Expected target size " + Shapes.str(logp.shape()) + ", got "
          + Shapes.str(target.shape()));
    }
    if (ignoreIndex != -100) throw new IllegalArgumentException("ignore_index is not supported for floating point target");
    int classes = logp.size(classDim);
    Tensor t = labelSmoothing > 0 ? Torch.add(Torch.mul(target, 1 - labelSmoothing), labelSmoothing / classes) : target;
    Tensor prod = Torch.mul(logp, t);
    if (weight != null) prod = Torch.mul(prod, classView(weight, logp.dim(), classDim));
    return switch (reduction) {
      case NONE -> Torch.neg(Torch.sum(prod, new int[] {classDim}, false));
      case SUM -> Torch.neg(Torch.sum(prod));
      case MEAN -> Torch.div(Torch.neg(Torch.sum(prod)), (double) (logp.numel() / classes));
    };
  }

  /** The class weights shaped to broadcast along the class dim: (C, 1, ..., 1). */
  private static Tensor classView(Tensor weight, int ndim, int classDim) {
    int[] shape = new int[ndim - classDim];
    java.util.Arrays.fill(shape, 1);
    shape[0] = weight.numel();
    return weight.view(shape);
  }
}
