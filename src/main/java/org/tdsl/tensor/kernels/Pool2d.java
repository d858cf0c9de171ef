package org.tdsl.tensor.kernels;

import java.util.Arrays;

/**
 * max_pool2d and avg_pool2d on contiguous float32 planes, with PyTorch's semantics for
 * ceil_mode=False and dilation 1: windows start at {@code o·stride − pad}, the output size
 * is {@code (in + 2·pad − kernel) / stride + 1}. Max pooling returns, like PyTorch, the
 * index of each maximum flat within its H×W plane (a NaN counts as the maximum). Planes
 * (N·C of them) are independent and spread over the cores by {@link Parallel}.
 */
public final class Pool2d {
  private Pool2d() {}

  /** The sizes of one pooling: {@code planes} = N·C planes of height×width. */
  public record Params(int planes, int height, int width, int kernelH, int kernelW,
                       int strideH, int strideW, int padH, int padW) {
    public Params {
      if (kernelH <= 0 || kernelW <= 0) {
        throw new IllegalArgumentException("kernel size should be greater than zero, but got kH: "
            + kernelH + " kW: " + kernelW);
      }
      if (strideH <= 0 || strideW <= 0) {
        throw new IllegalArgumentException("stride should be greater than zero, but got dH: "
            + strideH + " dW: " + strideW);
      }
      if (padH < 0 || padW < 0 || padH > kernelH / 2 || padW > kernelW / 2) {
        int pad = padH > kernelH / 2 || padH < 0 ? padH : padW;
        int kernel = pad == padH ? kernelH : kernelW;
        throw new IllegalArgumentException("pad should be at most half of kernel size, but got pad="
            + pad + " and kernel_size=" + kernel);
      }
      int hOut = (height + 2 * padH - kernelH) / strideH + 1;
      int wOut = (width + 2 * padW - kernelW) / strideW + 1;
      if (height + 2 * padH < kernelH || width + 2 * padW < kernelW || hOut < 1 || wOut < 1) {
        int h = height + 2 * padH < kernelH ? 0 : hOut, w = width + 2 * padW < kernelW ? 0 : wOut;
        throw new IllegalArgumentException("Given input size: (" + planes + "x" + height + "x"
            + width + "). Calculated output size: (" + planes + "x" + h + "x" + w
            + "). Output size is too small");
      }
    }

    /** Params with the same kernel, stride and padding in both directions. */
    public static Params square(int planes, int height, int width, int kernel, int stride, int pad) {
      return new Params(planes, height, width, kernel, kernel, stride, stride, pad, pad);
    }

    public int outHeight() { return (height + 2 * padH - kernelH) / strideH + 1; }
    public int outWidth() { return (width + 2 * padW - kernelW) / strideW + 1; }
    public int inputSize() { return planes * height * width; }
    public int outputSize() { return planes * outHeight() * outWidth(); }
  }

  /** Below this many input elements per task a second thread costs more than it saves. */
  private static final int GRAIN = 1 << 15;

  /** Runs {@code body} over ranges of planes: a few per thread when the input is large, for balance. */
  private static void overPlanes(Params p, PlaneRange body) {
    int parts = (int) Math.max(1, Math.min(4L * Parallel.threads(), (long) p.inputSize() / GRAIN));
    parts = Math.min(parts, p.planes());
    int count = parts;
    Parallel.forEach(count, t -> body.run((int) ((long) p.planes() * t / count),
        (int) ((long) p.planes() * (t + 1) / count)));
  }

  private interface PlaneRange {
    void run(int from, int to);
  }

  /** out = max over each window; indices = where each maximum lies within its plane. */
  public static void maxForward(Params p, float[] input, float[] output, long[] indices) {
    overPlanes(p, (from, to) -> {
      for (int plane = from; plane < to; plane++) maxPlane(p, input, output, indices, plane);
    });
  }

  /**
   * One plane's maxima. Rows of windows that lie wholly inside the input (every row when
   * there is no padding) take {@link #maxRowInside}, whose loops carry no clipping; the 2×2,
   * stride-2 pooling of a small network gets its own unrolled loop there.
   */
  private static void maxPlane(Params p, float[] input, float[] output, long[] indices, int plane) {
    int h = p.height(), w = p.width(), hOut = p.outHeight(), wOut = p.outWidth();
    int in = plane * h * w, out = plane * hOut * wOut;
    // ow in [owLo, owHi) has its window inside horizontally
    int owLo = Math.min(wOut, (p.padW() + p.strideW() - 1) / p.strideW());
    int owHi = Math.max(owLo, Math.min(wOut, (w + p.padW() - p.kernelW()) / p.strideW() + 1));
    for (int oh = 0; oh < hOut; oh++) {
      int y0 = oh * p.strideH() - p.padH();
      int h0 = Math.max(y0, 0), h1 = Math.min(y0 + p.kernelH(), h);
      int o = out + oh * wOut;
      boolean rowInside = y0 >= 0 && y0 + p.kernelH() <= h;
      for (int ow = 0; ow < wOut; ow++) {
        if (rowInside && ow == owLo && owHi > owLo) {
          maxRowInside(p, input, in, y0, owLo, owHi, output, indices, o);
          ow = owHi - 1;
          continue;
        }
        int x0 = ow * p.strideW() - p.padW();
        int w0 = Math.max(x0, 0), w1 = Math.min(x0 + p.kernelW(), w);
        int best = h0 * w + w0;
        float max = Float.NEGATIVE_INFINITY;
        for (int y = h0; y < h1; y++) {
          for (int x = w0; x < w1; x++) {
            float v = input[in + y * w + x];
            if (v > max || Float.isNaN(v)) {  // PyTorch's test: a NaN wins and stays
              max = v;
              best = y * w + x;
            }
          }
        }
        output[o + ow] = max;
        indices[o + ow] = best;
      }
    }
  }

