package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Softmax and log-softmax of contiguous rows, shifted by the row maximum for stability, and
 * their backward in one pass per row (PyTorch's _softmax_backward_data), instead of the three
 * full-size temporaries the composite formula would allocate.
 */
public final class Softmax {
  private Softmax() {}

  /** The one species, a constant so the JIT compiles every vector op to instructions. */
  private static final VectorSpecies<Float> S = VectorWidth.SPECIES;

  /** Below this many elements a second thread costs more than it saves. */
  private static final int PARALLEL_MIN = 1 << 16;

  /** Softmax (or log_softmax) of each of {@code rows} contiguous rows of n; rows spread over the threads. */
  public static void rows(float[] x, int xOff, float[] out, int outOff, int rows, int n, boolean log) {
    overRows(rows, n, (from, to) -> {
      for (int r = from; r < to; r++) row(x, xOff + r * n, out, outOff + r * n, n, log);
    });
  }

  private interface RowRange {
    void run(int from, int to);
  }

  /** Runs body over [0, rows) in a few ranges per thread when the rows are many, else at once. */
  private static void overRows(int rows, int n, RowRange body) {
    long size = (long) rows * n;
    int parts = size < PARALLEL_MIN ? 1 : (int) Math.min(rows, 4L * Parallel.threads());
    if (parts <= 1) {
      body.run(0, rows);
      return;
    }
    Parallel.forEach(parts, t -> body.run(Parallel.bound(rows, t, parts), Parallel.bound(rows, t + 1, parts)));
  }

  static void row(float[] x, int xo, float[] out, int oo, int n, boolean log) {
    float max = Reduce.max(x, xo, n);
    if (max == Float.NEGATIVE_INFINITY) max = 0;
    // out = exp(x - max) and its sum (log_softmax: the sum only)
    float sum = log ? Exp.sum(x, xo, max, n) : Exp.row(x, xo, max, out, oo, n);
    int i = 0;
    if (log) {
      float shift = max + (float) Math.log(sum);
      if (S != null) {
        int bound = S.loopBound(n);
        for (; i < bound; i += S.length()) FloatVector.fromArray(S, x, xo + i).sub(shift).intoArray(out, oo + i);
      }
      for (; i < n; i++) out[oo + i] = x[xo + i] - shift;
    } else {
      float inv = 1 / sum;
      i = 0;
      if (S != null) {
        int bound = S.loopBound(n);
        for (; i < bound; i += S.length()) FloatVector.fromArray(S, out, oo + i).mul(inv).intoArray(out, oo + i);
      }
      for (; i < n; i++) out[oo + i] *= inv;
    }
  }

  /**
   * gradIn = the gradient through softmax (y · (g − Σ g·y)) or log_softmax
   * (g − exp(y) · Σ g), row by row, from the forward's output y and the output gradient g.
   */

  public static void backwardRows(float[] y, int yOff, float[] g, int gOff,
                           float[] out, int outOff, int rows, int n, boolean log) {
    for (int r = 0; r < rows; r++) {
      int yo = yOff + r * n, go = gOff + r * n, oo = outOff + r * n;
      if (log) {
        float sum = Reduce.sum(g, go, n);
        Exp.minusScaledRow(g, go, y, yo, sum, out, oo, n);
      } else {
        float dot = 0;
        int i = 0;
        if (S != null) {
          FloatVector acc = FloatVector.zero(S);
          for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            acc = FloatVector.fromArray(S, g, go + i).fma(FloatVector.fromArray(S, y, yo + i), acc);
          }
          dot = Lanes.sum(acc);
        }
        for (; i < n; i++) dot += g[go + i] * y[yo + i];
        i = 0;
        if (S != null) {
          for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector.fromArray(S, g, go + i).sub(dot).mul(FloatVector.fromArray(S, y, yo + i))
                .intoArray(out, oo + i);
          }
        }
        for (; i < n; i++) out[oo + i] = (g[go + i] - dot) * y[yo + i];
      }
    }
  }
}
