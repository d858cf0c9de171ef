package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * im2col and col2im for one sample and one group of channels, plus the plane sums bias
 * gradients need. The unfolded matrix has a row per (channel, kh, kw) and a column per
 * output position; row r holds the input pixel each output position sees through tap r, or
 * 0 where the tap falls in the padding.
 */
final class ConvUnfold {
  private ConvUnfold() {}

  /** col[(c·kH + kh)·kW + kw][oh·Wout + ow] = input[inBase + c·H·W + ih·W + iw], or 0 in the padding. */
  static void im2col(Conv2d.Params p, float[] input, int inBase, float[] col) {
    int hOut = p.outHeight(), wOut = p.outWidth(), plane = hOut * wOut;
    int h = p.height(), w = p.width();
    int row = 0;
    for (int c = 0; c < p.groupChannels(); c++) {
      int channel = inBase + c * h * w;
      for (int kh = 0; kh < p.kernelH(); kh++) {
        for (int kw = 0; kw < p.kernelW(); kw++, row++) {
          int shift = kw * p.dilationW() - p.padW();  // iw = ow·strideW + shift
          int lo = firstInside(shift, p.strideW(), wOut), hi = endInside(shift, p.strideW(), w, wOut);
          for (int oh = 0; oh < hOut; oh++) {
            int dst = row * plane + oh * wOut;
            int ih = oh * p.strideH() - p.padH() + kh * p.dilationH();
            if (ih < 0 || ih >= h || hi <= lo) {
              java.util.Arrays.fill(col, dst, dst + wOut, 0f);
              continue;
            }
            int src = channel + ih * w + shift;
            java.util.Arrays.fill(col, dst, dst + lo, 0f);
            if (p.strideW() == 1) {
              System.arraycopy(input, src + lo, col, dst + lo, hi - lo);
            } else {
              int s = p.strideW();
              for (int ow = lo; ow < hi; ow++) col[dst + ow] = input[src + ow * s];
            }
            java.util.Arrays.fill(col, dst + hi, dst + wOut, 0f);
          }
        }
      }
    }
  }

  /** The reverse of im2col: adds each column entry to the input pixel it came from. */
  static void col2im(Conv2d.Params p, float[] col, float[] gradInput, int inBase) {
    int hOut = p.outHeight(), wOut = p.outWidth(), plane = hOut * wOut;
    int h = p.height(), w = p.width();
    int row = 0;
    for (int c = 0; c < p.groupChannels(); c++) {
      int channel = inBase + c * h * w;
      for (int kh = 0; kh < p.kernelH(); kh++) {
        for (int kw = 0; kw < p.kernelW(); kw++, row++) {
          int shift = kw * p.dilationW() - p.padW();
          int lo = firstInside(shift, p.strideW(), wOut), hi = endInside(shift, p.strideW(), w, wOut);
          for (int oh = 0; oh < hOut; oh++) {
            int ih = oh * p.strideH() - p.padH() + kh * p.dilationH();
            if (ih < 0 || ih >= h) continue;
            int src = row * plane + oh * wOut;
            int dst = channel + ih * w + shift;
            int s = p.strideW();
            if (s == 1) {
              addTo(gradInput, dst + lo, col, src + lo, hi - lo);
            } else {
              for (int ow = lo; ow < hi; ow++) gradInput[dst + ow * s] += col[src + ow];
            }
          }
        }
      }
    }
  }

  /** The first ow with ow·stride + shift ≥ 0 (at most wOut, for padding wider than a stride row). */
  private static int firstInside(int shift, int stride, int wOut) {
    return shift >= 0 ? 0 : Math.min(wOut, (-shift + stride - 1) / stride);
  }

  /** One past the last ow (at most wOut) with ow·stride + shift < w. */
  private static int endInside(int shift, int stride, int w, int wOut) {
    int room = w - shift;
    if (room <= 0) return 0;
    return Math.min(wOut, (room + stride - 1) / stride);
  }

  /** y[yOff..yOff+count) += x[xOff..xOff+count). */
  private static void addTo(float[] y, int yOff, float[] x, int xOff, int count) {
    int i = 0;
    if (VectorWidth.BITS != 0) {
      VectorSpecies<Float> s = GemmBlocked.S;
      for (int bound = s.loopBound(count); i < bound; i += s.length()) {
        FloatVector.fromArray(s, y, yOff + i).add(FloatVector.fromArray(s, x, xOff + i))
            .intoArray(y, yOff + i);
      }
    }
    for (; i < count; i++) y[yOff + i] += x[xOff + i];
  }

  /** The sum of {@code count} floats from {@code from}. */
  static float sum(float[] a, int from, int count) {
    if (VectorWidth.BITS == 0) return scalarSum(a, from, count);
    VectorSpecies<Float> s = GemmBlocked.S;
    FloatVector acc = FloatVector.zero(s);
    int i = 0, bound = s.loopBound(count);
    for (; i < bound; i += s.length()) acc = acc.add(FloatVector.fromArray(s, a, from + i));
    return Lanes.sum(acc) + scalarSum(a, from + i, count - i);
  }

  private static float scalarSum(float[] a, int from, int count) {
    float sum = 0f;
    for (int i = 0; i < count; i++) sum += a[from + i];
    return sum;
  }
}
