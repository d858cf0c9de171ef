package org.tdsl.viz;

import java.util.Arrays;
import org.tdsl.tensor.Tensor;

/**
 * Tensors as pictures, the way torchvision's {@code make_grid} reads them: H×W is one gray
 * image; a 3-D tensor is C×H×W when C is 1 or 3 (gray or RGB) and otherwise N gray images of
 * H×W; N×C×H×W (C 1 or 3) is a batch. A batch of more than one image is laid out as a grid,
 * {@code nrow} images per row, separated and surrounded by {@code padding} black pixels.
 */
final class Images {
  private Images() {}

  /**
   * The picture of t with values scaled to 0..1: over the tensor's min..max when normalize is
   * true (torchvision's {@code normalize=True}), else clamped to 0..1. NaN draws as 0.
   */
  static Raster toRaster(Tensor t, String caller, boolean normalize, int nrow, int padding) {
    return toBatch(t, caller, normalize).grid(nrow, padding, caller);
  }

  /** t read as a batch of images (see the class comment), its values scaled as {@link #toRaster} says. */
  static Batch toBatch(Tensor t, String caller, boolean normalize) {
    int[] nchw = batchShape(t.shape(), caller);
    float[] values = t.toFloatArray();
    scale(values, normalize);
    return new Batch(nchw[0], nchw[1], nchw[2], nchw[3], values);
  }

  /** The shape read as N, C, H, W (see the class comment), or a clear error. */
  static int[] batchShape(int[] shape, String caller) {
    int[] nchw = switch (shape.length) {
      case 2 -> new int[] {1, 1, shape[0], shape[1]};
      case 3 -> shape[0] == 1 || shape[0] == 3
          ? new int[] {1, shape[0], shape[1], shape[2]}
          : new int[] {shape[0], 1, shape[1], shape[2]};
      case 4 -> new int[] {shape[0], shape[1], shape[2], shape[3]};
      default -> throw new IllegalArgumentException(caller + " expects an image of shape H×W, C×H×W or N×C×H×W,"
          + " got a " + shape.length + "-D tensor of shape " + Arrays.toString(shape));
    };
    if (nchw[1] != 1 && nchw[1] != 3) {
      throw new IllegalArgumentException(caller + " expects 1 (gray) or 3 (RGB) channels, got " + nchw[1]
          + " in a tensor of shape " + Arrays.toString(shape));
    }
    for (int s : shape) {
      if (s == 0) throw new IllegalArgumentException(caller + " cannot draw an empty tensor of shape " + Arrays.toString(shape));
    }
    return nchw;
  }

  private static void scale(float[] v, boolean normalize) {
    float lo = 0, hi = 1;
    if (normalize) {
      lo = Float.POSITIVE_INFINITY;
      hi = Float.NEGATIVE_INFINITY;
      for (float x : v) {
        if (Float.isFinite(x)) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
      }
      if (lo > hi) { lo = 0; hi = 1; }  // nothing finite to scale by
    }
    // torchvision: clamp to [low, high], subtract low, divide by max(high - low, 1e-5)
    float range = Math.max(hi - lo, 1e-5f);
    for (int i = 0; i < v.length; i++) {
      float x = v[i];
      v[i] = Float.isNaN(x) ? 0 : (Math.min(Math.max(x, lo), hi) - lo) / range;
    }
  }

  /** n images of c channels, h×w each, values 0..1, image after image. */
  record Batch(int n, int channels, int height, int width, float[] values) {
    Raster tile(int k) {
      int size = channels * height * width;
      return new Raster(channels, height, width, Arrays.copyOfRange(values, k * size, (k + 1) * size));
    }

    /** How make_grid lays this batch out: one image alone is not padded. */
    GridLayout layout(int nrow, int padding, String caller) {
      if (nrow < 1) throw new IllegalArgumentException(caller + ": nrow must be at least 1, got " + nrow);
      if (padding < 0) throw new IllegalArgumentException(caller + ": padding must be non-negative, got " + padding);
      if (n == 1) return new GridLayout(1, 1, 1, height, width, 0);
      int across = Math.min(nrow, n);
      return new GridLayout(n, across, (n + across - 1) / across, height, width, padding);
    }

    Raster grid(int nrow, int padding, String caller) {
      GridLayout g = layout(nrow, padding, caller);
      if (n == 1) return new Raster(channels, height, width, values);
      int gh = g.height(), gw = g.width();
      float[] out = new float[channels * gh * gw];
      for (int k = 0; k < n; k++) {
        int top = g.top(k), left = g.left(k);
        for (int ch = 0; ch < channels; ch++) {
          for (int y = 0; y < height; y++) {
            System.arraycopy(values, ((k * channels + ch) * height + y) * width, out, (ch * gh + top + y) * gw + left, width);
          }
        }
      }
      return new Raster(channels, gh, gw, out);
    }
  }
}