  /** Outputs [owLo, owHi) of one output row whose windows, starting at input row y0, are all inside. */
  private static void maxRowInside(Params p, float[] input, int in, int y0, int owLo, int owHi,
                                   float[] output, long[] indices, int o) {
    int w = p.width(), sw = p.strideW(), kh = p.kernelH(), kw = p.kernelW();
    if (kh == 2 && kw == 2) {
      // Branch-free: on real data every comparison is a coin toss, and mispredicted branches
      // cost five times the loads. Each row's winner, then the rows': the same answer as
      // PyTorch's row-major scan (a later value wins when greater or NaN), since a row's
      // partial maximum compares against the other exactly as its elements would.
      for (int ow = owLo; ow < owHi; ow++) {
        int at = in + y0 * w + ow * sw - p.padW();
        float a = input[at], b = input[at + 1], c = input[at + w], d = input[at + w + 1];
        int right0 = (b > a) | (b != b) ? 1 : 0;
        int right1 = (d > c) | (d != d) ? 1 : 0;
        float max0 = Math.max(a, b), max1 = Math.max(c, d);  // NaN if either is, as the winner
        int down = (max1 > max0) | (max1 != max1) ? 1 : 0;
        int best = at + down * (w + right1 - right0) + right0;
        output[o + ow] = input[best];  // the winner itself: Math.max would turn -0.0 into 0.0
        indices[o + ow] = best - in;
      }
      return;
    }
    for (int ow = owLo; ow < owHi; ow++) {
      int at = y0 * w + ow * sw - p.padW();
      int best = at;
      float max = Float.NEGATIVE_INFINITY;
      for (int y = 0; y < kh; y++) {
        int row = at + y * w;
        for (int x = 0; x < kw; x++) {
          float v = input[in + row + x];
          if (v > max || v != v) {
            max = v;
            best = row + x;
          }
        }
      }
      output[o + ow] = max;
      indices[o + ow] = best;
    }
  }

  /** gradInput = gradOutput scattered to the maxima; overlapping windows add up. Overwrites gradInput. */
  public static void maxBackward(Params p, float[] gradOutput, long[] indices, float[] gradInput) {
    int inPlane = p.height() * p.width(), outPlane = p.outHeight() * p.outWidth();
    overPlanes(p, (from, to) -> {
      for (int plane = from; plane < to; plane++) {
        int in = plane * inPlane, out = plane * outPlane;
        // zeroed plane by plane, so the scatter finds it still in L1: one pass over memory
        Arrays.fill(gradInput, in, in + inPlane, 0f);
        for (int i = 0; i < outPlane; i++) gradInput[in + (int) indices[out + i]] += gradOutput[out + i];
      }
    });
  }

  /**
   * out = the mean of each window. With {@code countIncludePad} (PyTorch's default) the
   * divisor is the window's size clipped to the padded input; without, the count of real
   * input elements in it.
   */
  public static void avgForward(Params p, float[] input, float[] output, boolean countIncludePad) {
    int h = p.height(), w = p.width(), hOut = p.outHeight(), wOut = p.outWidth();
    overPlanes(p, (from, to) -> {
      for (int plane = from; plane < to; plane++) {
        int in = plane * h * w, out = plane * hOut * wOut;
        for (int oh = 0; oh < hOut; oh++) {
          for (int ow = 0; ow < wOut; ow++) {
            Window win = window(p, oh, ow, countIncludePad);
            float sum = 0f;
            for (int y = win.h0; y < win.h1; y++) {
              for (int x = win.w0; x < win.w1; x++) sum += input[in + y * w + x];
            }
            output[out + oh * wOut + ow] = sum / win.divisor;
          }
        }
      }
    });
  }

  /** gradInput = each output gradient spread evenly over its window. Overwrites gradInput. */
  public static void avgBackward(Params p, float[] gradOutput, float[] gradInput, boolean countIncludePad) {
    int h = p.height(), w = p.width(), hOut = p.outHeight(), wOut = p.outWidth();
    overPlanes(p, (from, to) -> {
      Arrays.fill(gradInput, from * h * w, to * h * w, 0f);
      for (int plane = from; plane < to; plane++) {
        int in = plane * h * w, out = plane * hOut * wOut;
        for (int oh = 0; oh < hOut; oh++) {
          for (int ow = 0; ow < wOut; ow++) {
            Window win = window(p, oh, ow, countIncludePad);
            float g = gradOutput[out + oh * wOut + ow] / win.divisor;
            for (int y = win.h0; y < win.h1; y++) {
              for (int x = win.w0; x < win.w1; x++) gradInput[in + y * w + x] += g;
            }
          }
        }
      }
    });
  }

  /** An averaging window clipped to the input, with its divisor (PyTorch's rule). */
  private record Window(int h0, int h1, int w0, int w1, int divisor) {}

  private static Window window(Params p, int oh, int ow, boolean countIncludePad) {
    int h0 = oh * p.strideH() - p.padH(), w0 = ow * p.strideW() - p.padW();
    int h1 = Math.min(h0 + p.kernelH(), p.height() + p.padH());
    int w1 = Math.min(w0 + p.kernelW(), p.width() + p.padW());
    int padded = (h1 - h0) * (w1 - w0);
    h0 = Math.max(h0, 0);
    w0 = Math.max(w0, 0);
    h1 = Math.min(h1, p.height());
    w1 = Math.min(w1, p.width());
    return new Window(h0, h1, w0, w1, countIncludePad ? padded : (h1 - h0) * (w1 - w0));
  }
}
