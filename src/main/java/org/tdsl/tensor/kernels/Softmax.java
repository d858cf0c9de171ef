package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Softmax and log-softmax of contiguous rows, shifted by the row maximum for stability. */
public final class Softmax {
  private Softmax() {}

  public static void rows(float[] x, int xOff, float[] out, int outOff, int rows, int n, boolean log) {
    rows(Vectors.SPECIES, x, xOff, out, outOff, rows, n, log);
  }

  static void rows(VectorSpecies<Float> s, float[] x, int xOff, float[] out, int outOff, int rows, int n,
                   boolean log) {
    for (int r = 0; r < rows; r++) row(s, x, xOff + r * n, out, outOff + r * n, n, log);
  }

  static void row(VectorSpecies<Float> s, float[] x, int xo, float[] out, int oo, int n, boolean log) {
    float max = Reduce.max(s, x, xo, n);
    if (max == Float.NEGATIVE_INFINITY) max = 0;
    // out = exp(x - max), and its sum
    int i = 0;
    float sum = 0;
    if (s != null) {
      FloatVector acc = FloatVector.zero(s);
      int bound = s.loopBound(n);
      for (; i < bound; i += s.length()) {
        FloatVector e = FloatVector.fromArray(s, x, xo + i).sub(max).lanewise(VectorOperators.EXP);
        if (!log) e.intoArray(out, oo + i);
        acc = acc.add(e);
      }
      sum = acc.reduceLanes(VectorOperators.ADD);
    }
    for (; i < n; i++) {
      float e = (float) Math.exp(x[xo + i] - max);
      if (!log) out[oo + i] = e;
      sum += e;
    }
    if (log) {
      float shift = max + (float) Math.log(sum);
      i = 0;
      if (s != null) {
        int bound = s.loopBound(n);
        for (; i < bound; i += s.length()) FloatVector.fromArray(s, x, xo + i).sub(shift).intoArray(out, oo + i);
      }
      for (; i < n; i++) out[oo + i] = x[xo + i] - shift;
    } else {
      float inv = 1 / sum;
      i = 0;
      if (s != null) {
        int bound = s.loopBound(n);
        for (; i < bound; i += s.length()) FloatVector.fromArray(s, out, oo + i).mul(inv).intoArray(out, oo + i);
      }
      for (; i < n; i++) out[oo + i] *= inv;
    }
  }
}
