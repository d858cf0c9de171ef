package org.tdsl.tensor.kernels;

import java.util.Arrays;

/**
 * conv2d's gradients without unfolding, for convolutions with stride 1 and no padding
 * (the MNIST network's, and most valid-mode 3×3 layers): an implicit GEMM per kernel tap.
 *
 * <p>The trick is to give the output gradient the input's row width: G' holds
 * G[o][oh][ow] at oh·W + ow, zeros in the columns ow ≥ Wout. Then output position q of G'
 * sees, through tap (kh, kw), input pixel q + kh·dH·W + kw·dW: one fixed shift per tap,
 * so each tap is a plain strided product over the flat planes, and a padding column only
 * ever multiplies a zero. The input gradient is then nine products added in place at
 * shifted offsets (no column matrix written and folded back), the weight gradient nine
 * dot-product blocks of G' against the shifted input planes (no unfolding of the input).
 * The products run over q &lt; (Hout−1)·W + Wout, which keeps the largest shift inside the plane.
 */
final class ConvShifted {
  private ConvShifted() {}

  static boolean applies(Conv2d.Params p) {
    return p.strideH() == 1 && p.strideW() == 1 && p.padH() == 0 && p.padW() == 0
        && !p.isPointwise();
  }

  private static final ThreadLocal<float[][]> WIDE = ThreadLocal.withInitial(() -> new float[1][0]);

  /** G' for one sample: every output channel's plane re-laid with the input's row width. */
  private static float[] widen(Conv2d.Params p, float[] gradOutput, int n) {
    int hOut = p.outHeight(), wOut = p.outWidth(), w = p.width(), wide = hOut * w;
    float[][] holder = WIDE.get();
    if (holder[0].length < p.outChannels() * wide) holder[0] = new float[p.outChannels() * wide];
    float[] g = holder[0];
    for (int o = 0; o < p.outChannels(); o++) {
      int src = (n * p.outChannels() + o) * hOut * wOut, dst = o * wide;
      for (int oh = 0; oh < hOut; oh++) {
        System.arraycopy(gradOutput, src + oh * wOut, g, dst + oh * w, wOut);
        Arrays.fill(g, dst + oh * w + wOut, dst + oh * w + w, 0f);
      }
    }
    return g;
  }

  /** How many flat positions of G' the products run over. */
  private static int span(Conv2d.Params p) {
    return (p.outHeight() - 1) * p.width() + p.outWidth();
  }

  private static int shift(Conv2d.Params p, int kh, int kw) {
    return kh * p.dilationH() * p.width() + kw * p.dilationW();
  }

  /** gradInput[n, g's channels] = Σ over taps of W_tapᵀ · G', each added at the tap's shift. */
  static void backwardInput(Conv2d.Params p, float[] gradOutput, float[] weight, float[] gradInput) {
    int cg = p.groupChannels(), og = p.groupOutChannels(), rows = p.colRows();
    int taps = p.kernelH() * p.kernelW(), wide = p.outHeight() * p.width(), span = span(p);
    Parallel.forEach(p.batch(), n -> {
      float[] g = widen(p, gradOutput, n);
      int sample = n * p.channels() * p.inPlane();
      Arrays.fill(gradInput, sample, sample + p.channels() * p.inPlane(), 0f);
      for (int grp = 0; grp < p.groups(); grp++) {
        int inBase = sample + grp * cg * p.inPlane();
        for (int kh = 0; kh < p.kernelH(); kh++) {
          for (int kw = 0; kw < p.kernelW(); kw++) {
            // A = W_tapᵀ (cg×og): element [c][o] at o·rows + c·taps + tap
            Gemm.gemm(cg, span, og, weight, grp * og * rows + kh * p.kernelW() + kw, taps, rows,
                g, grp * og * wide, wide, 1, gradInput, inBase + shift(p, kh, kw), p.inPlane(), true);
          }
        }
      }
    });
  }

  /** gradWeight = Σ over the batch and taps of G' · (the input planes at the tap's shift)ᵀ. */
  static void backwardWeight(Conv2d.Params p, float[] input, float[] gradOutput, float[] gradWeight) {
    int cg = p.groupChannels(), og = p.groupOutChannels(), rows = p.colRows();
    int taps = p.kernelH() * p.kernelW(), wide = p.outHeight() * p.width(), span = span(p);
    int size = p.weightSize();
    // Each part sums its share of the batch into its own buffer laid out [tap][o][c], where
    // each tap's product is a plain row-major matrix; a final pass moves them to [o][c][tap].
    int parts = Math.min(p.batch(), 4 * Parallel.threads());
    float[][] partial = new float[parts][size];
    Parallel.forEach(parts, t -> {
      float[] part = partial[t];
      int from = Parallel.bound(p.batch(), t, parts), to = Parallel.bound(p.batch(), t + 1, parts);
      for (int n = from; n < to; n++) {
        float[] g = widen(p, gradOutput, n);
        for (int grp = 0; grp < p.groups(); grp++) {
          int inBase = (n * p.channels() + grp * cg) * p.inPlane();
          for (int kh = 0; kh < p.kernelH(); kh++) {
            for (int kw = 0; kw < p.kernelW(); kw++) {
              int tap = kh * p.kernelW() + kw;
              // (og×cg) (+)= G'_grp (og×span) · X_shiftedᵀ (span×cg): both contiguous along span
              Gemm.gemm(og, cg, span, g, grp * og * wide, wide, 1,
                  input, inBase + shift(p, kh, kw), 1, p.inPlane(),
                  part, (tap * p.groups() + grp) * og * cg, cg, n > from);
            }
          }
        }
      }
    });
    for (int t = 1; t < parts; t++) Elementwise.axpy(1f, partial[t], 0, 1, partial[0], 0, size);
    float[] sum = partial[0];
    for (int grp = 0; grp < p.groups(); grp++) {
      for (int tap = 0; tap < taps; tap++) {
        int src = (tap * p.groups() + grp) * og * cg;
        for (int o = 0; o < og; o++) {
          for (int c = 0; c < cg; c++) {
            gradWeight[(grp * og + o) * rows + c * taps + tap] = sum[src + o * cg + c];
          }
        }
      }
    }
  }
}
