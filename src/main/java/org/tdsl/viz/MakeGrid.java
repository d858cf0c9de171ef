package org.tdsl.viz;

import org.tdsl.tensor.DType;
import org.tdsl.tensor.Tensor;
import org.tdsl.tensor.TensorException;

/** torchvision.utils.make_grid: a batch of images tiled into one 3×H×W image, as torchvision 0.14 tiles it. */
public final class MakeGrid {
  private MakeGrid() {}

  public static Tensor makeGrid(Tensor t, int nrow, int padding, boolean normalize, double padValue) {
    Tensor x = t.to(DType.FLOAT32).contiguous();
    if (x.dim() == 2) x = x.unsqueeze(0);
    if (x.dim() == 3) x = x.unsqueeze(0);
    if (x.dim() != 4) throw new TensorException("make_grid: expected a tensor of 2, 3 or 4 dims, got " + t.dim());
    int n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
    float[] src = x.contiguous().toFloatArray();
    if (normalize) {
      float low = Float.POSITIVE_INFINITY, high = Float.NEGATIVE_INFINITY;
      for (float v : src) { low = Math.min(low, v); high = Math.max(high, v); }
      float range = Math.max(high - low, 1e-5f);
      for (int i = 0; i < src.length; i++) src[i] = (Math.min(Math.max(src[i], low), high) - low) / range;
    }
    int channels = c == 1 ? 3 : c;
    if (n == 1) return Tensor.of(expandChannels(src, c, channels, h * w), channels, h, w);
    int xmaps = Math.min(nrow, n), ymaps = (n + xmaps - 1) / xmaps;
    int height = h + padding, width = w + padding;
    int gh = height * ymaps + padding, gw = width * xmaps + padding;
    float[] grid = new float[channels * gh * gw];
    java.util.Arrays.fill(grid, (float) padValue);
    for (int k = 0; k < n; k++) {
      int top = (k / xmaps) * height + padding, left = (k % xmaps) * width + padding;
      for (int ch = 0; ch < channels; ch++) {
        int from = c == 1 ? 0 : ch;
        for (int r = 0; r < h; r++) {
          System.arraycopy(src, ((k * c + from) * h + r) * w, grid, (ch * gh + top + r) * gw + left, w);
        }
      }
    }
    return Tensor.of(grid, channels, gh, gw);
  }

  private static float[] expandChannels(float[] src, int c, int channels, int plane) {
    if (c == channels) return src;
    float[] out = new float[channels * plane];
    for (int ch = 0; ch < channels; ch++) System.arraycopy(src, 0, out, ch * plane, plane);
    return out;
  }
}
