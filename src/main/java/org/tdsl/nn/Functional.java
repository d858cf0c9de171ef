package org.tdsl.nn;

import org.tdsl.autograd.Torch;
import org.tdsl.tensor.Rng;
import org.tdsl.tensor.Shapes;
import org.tdsl.tensor.Tensor;

/**
 * The functional ops of {@code torch.nn.functional}, named as there. Each either composes the
 * runtime's differentiable operations (so its node is theirs: {@code MulBackward0} for dropout,
 * as in PyTorch) or records its own node with forward and backward side by side.
 */
public final class Functional {
  private Functional() {}

  // ------------------------------------------------------------------ convolution and pooling

  public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
    return conv2d(input, weight, bias, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}, 1);
  }

  /** {@code F.conv2d(input, weight, bias, stride, padding, dilation, groups)}; bias may be null. */
  public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                              int groups) {
    return Conv2dOp.apply(input, weight, bias, stride, padding, dilation, groups);
  }

  /**
   * {@code F.conv2d(..., padding="same" | "valid")}: "valid" is no padding; "same" keeps the
   * spatial size (stride 1 only), padding the extra row/column of an even kernel at the
   * bottom/right, as PyTorch does.
   */
  public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, String padding, int[] dilation,
                              int groups) {
    return switch (padding) {
      case "valid" -> conv2d(input, weight, bias, stride, new int[] {0, 0}, dilation, groups);
      case "same" -> {
        if (stride[0] != 1 || stride[1] != 1) {
          throw new IllegalArgumentException("padding='same' is not supported for strided convolutions");
        }
        int[] ws = weight.shape();
        int totalH = dilation[0] * (ws[ws.length - 2] - 1), totalW = dilation[1] * (ws[ws.length - 1] - 1);
        int[] left = {totalH / 2, totalW / 2};
        Tensor x = input;
        if (totalH % 2 != 0 || totalW % 2 != 0) x = PadOp.padBottomRight(input, totalH % 2, totalW % 2);
        yield conv2d(x, weight, bias, stride, left, dilation, groups);
      }
      default -> throw new IllegalArgumentException("Invalid padding string: '" + padding + "'");
    };
  }

  /** {@code F.max_pool2d(input, kernel_size, stride, padding)}; stride null means the kernel size. */
  public static Tensor max_pool2d(Tensor input, int[] kernel, int[] stride, int[] padding) {
    return Pool2dOp.max(input, kernel, stride == null ? kernel : stride, padding);
  }

  public static Tensor max_pool2d(Tensor input, int kernel) {
    return max_pool2d(input, new int[] {kernel, kernel}, null, new int[] {0, 0});
  }

  /** {@code F.avg_pool2d(input, kernel_size, stride, padding)} with count_include_pad=True. */
  public static Tensor avg_pool2d(Tensor input, int[] kernel, int[] stride, int[] padding) {
    return avg_pool2d(input, kernel, stride, padding, true);
  }

  /** {@code F.avg_pool2d(..., count_include_pad=)}: whether padded zeros count in each window's divisor. */
  public static Tensor avg_pool2d(Tensor input, int[] kernel, int[] stride, int[] padding, boolean countIncludePad) {
    return Pool2dOp.avg(input, kernel, stride == null ? kernel : stride, padding, countIncludePad);
  }

  public static Tensor avg_pool2d(Tensor input, int kernel) {
    return avg_pool2d(input, new int[] {kernel, kernel}, null, new int[] {0, 0});
  }

  // ------------------------------------------------------------------ dense layers and activations

  /** {@code x·Wᵀ + b} for input (..., in_features); bias may be null. */
  public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
    if (bias != null && input.dim() == 2) return LinearOp.addmm(input, weight, bias);
    Tensor out = Torch.matmul(input, Torch.t(weight));
    return bias == null ? out : Torch.add(out, bias);
  }

  public static Tensor flatten(Tensor input, int startDim, int endDim) { return Torch.flatten(input, startDim, endDim); }

  public static Tensor relu(Tensor x) { return Torch.relu(x); }

  public static Tensor tanh(Tensor x) { return Torch.tanh(x); }

  public static Tensor sigmoid(Tensor x) { return Torch.sigmoid(x); }

  public static Tensor softmax(Tensor x, int dim) { return Torch.softmax(x, dim); }

  public static Tensor log_softmax(Tensor x, int dim) { return Torch.log_softmax(x, dim); }

  /** PyTorch's {@code _get_softmax_dim} for a call without {@code dim}. */
  static int implicitSoftmaxDim(int ndim) { return ndim == 0 || ndim == 1 || ndim == 3 ? 0 : 1; }

  // ------------------------------------------------------------------ dropout

  static void checkDropoutProbability(double p) {
    if (p < 0 || p > 1) {
      throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + Py.repr(p));
    }
  }

  /**
   * {@code F.dropout(x, p, training)}: while training, x times a mask of Bernoulli(1-p) draws
   * scaled by 1/(1-p) (a {@code MulBackward0} node, as in PyTorch); otherwise x itself.
   */
  public static Tensor dropout(Tensor input, double p, boolean training) {
    checkDropoutProbability(p);
    if (!training || p == 0) return input;
    return Torch.mul(input, dropoutNoise("dropout", p, input.shape()));
  }

  /**
   * {@code F.dropout2d}: one draw per channel. N×C×H×W input draws per (sample, channel); any
   * other input is taken as unbatched, as PyTorch 2.x does (C×H×W: one draw per channel).
   */
  public static Tensor dropout2d(Tensor input, double p, boolean training) {
    checkDropoutProbability(p);
    if (!training || p == 0) return input;
    int[] shape = input.shape();
    int[] noiseShape = new int[shape.length];
    java.util.Arrays.fill(noiseShape, 1);
    int channelDims = shape.length == 4 ? 2 : Math.min(1, shape.length);
    System.arraycopy(shape, 0, noiseShape, 0, channelDims);
    return Torch.mul(input, dropoutNoise("dropout2d", p, noiseShape));
  }

  /** {@code F.dropout1d}: one draw per channel of N×C×L input (per channel of C×L unbatched input). */
  public static Tensor dropout1d(Tensor input, double p, boolean training) {
    checkDropoutProbability(p);
    int[] shape = input.shape();
    if (shape.length != 2 && shape.length != 3) {
      throw new IllegalArgumentException("dropout1d: Expected 2D or 3D input, but received a " + shape.length
          + "D input. Note that dropout1d exists to provide channel-wise dropout on inputs with 1 spatial dimension, "
          + "a channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs).");
    }
    if (!training || p == 0) return input;
    int[] noiseShape = shape.length == 3 ? new int[] {shape[0], shape[1], 1} : new int[] {shape[0], 1};
    return Torch.mul(input, dropoutNoise("dropout1d", p, noiseShape));
  }

  /**
   * Bernoulli(1-p) draws divided by 1-p, from this thread's generator; all zeros for p = 1
   * (no draw, as PyTorch). {@code kind} names the call for replayed draws, which record the mask.
   */
  static Tensor dropoutNoise(String kind, double p, int[] shape) {
    if (p == 1) return Tensor.of(new float[Shapes.numel(shape)], shape);
    Rng rng = Rng.current();
    float keep = (float) (1 - p);
    float[] noise = rng.floats(kind, shape, () -> rng.nextDouble() < 1 - p ? 1 : 0);
    for (int i = 0; i < noise.length; i++) noise[i] = noise[i] != 0 ? 1f / keep : 0f;
    return Tensor.of(noise, shape);
  }

  // ------------------------------------------------------------------ losses

  public static Tensor nll_loss(Tensor input, Tensor target) { return nll_loss(input, target, null, -100, "mean"); }

  /** {@code F.nll_loss(input, target, weight=None, ignore_index=-100, reduction="mean")}. */
  public static Tensor nll_loss(Tensor input, Tensor target, Tensor weight, long ignoreIndex, String reduction) {
    return NllLoss.apply(input, target, weight, ignoreIndex, Reduction.of(reduction));
  }

  public static Tensor cross_entropy(Tensor input, Tensor target) {
    return cross_entropy(input, target, null, -100, "mean");
  }

  public static Tensor cross_entropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, String reduction) {
    return cross_entropy(input, target, weight, ignoreIndex, reduction, 0.0);
  }

  /**
   * {@code F.cross_entropy(input, target, weight=None, ignore_index=-100, reduction="mean",
   * label_smoothing=0.0)}: nll_loss of log_softmax over the class dim (1, or 0 for 1-d input);
   * a float target of the input's shape holds class probabilities.
   */
  public static Tensor cross_entropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, String reduction,
                                     double labelSmoothing) {
    return CrossEntropy.apply(input, target, weight, ignoreIndex, Reduction.of(reduction), labelSmoothing);
  }

  public static Tensor mse_loss(Tensor input, Tensor target) { return mse_loss(input, target, "mean"); }

  /** {@code F.mse_loss(input, target, reduction="mean")}. */
  public static Tensor mse_loss(Tensor input, Tensor target, String reduction) {
    return MseLoss.apply(input, target, Reduction.of(reduction));
  }

  /** {@code F.l1_loss(input, target, reduction="mean")}: |x − t|. */
  public static Tensor l1_loss(Tensor input, Tensor target, String reduction) {
    return Losses.l1(input, target, Reduction.of(reduction));
  }

  /** {@code F.smooth_l1_loss(input, target, reduction="mean", beta=1.0)}. */
  public static Tensor smooth_l1_loss(Tensor input, Tensor target, String reduction, double beta) {
    return Losses.smoothL1(input, target, Reduction.of(reduction), beta);
  }

  /** {@code F.huber_loss(input, target, reduction="mean", delta=1.0)}. */
  public static Tensor huber_loss(Tensor input, Tensor target, String reduction, double delta) {
    return Losses.huber(input, target, Reduction.of(reduction), delta);
  }

  /** {@code F.binary_cross_entropy(input, target, weight=None, reduction="mean")}: input holds probabilities. */
  public static Tensor binary_cross_entropy(Tensor input, Tensor target, Tensor weight, String reduction) {
    return Losses.binaryCrossEntropy(input, target, weight, Reduction.of(reduction));
  }

  /** {@code F.binary_cross_entropy_with_logits(input, target, weight=None, reduction="mean", pos_weight=None)}. */
  public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor weight, String reduction,
                                                        Tensor posWeight) {
    return Losses.binaryCrossEntropyWithLogits(input, target, weight, posWeight, Reduction.of(reduction));
  }

  /** {@code F.kl_div(input, target, reduction="mean", log_target=False)}: input holds log-probabilities. */
  public static Tensor kl_div(Tensor input, Tensor target, String reduction, boolean logTarget) {
    return Losses.klDiv(input, target, reduction, logTarget);
  }
}
