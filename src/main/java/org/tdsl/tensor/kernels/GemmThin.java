package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Products with only a few rows or columns (a batch of one through a linear layer, a
 * matrix times a vector), or a short inner dimension (a first convolution layer: k = 9 taps
 * of one channel). Packing would copy a whole operand to use it once, and a tile two
 * vectors wide would mostly multiply padding, or spend more on merging its tile into C than
 * on its few FMAs; so these stream the big operand once: as dot products when both operands
 * run contiguously along k, as rows of axpy when B and C run contiguously along n, and for
 * short k as four rows of C at a time accumulated in registers over all of k.
 */
final class GemmThin {
  private GemmThin() {}

  /** At most this many rows (or columns) make a product thin. */
  static final int MAX = 4;

  private static final VectorSpecies<Float> S = VectorWidth.SPECIES;

  /** At most this long an inner dimension is short. */
  static final int SHORT_K = 16;

  /** Whether {@link #gemm} handles this shape and layout. */
  static boolean applies(int m, int n, int k, int aCs, int bRs, int bCs) {
    return (m <= MAX || n <= MAX) && (aCs == 1 && bRs == 1 || m <= MAX && bCs == 1)
        || shortK(n, k, bCs);
  }

  private static boolean shortK(int n, int k, int bCs) {
    return k <= SHORT_K && bCs == 1 && n >= S.length();
  }

  static void gemm(int m, int n, int k,
                   float[] a, int aOff, int aRs, int aCs,
                   float[] b, int bOff, int bRs, int bCs,
                   float[] c, int cOff, int ldc, boolean accumulate) {
    if (m > MAX && n > MAX) {
      shortK(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, c, cOff, ldc, accumulate);
      return;
    }
    if (aCs == 1 && bRs == 1) {
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          float dot = dot(k, a, aOff + i * aRs, b, bOff + j * bCs);
          int at = cOff + i * ldc + j;
          c[at] = accumulate ? c[at] + dot : dot;
        }
      }
      return;
    }
    for (int i = 0; i < m; i++) {
      int row = cOff + i * ldc;
      if (!accumulate) Gemm.fillZero(c, row, n);
      for (int p = 0; p < k; p++) axpy(n, a[aOff + i * aRs + p * aCs], b, bOff + p * bRs, c, row);
    }
  }

  private static float dot(int k, float[] x, int xOff, float[] y, int yOff) {
    FloatVector acc0 = FloatVector.zero(S), acc1 = FloatVector.zero(S);
    int l = S.length(), p = 0;
    for (; p + 2 * l <= k; p += 2 * l) {
      acc0 = FloatVector.fromArray(S, x, xOff + p).fma(FloatVector.fromArray(S, y, yOff + p), acc0);
      acc1 = FloatVector.fromArray(S, x, xOff + p + l).fma(FloatVector.fromArray(S, y, yOff + p + l), acc1);
    }
    float sum = Lanes.sum(acc0.add(acc1));
    for (; p < k; p++) sum += x[xOff + p] * y[yOff + p];
    return sum;
  }

  /** y[0..n) += alpha · x[0..n). */
  private static void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
    FloatVector va = FloatVector.broadcast(S, alpha);
    int j = 0, bound = S.loopBound(n);
    for (; j < bound; j += S.length()) {
      va.fma(FloatVector.fromArray(S, x, xOff + j), FloatVector.fromArray(S, y, yOff + j))
          .intoArray(y, yOff + j);
    }
    for (; j < n; j++) y[yOff + j] += alpha * x[xOff + j];
  }

  /**
   * C (+)= A·B for k ≤ {@link #SHORT_K}: four rows of C per pass, one vector of columns at a
   * time held in registers over all of k (one load of B serves four rows), stored once.
   */
  private static void shortK(int m, int n, int k, float[] a, int aOff, int aRs, int aCs,
                             float[] b, int bOff, int bRs, float[] c, int cOff, int ldc,
                             boolean accumulate) {
    int l = S.length(), bound = S.loopBound(n);
    int i = 0;
    for (; i + 4 <= m; i += 4) {
      int a0 = aOff + i * aRs, c0 = cOff + i * ldc;
      int j = 0;
      for (; j < bound; j += l) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        for (int p = 0; p < k; p++) {
          FloatVector y = FloatVector.fromArray(S, b, bOff + p * bRs + j);
          int ap = a0 + p * aCs;
          s0 = FloatVector.broadcast(S, a[ap]).fma(y, s0);
          s1 = FloatVector.broadcast(S, a[ap + aRs]).fma(y, s1);
          s2 = FloatVector.broadcast(S, a[ap + 2 * aRs]).fma(y, s2);
          s3 = FloatVector.broadcast(S, a[ap + 3 * aRs]).fma(y, s3);
        }
        if (accumulate) {
          s0 = s0.add(FloatVector.fromArray(S, c, c0 + j));
          s1 = s1.add(FloatVector.fromArray(S, c, c0 + ldc + j));
          s2 = s2.add(FloatVector.fromArray(S, c, c0 + 2 * ldc + j));
          s3 = s3.add(FloatVector.fromArray(S, c, c0 + 3 * ldc + j));
        }
        s0.intoArray(c, c0 + j);
        s1.intoArray(c, c0 + ldc + j);
        s2.intoArray(c, c0 + 2 * ldc + j);
        s3.intoArray(c, c0 + 3 * ldc + j);
      }
      for (int r = 0; r < 4; r++) scalarColumns(j, n, k, a, a0 + r * aRs, aCs, b, bOff, bRs, c, c0 + r * ldc, accumulate);
    }
    for (; i < m; i++) {
      scalarColumns(0, n, k, a, aOff + i * aRs, aCs, b, bOff, bRs, c, cOff + i * ldc, accumulate);
    }
  }

  /** Columns [from, n) of one row of C, plainly. */
  private static void scalarColumns(int from, int n, int k, float[] a, int aRow, int aCs, float[] b, int bOff,
                                    int bRs, float[] c, int cRow, boolean accumulate) {
    for (int j = from; j < n; j++) {
      float sum = 0f;
      for (int p = 0; p < k; p++) sum += a[aRow + p * aCs] * b[bOff + p * bRs + j];
      c[cRow + j] = accumulate ? c[cRow + j] + sum : sum;
    }
  }
}
