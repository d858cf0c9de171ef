package org.tdsl.tensor.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Stride-1 unpadded convolution as an implicit GEMM with no unfolding and no packing of
 * the input: the forward pass, and (on a zero-bordered output gradient with the weight
 * flipped and transposed) the input gradient. Groups of one only.
 *
 * <p>The output is computed in the input's row width: output position q = oh·W + ow sees,
 * through tap (kh, kw), input pixel q + kh·dH·W + kw·dW, one fixed shift per tap. So a
 * tile of NR = 2·L consecutive positions reads, for every (tap, channel), one run of NR
 * consecutive input floats: two vector loads straight from the input, with no im2col. The
 * columns ow ≥ Wout of this wide layout are computed and thrown away (2 of 26 at the
 * MNIST network's conv2, 8%; a ragged last tile of one vector or less runs a one-vector
 * kernel), and the weight, packed once per call into blocks of
 * {@link #MR} output channels, supplies the broadcasts. The microkernel keeps an 8×2L tile
 * in 16 vector registers over the whole reduction (every tap of every channel: 288 steps
 * at conv2), so each output is written once, into a per-thread wide buffer that is then
 * compacted into the output with the bias added.
 *
 * <p>Why 8 rows: output channel counts are multiples of 8 (32, 64), so no row of the tile
 * is padding; 16 accumulators plus two loaded vectors and a broadcast fit the 32 AVX-512
 * registers. Samples are spread over the cores.
 */
final class ConvDirect {
  private ConvDirect() {}

  private static final VectorSpecies<Float> S = VectorWidth.SPECIES;
  private static final int L = S == null ? 1 : S.length();
  static final int MR = 8;
  static final int NR = 2 * L;

  /** Whether the direct kernel takes this convolution (forward and input gradient). */
  static boolean applies(Conv2d.Params p) {
    return S != null && p.groups() == 1 && p.strideH() == 1 && p.strideW() == 1
        && p.padH() == 0 && p.padW() == 0 && !p.isPointwise();
  }

  /** Per-thread scratch: the wide output, a padded input copy, the tail tile's window. */
  private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[3][0]);

  private static float[] scratch(int which, int size) {
    float[][] holder = SCRATCH.get();
    if (holder[which].length < size) holder[which] = new float[size];
    return holder[which];
  }

  /**
   * The weight packed for the microkernel: block b of MR output channels holds
   * W[b·MR + r][c][tap] at b·MR·K + (tap·C + c)·MR + r, zero for channels past the last.
   * With {@code flip} the taps run in reverse and the roles of the two channel dims swap
   * (the input gradient's kernel: out = C, in = Cout).
   */
  private static float[] pack(float[] weight, int outCh, int inCh, int taps, boolean flip) {
    int blocks = (outCh + MR - 1) / MR, k = inCh * taps;
    float[] packed = new float[blocks * MR * k];
    for (int o = 0; o < outCh; o++) {
      int base = o / MR * MR * k + o % MR;
      for (int c = 0; c < inCh; c++) {
        for (int t = 0; t < taps; t++) {
          float w = flip ? weight[(c * outCh + o) * taps + taps - 1 - t] : weight[(o * inCh + c) * taps + t];
          packed[base + (t * inCh + c) * MR] = w;
        }
      }
    }
    return packed;
  }

  /** offsets[tap·inCh + c] = c·plane + shifts[tap]: where step k of the reduction reads. */
  private static int[] offsets(int[] shifts, int inCh, int plane) {
    int[] o = new int[shifts.length * inCh];
    for (int t = 0; t < shifts.length; t++) {
      for (int c = 0; c < inCh; c++) o[t * inCh + c] = c * plane + shifts[t];
    }
    return o;
  }

  /** The shift of each tap in a plane with rows {@code width} apart. */
  private static int[] shifts(Conv2d.Params p, int width) {
    int[] s = new int[p.kernelH() * p.kernelW()];
    for (int kh = 0; kh < p.kernelH(); kh++) {
      for (int kw = 0; kw < p.kernelW(); kw++) {
        s[kh * p.kernelW() + kw] = kh * p.dilationH() * width + kw * p.dilationW();
      }
    }
    return s;
  }

  static void forward(Conv2d.Params p, float[] input, float[] weight, float[] bias, float[] output) {
    int taps = p.kernelH() * p.kernelW();
    float[] packed = pack(weight, p.outChannels(), p.channels(), taps, false);
    int[] shifts = shifts(p, p.width());
    int outPlane = p.outPlane();
    Parallel.forEach(p.batch(), n -> correlate(p.channels(), p.inPlane(), p.width(), input,
        n * p.channels() * p.inPlane(), shifts, packed, p.outChannels(), p.outHeight(), p.outWidth(),
        bias, output, n * p.outChannels() * outPlane, null));
  }

  /**
   * gradInput = the full correlation of the output gradient with the flipped kernel. Each
   * sample's G is laid out with the input's row width W (zeros in the columns ow ≥ Wout)
   * behind a zero prefix of (kH−1)·dH·W + (kW−1)·dW floats and before a zero suffix; the input
   * gradient is then a valid stride-1 correlation of that G with W flipped and transposed,
   * computed straight in the input's own layout (no columns thrown away). A tap that falls
   * off G's left edge wraps into the previous row's zero columns (W − (kW−1)·dW = Wout).
   */
  static void backwardInput(Conv2d.Params p, float[] gradOutput, float[] weight, float[] gradInput) {
    int taps = p.kernelH() * p.kernelW(), w = p.width();
    int cout = p.outChannels(), hOut = p.outHeight(), wOut = p.outWidth();
    int padH = p.dilationH() * (p.kernelH() - 1), padW = p.dilationW() * (p.kernelW() - 1);
    int prefix = padH * w + padW, planeG = (p.height() + padH) * w + padW;
    float[] packed = pack(weight, p.channels(), cout, taps, true);
    int[] shifts = shifts(p, w);
    int[] reach = reach(p, cout);
    Parallel.forEach(p.batch(), n -> {
      float[] g = scratch(1, cout * planeG + NR);  // slack: the last tile reads past the plane (lanes thrown away)
      int src = n * cout * hOut * wOut;
      for (int o = 0; o < cout; o++) {
        int at = o * planeG;
        Arrays.fill(g, at, at + prefix, 0f);
        for (int oh = 0; oh < hOut; oh++) {
          int row = at + prefix + oh * w;
          copyRow(gradOutput, src + (o * hOut + oh) * wOut, g, row, wOut);
          for (int j = wOut; j < w; j++) g[row + j] = 0f;
        }
        Arrays.fill(g, at + prefix + hOut * w, at + planeG, 0f);
      }
      correlate(cout, planeG, w, g, 0, shifts, packed, p.channels(), p.height(), w,
          null, gradInput, n * p.channels() * p.inPlane(), reach);
    });
  }

  /**
   * For the input gradient, the range of reduction steps [reach[2t], reach[2t+1]) that tile t
   * needs: a tile in the first or last rows of the input sees some kernel rows only through
   * G's zero border above or below, and skips them (taps run kernel row by kernel row, so the
   * rows it needs are one contiguous range of steps). 6% of the steps at conv2.
   */
  private static int[] reach(Conv2d.Params p, int inCh) {
    int w = p.width(), span = p.height() * w, tiles = (span + NR - 1) / NR;
    int kH = p.kernelH(), dH = p.dilationH(), perRow = p.kernelW() * inCh, hOut = p.outHeight();
    int[] reach = new int[2 * tiles];
    for (int t = 0; t < tiles; t++) {
      int r0 = t * NR / w, r1 = Math.min(span - 1, t * NR + NR - 1) / w;
      int lo = kH, hi = -1;  // flipped kernel row j reads G row ih − (kH−1−j)·dH
      for (int j = 0; j < kH; j++) {
        int back = (kH - 1 - j) * dH;
        if (back <= r1 && r0 - back <= hOut - 1) {
          lo = Math.min(lo, j);
          hi = j;
        }
      }
      reach[2 * t] = hi < 0 ? 0 : lo * perRow;
      reach[2 * t + 1] = hi < 0 ? 0 : (hi + 1) * perRow;
    }
    return reach;
  }

  /**
   * One sample: out[o][oh][ow] = bias[o] + Σ_{c, tap} W[o][c][tap] · x[c][oh·width + ow + shift(tap)],
   * for the {@code inCh} planes of x at {@code xOff}, {@code plane} floats apart.
   */
  private static void correlate(int inCh, int plane, int width, float[] x, int xOff, int[] shifts,
                                float[] packed, int outCh, int hOut, int wOut, float[] bias,
                                float[] out, int outOff, int[] reach) {
    int taps = shifts.length, k = inCh * taps, maxShift = shifts[taps - 1];
    int span = (hOut - 1) * width + wOut;
    int ldw = (span + NR - 1) / NR * NR, blocks = (outCh + MR - 1) / MR;
    float[] wide = scratch(0, blocks * MR * ldw);
    int[] inPlace = offsets(shifts, inCh, plane);
    long lastRead = xOff + (long) (inCh - 1) * plane + maxShift;  // + q0 + NR: the furthest float a tile reads
    for (int q0 = 0; q0 < span; q0 += NR) {
      float[] src = x;
      int base = xOff + q0, stride = plane;
      if (lastRead + q0 + NR > x.length) {  // the last tile would read past the array: copy its window
        int window = NR + maxShift;
        src = scratch(2, inCh * window);
        for (int c = 0; c < inCh; c++) {
          int from = xOff + c * plane + q0, count = Math.max(0, Math.min(window, x.length - from));
          System.arraycopy(x, from, src, c * window, count);
          Arrays.fill(src, c * window + count, (c + 1) * window, 0f);
        }
        base = 0;
        stride = window;
      }
      int[] offs = src == x ? inPlace : offsets(shifts, inCh, stride);  // once per sample at most
      for (int b = 0; b < blocks; b++) {
        int tile = q0 / NR, kFrom = reach == null ? 0 : reach[2 * tile], kTo = reach == null ? k : reach[2 * tile + 1];
        if (span - q0 <= L) {  // a ragged last tile of at most one vector: half the work
          microOneVector(offs, kFrom, kTo, packed, b * MR * k, src, base, wide, b * MR * ldw + q0, ldw);
        } else {
          micro(offs, kFrom, kTo, packed, b * MR * k, src, base, wide, b * MR * ldw + q0, ldw);
        }
      }
    }
    for (int o = 0; o < outCh; o++) {
      float add = bias == null ? 0f : bias[o];
      for (int oh = 0; oh < hOut; oh++) {
        compactRow(wide, o * ldw + oh * width, out, outOff + (o * hOut + oh) * wOut, wOut, add);
      }
    }
  }

  /** dst[to..to+count) = src[from..from+count): for rows this short, cheaper than System.arraycopy's call. */
  private static void copyRow(float[] src, int from, float[] dst, int to, int count) {
    if (count < L) {
      for (int i = 0; i < count; i++) dst[to + i] = src[from + i];
      return;
    }
    for (int i = 0; ; i += L) {
      int at = Math.min(i, count - L);
      FloatVector.fromArray(S, src, from + at).intoArray(dst, to + at);
      if (at == count - L) return;
    }
  }

  /**
   * out[to..to+count) = wide[from..from+count) + add. Rows are short (24 floats): the JIT's
   * own vector loop, unrolled four times, would leave them all to its scalar tail, so the row
   * is covered by whole vectors, the last one overlapping its predecessor.
   */
  private static void compactRow(float[] wide, int from, float[] out, int to, int count, float add) {
    if (count < L) {
      for (int i = 0; i < count; i++) out[to + i] = wide[from + i] + add;
      return;
    }
    FloatVector bias = FloatVector.broadcast(S, add);
    for (int i = 0; ; i += L) {
      int at = Math.min(i, count - L);
      FloatVector.fromArray(S, wide, from + at).add(bias).intoArray(out, to + at);
      if (at == count - L) return;
    }
  }

  /**
   * tile[r][0..NR) = Σ_k w[wBase + k·MR + r] · x[xBase + offsets[k] .. + NR), stored at
   * c[cBase + r·ldc]: one flat loop over the reduction (k = tap·inCh + channel; offsets[k]
   * is the channel's plane plus the tap's shift), so a layer with one input channel runs
   * nine steps, not nine loops of one. Kept small: C2 stops intrinsifying vector operations
   * in a method that grows too large.
   */
  private static void micro(int[] offsets, int kFrom, int kTo, float[] w, int wBase, float[] x, int xBase,
                            float[] c, int cBase, int ldc) {
    FloatVector zero = FloatVector.zero(S);
    FloatVector c00 = zero, c01 = zero, c10 = zero, c11 = zero;
    FloatVector c20 = zero, c21 = zero, c30 = zero, c31 = zero;
    FloatVector c40 = zero, c41 = zero, c50 = zero, c51 = zero;
    FloatVector c60 = zero, c61 = zero, c70 = zero, c71 = zero;
    for (int k = kFrom; k < kTo; k++) {
      int xi = xBase + offsets[k], wi = wBase + k * MR;
      FloatVector b0 = FloatVector.fromArray(S, x, xi);
      FloatVector b1 = FloatVector.fromArray(S, x, xi + L);
      FloatVector a = FloatVector.broadcast(S, w[wi]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      a = FloatVector.broadcast(S, w[wi + 1]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      a = FloatVector.broadcast(S, w[wi + 2]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      a = FloatVector.broadcast(S, w[wi + 3]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
      a = FloatVector.broadcast(S, w[wi + 4]);
      c40 = a.fma(b0, c40);
      c41 = a.fma(b1, c41);
      a = FloatVector.broadcast(S, w[wi + 5]);
      c50 = a.fma(b0, c50);
      c51 = a.fma(b1, c51);
      a = FloatVector.broadcast(S, w[wi + 6]);
      c60 = a.fma(b0, c60);
      c61 = a.fma(b1, c61);
      a = FloatVector.broadcast(S, w[wi + 7]);
      c70 = a.fma(b0, c70);
      c71 = a.fma(b1, c71);
    }
    c00.intoArray(c, cBase);
    c01.intoArray(c, cBase + L);
    c10.intoArray(c, cBase + ldc);
    c11.intoArray(c, cBase + ldc + L);
    c20.intoArray(c, cBase + 2 * ldc);
    c21.intoArray(c, cBase + 2 * ldc + L);
    c30.intoArray(c, cBase + 3 * ldc);
    c31.intoArray(c, cBase + 3 * ldc + L);
    c40.intoArray(c, cBase + 4 * ldc);
    c41.intoArray(c, cBase + 4 * ldc + L);
    c50.intoArray(c, cBase + 5 * ldc);
    c51.intoArray(c, cBase + 5 * ldc + L);
    c60.intoArray(c, cBase + 6 * ldc);
    c61.intoArray(c, cBase + 6 * ldc + L);
    c70.intoArray(c, cBase + 7 * ldc);
    c71.intoArray(c, cBase + 7 * ldc + L);
  }

  /** {@link #micro} for one vector of positions instead of two (8 accumulators). */
  private static void microOneVector(int[] offsets, int kFrom, int kTo, float[] w, int wBase, float[] x,
                                     int xBase, float[] c, int cBase, int ldc) {
    FloatVector zero = FloatVector.zero(S);
    FloatVector c0 = zero, c1 = zero, c2 = zero, c3 = zero, c4 = zero, c5 = zero, c6 = zero, c7 = zero;
    for (int k = kFrom; k < kTo; k++) {
      int wi = wBase + k * MR;
      FloatVector b = FloatVector.fromArray(S, x, xBase + offsets[k]);
      c0 = FloatVector.broadcast(S, w[wi]).fma(b, c0);
      c1 = FloatVector.broadcast(S, w[wi + 1]).fma(b, c1);
      c2 = FloatVector.broadcast(S, w[wi + 2]).fma(b, c2);
      c3 = FloatVector.broadcast(S, w[wi + 3]).fma(b, c3);
      c4 = FloatVector.broadcast(S, w[wi + 4]).fma(b, c4);
      c5 = FloatVector.broadcast(S, w[wi + 5]).fma(b, c5);
      c6 = FloatVector.broadcast(S, w[wi + 6]).fma(b, c6);
      c7 = FloatVector.broadcast(S, w[wi + 7]).fma(b, c7);
    }
    c0.intoArray(c, cBase);
    c1.intoArray(c, cBase + ldc);
    c2.intoArray(c, cBase + 2 * ldc);
    c3.intoArray(c, cBase + 3 * ldc);
    c4.intoArray(c, cBase + 4 * ldc);
    c5.intoArray(c, cBase + 5 * ldc);
    c6.intoArray(c, cBase + 6 * ldc);
    c7.intoArray(c, cBase + 7 * ldc);
  }
}
