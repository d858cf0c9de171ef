package org.tdsl.tensor.kernels;

/**
 * General matrix product on float32 arrays: C = A·B (or C += A·B).
 *
 * <p>Each operand is addressed as {@code base[off + i * rowStride + j * colStride]}, so a
 * transposed operand is just a swap of its two strides: backward's A^T·G and G·B^T run
 * without materialising a transpose. C is written with unit column stride.
 */
public final class Gemm {
  private Gemm() {}

  public static void gemm(int m, int n, int k,
                          float[] a, int aOff, int aRowStride, int aColStride,
                          float[] b, int bOff, int bRowStride, int bColStride,
                          float[] c, int cOff, int cRowStride, boolean accumulate) {
    for (int i = 0; i < m; i++) {
      int cRow = cOff + i * cRowStride;
      if (!accumulate) java.util.Arrays.fill(c, cRow, cRow + n, 0f);
      for (int p = 0; p < k; p++) {
        float av = a[aOff + i * aRowStride + p * aColStride];
        int bRow = bOff + p * bRowStride;
        for (int j = 0; j < n; j++) c[cRow + j] += av * b[bRow + j * bColStride];
      }
    }
  }
}
