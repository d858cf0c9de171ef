package org.tdsl.tensor.kernels;

/**
 * The plain-loop product: tiny matrices (where packing costs more than it saves) and the
 * scalar fallback when the vector width is 0. The i-k-j order reads B and writes C along
 * rows, which is the cache-friendly order when B is row-major.
 */
final class GemmScalar {
  private GemmScalar() {}

  static void gemm(int m, int n, int k,
                   float[] a, int aOff, int aRowStride, int aColStride,
                   float[] b, int bOff, int bRowStride, int bColStride,
                   float[] c, int cOff, int cRowStride, boolean accumulate) {
    if (bColStride != 1 && aColStride == 1 && bRowStride == 1) {
      dotProducts(m, n, k, a, aOff, aRowStride, b, bOff, bColStride, c, cOff, cRowStride,
          accumulate);
      return;
    }
    for (int i = 0; i < m; i++) {
      int cRow = cOff + i * cRowStride;
      if (!accumulate) Gemm.fillZero(c, cRow, n);
      for (int p = 0; p < k; p++) {
        float av = a[aOff + i * aRowStride + p * aColStride];
        int bRow = bOff + p * bRowStride;
        if (bColStride == 1) {
          for (int j = 0; j < n; j++) c[cRow + j] += av * b[bRow + j];
        } else {
          for (int j = 0; j < n; j++) c[cRow + j] += av * b[bRow + j * bColStride];
        }
      }
    }
  }

  /** A times a transposed row-major B: each C element is a dot product of two unit-stride rows. */
  private static void dotProducts(int m, int n, int k, float[] a, int aOff, int aRowStride,
                                  float[] b, int bOff, int bColStride,
                                  float[] c, int cOff, int cRowStride, boolean accumulate) {
    for (int i = 0; i < m; i++) {
      int aRow = aOff + i * aRowStride;
      int cRow = cOff + i * cRowStride;
      for (int j = 0; j < n; j++) {
        int bCol = bOff + j * bColStride;
        float sum = 0f;
        for (int p = 0; p < k; p++) sum += a[aRow + p] * b[bCol + p];
        c[cRow + j] = accumulate ? c[cRow + j] + sum : sum;
      }
    }
  }
}
