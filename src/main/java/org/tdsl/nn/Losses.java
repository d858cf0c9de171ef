package org.tdsl.nn;

import org.tdsl.autograd.NamedComposite;
import org.tdsl.autograd.Torch;
import org.tdsl.tensor.Shapes;
import org.tdsl.tensor.Tensor;

/**
 * The element-wise losses PyTorch writes as formulas (l1, smooth_l1, huber, binary cross
 * entropy, kl_div), composed from autograd ops so that their gradients come for free. Where
 * PyTorch records one node (smooth_l1, huber, the binary cross entropies) the outermost
 * composed node takes its name (NamedComposite); l1 and kl_div are compositions in PyTorch too
 * (docs/CHOICES.md, "Composed layers and losses").
 */
final class Losses {
  private Losses() {}

  static Tensor l1(Tensor input, Tensor target, Reduction reduction) {
    return reduce(Torch.abs(Torch.sub(input, target)), reduction);
  }

  /** 0.5·d²/beta where |d| < beta, |d| − 0.5·beta elsewhere; beta = 0 is plain l1. */
  static Tensor smoothL1(Tensor input, Tensor target, Reduction reduction, double beta) {
    return NamedComposite.named("SmoothL1LossBackward0", () -> smoothL1Composed(input, target, reduction, beta));
  }

  private static Tensor smoothL1Composed(Tensor input, Tensor target, Reduction reduction, double beta) {
    if (beta < 0) throw new IllegalArgumentException("smooth_l1_loss does not support negative values for beta.");
    if (beta == 0) return l1(input, target, reduction);
    Tensor d = Torch.abs(Torch.sub(input, target));
    Tensor quadratic = Torch.div(Torch.mul(Torch.square(d), 0.5), beta);
    Tensor linear = Torch.sub(d, 0.5 * beta);
    return reduce(Torch.where(Torch.lt(d, beta), quadratic, linear), reduction);
  }

  /** 0.5·d² where |d| < delta, delta·(|d| − 0.5·delta) elsewhere. */
  static Tensor huber(Tensor input, Tensor target, Reduction reduction, double delta) {
    return NamedComposite.named("HuberLossBackward0", () -> huberComposed(input, target, reduction, delta));
  }

  private static Tensor huberComposed(Tensor input, Tensor target, Reduction reduction, double delta) {
    if (delta <= 0) throw new IllegalArgumentException("huber_loss does not support non-positive values for delta.");
    Tensor d = Torch.abs(Torch.sub(input, target));
    Tensor quadratic = Torch.mul(Torch.square(d), 0.5);
    Tensor linear = Torch.mul(Torch.sub(d, 0.5 * delta), delta);
    return reduce(Torch.where(Torch.lt(d, delta), quadratic, linear), reduction);
  }

  /** −w·(t·log x + (1−t)·log(1−x)), each log clamped at −100 as PyTorch does. */
  static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
    return NamedComposite.named("BinaryCrossEntropyBackward0",
        () -> binaryCrossEntropyComposed(input, target, weight, reduction));
  }

  private static Tensor binaryCrossEntropyComposed(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
    sameShape(input, target, "Using a target size (", ") that is different to the input size (",
        ") is deprecated. Please ensure they have the same size.");
    float[] x = input.toFloatArray();
    for (float v : x) {
      if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException("all elements of input should be between 0 and 1");
    }
    Tensor logX = Torch.clamp(Torch.log(input), -100.0, null);
    Tensor log1mX = Torch.clamp(Torch.log(Torch.rsub(input, 1)), -100.0, null);
    Tensor loss = Torch.neg(Torch.add(Torch.mul(target, logX), Torch.mul(Torch.rsub(target, 1), log1mX)));
    if (weight != null) loss = Torch.mul(loss, weight);
    return reduce(loss, reduction);
  }

  /**
   * (1−t)·x + lw·(log(1 + e^−|x|) + max(−x, 0)) with lw = 1 + (pos_weight − 1)·t: PyTorch's
   * stable form, which never takes the log of a sigmoid.
   */
  static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
                                             Reduction reduction) {
    return NamedComposite.named("BinaryCrossEntropyWithLogitsBackward0", () -> bceWithLogitsComposed(input, target, weight, posWeight, reduction));
  }

  private static Tensor bceWithLogitsComposed(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
                                             Reduction reduction) {
    sameShape(input, target, "Target size (", ") must be the same as input size (", ")");
    Tensor softplusNeg = Torch.add(Torch.log1p(Torch.exp(Torch.neg(Torch.abs(input)))), Torch.relu(Torch.neg(input)));
    Tensor logWeight = posWeight == null ? null : Torch.add(Torch.mul(Torch.sub(posWeight, 1.0), target), 1.0);
    Tensor loss = Torch.add(Torch.mul(Torch.rsub(target, 1), input),
        logWeight == null ? softplusNeg : Torch.mul(logWeight, softplusNeg));
    if (weight != null) loss = Torch.mul(loss, weight);
    return reduce(loss, reduction);
  }

  /**
   * t·(log t − x) (0 where t = 0), or e^t·(t − x) for log targets; {@code batchmean} divides
   * the sum by the batch size, {@code mean} (PyTorch warns) by the element count.
   */
  static Tensor klDiv(Tensor input, Tensor target, String reduction, boolean logTarget) {
    Tensor loss;
    if (logTarget) {
      loss = Torch.mul(Torch.exp(target), Torch.sub(target, input));
    } else {
      Tensor positive = Torch.gt(target, 0.0);
      Tensor safeLog = Torch.log(Torch.where(positive, target, Tensor.wrap(1.0)));
      loss = Torch.where(positive, Torch.mul(target, Torch.sub(safeLog, input)), Tensor.wrap(0.0));
    }
    if (reduction.equals("batchmean")) {
      Tensor sum = Torch.sum(loss);
      return input.dim() == 0 ? sum : Torch.div(sum, (double) input.size(0));
    }
    return reduce(loss, Reduction.of(reduction));
  }

  static Tensor reduce(Tensor loss, Reduction reduction) {
    return switch (reduction) {
      case NONE -> loss;
      case SUM -> Torch.sum(loss);
      case MEAN -> Torch.mean(loss);
    };
  }

  private static void sameShape(Tensor input, Tensor target, String a, String b, String c) {
    if (!java.util.Arrays.equals(input.shape(), target.shape())) {
      throw new IllegalArgumentException(a + "torch.Size(" + Shapes.str(target.shape()) + ")" + b + "torch.Size("
          + Shapes.str(input.shape()) + ")" + c);
    }
  }
}
