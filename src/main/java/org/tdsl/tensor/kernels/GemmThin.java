package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Products with only a few rows or columns (a batch of one through a linear layer, a
 * matrix times a vector). Packing would copy a whole operand to use it once, and a tile
 * two vectors wide would mostly multiply padding, so these stream the big operand once:
 * as dot products when both operands run contiguously along k, or as rows of axpy when B
 * and C run contiguously along n.
 */
final class GemmThin {
  private GemmThin() {}

  /** At most this many rows (or columns) make a product thin. */
  static final int MAX = 4;

  private static final VectorSpecies<Float> S = VectorWidth.SPECIES;

  /** Whether {@link #gemm} handles this shape and layout. */
  static boolean applies(int m, int n, int aCs, int bRs, int bCs) {
    return (m <= MAX || n <= MAX) && (aCs == 1 && bRs == 1 || m <= MAX && bCs == 1);
  }

  static void gemm(int m, int n, int k,
                   float[] a, int aOff, int aRs, int aCs,
                   float[] b, int bOff, int bRs, int bCs,
                   float[] c, int cOff, int ldc, boolean accumulate) {
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
    float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
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
}
