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

  // ------------------------------------------------------------------ torch.nn.init

  /** {@code fan_out}: output channels times the receptive field. */
  public static int fanOut(int[] shape) {
    fanIn(shape);  // the same error for fewer than 2 dims
    int fan = shape[0];
    for (int d = 2; d < shape.length; d++) fan *= shape[d];
    return fan;
  }

  /** {@code calculate_gain(nonlinearity, param=None)}: the factor PyTorch scales each initialiser's std by. */
  public static double calculateGain(String nonlinearity, Double param) {
    return switch (nonlinearity) {
      case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid" -> 1;
      case "tanh" -> 5.0 / 3;
      case "relu" -> Math.sqrt(2.0);
      case "leaky_relu" -> {
        double slope = param == null ? 0.01 : param;
        yield Math.sqrt(2.0 / (1 + slope * slope));
      }
      case "selu" -> 3.0 / 4;
      default -> throw new IllegalArgumentException("Unsupported nonlinearity " + nonlinearity);
    };
  }

  /** {@code normal_(t, mean, std)}, in place. */
  public static Tensor normal(Tensor t, double mean, double std) { return fillNormal(t, "normal_", mean, std); }

  /** {@code xavier_uniform_(t, gain)}: U(−a, a) with a = gain·sqrt(6 / (fan_in + fan_out)). */
  public static Tensor xavierUniform(Tensor t, double gain) {
    double a = Math.sqrt(3.0) * gain * Math.sqrt(2.0 / (fanIn(t.shape()) + fanOut(t.shape())));
    return fillUniform(t, "xavier_uniform_", -a, a);
  }

  /** {@code xavier_normal_(t, gain)}: N(0, gain²·2 / (fan_in + fan_out)). */
  public static Tensor xavierNormal(Tensor t, double gain) {
    double std = gain * Math.sqrt(2.0 / (fanIn(t.shape()) + fanOut(t.shape())));
    return fillNormal(t, "xavier_normal_", 0, std);
  }

  /** {@code kaiming_uniform_(t, a, mode, nonlinearity)}: U(−b, b) with b = sqrt(3)·gain / sqrt(fan). */
  public static Tensor kaimingUniform(Tensor t, double a, String mode, String nonlinearity) {
    double bound = Math.sqrt(3.0) * kaimingStd(t, a, mode, nonlinearity);
    return fillUniform(t, "kaiming_uniform_", -bound, bound);
  }

  /** {@code kaiming_normal_(t, a, mode, nonlinearity)}: N(0, gain² / fan). */
  public static Tensor kaimingNormal(Tensor t, double a, String mode, String nonlinearity) {
    return fillNormal(t, "kaiming_normal_", 0, kaimingStd(t, a, mode, nonlinearity));
  }

  private static double kaimingStd(Tensor t, double a, String mode, String nonlinearity) {
    int fan = switch (mode) {
      case "fan_in" -> fanIn(t.shape());
      case "fan_out" -> fanOut(t.shape());
      default -> throw new IllegalArgumentException("Mode " + mode + " not supported, please use one of fan_in, fan_out");
    };
    return calculateGain(nonlinearity, a) / Math.sqrt(fan);
  }

  /** {@code constant_(t, value)} (and {@code zeros_}, {@code ones_}): no draw. */
  public static Tensor constant(Tensor t, double value) {
    t.fillRaw(value);
    return t;
  }

  private static Tensor fillNormal(Tensor t, String kind, double mean, double std) {
    Rng rng = Rng.current();
    float[] drawn = rng.floats(kind, t.shape(), () -> mean + std * rng.nextGaussian());
    t.copyFrom(Tensor.of(drawn, t.shape()));
    return t;
  }
}
