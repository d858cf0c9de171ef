package org.tdsl.nn;

import org.tdsl.autograd.Autograd;
import org.tdsl.autograd.NamedComposite;
import org.tdsl.autograd.Torch;
import org.tdsl.tensor.Shapes;
import org.tdsl.tensor.Tensor;

/**
 * batch_norm, layer_norm and group_norm, composed from autograd ops (their gradients come for
 * free; the nodes are the composed ones, not PyTorch's NativeBatchNormBackward). Each computes
 * (x − mean) / sqrt(var + eps) with the biased variance, as PyTorch does.
 */
public final class Normalize {
  private Normalize() {}

  /**
   * {@code F.batch_norm}: statistics per channel (dim 1) over every other dim. While training
   * (or without running statistics) from the batch, updating the running ones in place with
   * the unbiased variance; otherwise from the running ones.
   */
  public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                 boolean training, double momentum, double eps) {
    return NamedComposite.named("NativeBatchNormBackward0", () -> batchNormComposed(input, runningMean, runningVar, weight, bias, training, momentum, eps));
  }

  private static Tensor batchNormComposed(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                 boolean training, double momentum, double eps) {
    int[] shape = input.shape();
    int[] dims = new int[shape.length - 1];
    dims[0] = 0;
    for (int d = 2; d < shape.length; d++) dims[d - 1] = d;
    int[] channelShape = new int[shape.length];
    java.util.Arrays.fill(channelShape, 1);
    channelShape[1] = shape[1];
    Tensor mean, var;
    if (training || runningMean == null) {
      int count = Shapes.numel(shape) / shape[1];
      if (training && count <= 1) {
        throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input size torch.Size("
            + Shapes.str(shape) + ")");
      }
      mean = Torch.mean(input, dims, true);
      var = Torch.var(input, dims, 0, true);
      if (training && runningMean != null) updateRunning(runningMean, runningVar, mean, var, momentum, count);
    } else {
      mean = runningMean.view(channelShape);
      var = runningVar.view(channelShape);
    }
    Tensor y = Torch.mul(Torch.sub(input, mean), Torch.rsqrt(Torch.add(var, eps)));
    if (weight != null) y = Torch.mul(y, Torch.reshape(weight, channelShape));
    if (bias != null) y = Torch.add(y, Torch.reshape(bias, channelShape));
    return y;
  }

  /** running = (1 − momentum)·running + momentum·batch, the variance unbiased (n / (n − 1)). */
  private static void updateRunning(Tensor runningMean, Tensor runningVar, Tensor mean, Tensor var, double momentum,
                                    int count) {
    float[] rm = runningMean.toFloatArray(), rv = runningVar.toFloatArray();
    float[] m = mean.toFloatArray(), v = var.toFloatArray();
    double unbias = count / (count - 1.0);
    for (int c = 0; c < rm.length; c++) {
      rm[c] = (float) ((1 - momentum) * rm[c] + momentum * m[c]);
      rv[c] = (float) ((1 - momentum) * rv[c] + momentum * v[c] * unbias);
    }
    runningMean.copyFrom(Tensor.of(rm, runningMean.shape()));
    runningVar.copyFrom(Tensor.of(rv, runningVar.shape()));
  }

  /** {@code F.layer_norm}: statistics over the last {@code normalizedShape.length} dims, which must match it. */
  public static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
    return NamedComposite.named("NativeLayerNormBackward0", () -> layerNormComposed(input, normalizedShape, weight, bias, eps));
  }

  private static Tensor layerNormComposed(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
    int[] shape = input.shape();
    int k = normalizedShape.length;
    boolean matches = shape.length >= k;
    for (int i = 0; matches && i < k; i++) matches = shape[shape.length - k + i] == normalizedShape[i];
    if (!matches) {
      int[] rest = new int[k];
      for (int i = 0; i < k; i++) rest[i] = normalizedShape[i];
      throw new IllegalArgumentException("Given normalized_shape=" + Shapes.str(normalizedShape)
          + ", expected input with shape [*, " + Shapes.str(rest).substring(1) + ", but got input of size"
          + Shapes.str(shape));
    }
    int[] dims = new int[k];
    for (int i = 0; i < k; i++) dims[i] = shape.length - k + i;
    Tensor y = standardize(input, dims, eps);
    if (weight != null) y = Torch.mul(y, weight);
    if (bias != null) y = Torch.add(y, bias);
    return y;
  }

  /** {@code F.group_norm}: channels split into num_groups groups, each standardised over its channels and positions. */
  public static Tensor groupNorm(Tensor input, int numGroups, Tensor weight, Tensor bias, double eps) {
    return NamedComposite.named("NativeGroupNormBackward0", () -> groupNormComposed(input, numGroups, weight, bias, eps));
  }

  private static Tensor groupNormComposed(Tensor input, int numGroups, Tensor weight, Tensor bias, double eps) {
    int[] shape = input.shape();
    if (shape.length < 2 || shape[1] % numGroups != 0) {
      throw new IllegalArgumentException("Expected number of channels in input to be divisible by num_groups, but got input of shape "
          + Shapes.str(shape) + " and num_groups=" + numGroups);
    }
    Tensor grouped = Torch.reshape(input, shape[0], numGroups, -1);
    Tensor y = Torch.reshape(standardize(grouped, new int[] {2}, eps), shape);
    int[] channelShape = new int[shape.length];
    java.util.Arrays.fill(channelShape, 1);
    channelShape[1] = shape[1];
    if (weight != null) y = Torch.mul(y, Torch.reshape(weight, channelShape));
    if (bias != null) y = Torch.add(y, Torch.reshape(bias, channelShape));
    return y;
  }

  private static Tensor standardize(Tensor x, int[] dims, double eps) {
    Tensor mean = Torch.mean(x, dims, true);
    Tensor var = Torch.var(x, dims, 0, true);
    return Torch.mul(Torch.sub(x, mean), Torch.rsqrt(Torch.add(var, eps)));
  }
}
