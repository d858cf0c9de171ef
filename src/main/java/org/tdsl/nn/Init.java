package org.tdsl.nn;

import org.tdsl.tensor.Rng;
import org.tdsl.tensor.Tensor;

/** PyTorch's default initialisation, drawn from this thread's seeded generator. */
public final class Init {
  private Init() {}

  /** {@code fan_in}: input channels times the receptive field (the product of dims past the second). */
  public static int fanIn(int[] shape) {
    if (shape.length < 2) {
      throw new IllegalArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
    }
    int fan = shape[1];
    for (int d = 2; d < shape.length; d++) fan *= shape[d];
    return fan;
  }

  /** {@code uniform_(t, low, high)}, in place. */
  public static Tensor uniform(Tensor t, double low, double high) {
    return fillUniform(t, "uniform_", low, high);
  }

  /** Fills t from U(low, high); {@code kind} is the PyTorch call this draw is, for replayed draws (Rng.floats). */
  private static Tensor fillUniform(Tensor t, String kind, double low, double high) {
    float[] data = TensorAccess.data(t);
    int off = TensorAccess.offset(t);
    Rng rng = Rng.current();
    float[] drawn = rng.floats(kind, t.shape(), () -> low + (high - low) * rng.nextDouble());
    System.arraycopy(drawn, 0, data, off, drawn.length);
    TensorAccess.bumpVersion(t);
    return t;
  }

  /**
   * {@code kaiming_uniform_(t, a)} with fan_in mode and leaky_relu gain: bound =
   * sqrt(3) * sqrt(2 / (1 + a²)) / sqrt(fan_in). With a = sqrt(5), the layers' default, this is
   * 1 / sqrt(fan_in).
   */
  public static Tensor kaimingUniform(Tensor t, double a) {
    double gain = Math.sqrt(2.0 / (1 + a * a));
    double bound = Math.sqrt(3.0) * gain / Math.sqrt(fanIn(t.shape()));
    return fillUniform(t, "kaiming_uniform_", -bound, bound);
  }

  /** The weight and bias of Linear and Conv2d, as their {@code reset_parameters()} draws them. */
  static void defaultLayerInit(Tensor weight, Tensor bias) {
    kaimingUniform(weight, Math.sqrt(5));
    if (bias != null) {
      int fanIn = fanIn(weight.shape());
      double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
      uniform(bias, -bound, bound);
    }
  }
}
