package org.tdsl.tensor.kernels;

import java.util.Arrays;

/**
 * General matrix product on float32 arrays: C = A·B (or C += A·B).
 *
 * <p>Each operand is addressed as {@code base[off + i * rowStride + j * colStride]}, so a
 * transposed operand is just a swap of its two strides: backward's A^T·G and G·B^T run
 * without materialising a transpose. C is written with unit column stride.
 *
 * <p>Tiny products take a plain loop, products with at most four rows or columns stream
 * through {@link GemmThin}, A·Bᵀ with both operands contiguous along k and one side short
 * takes the dot-product blocks of {@link GemmDot}; everything else is packed into panels and run through
 * the register-blocked microkernel of {@link GemmBlocked} (or {@link GemmScalar} when the
 * vector width is 0), split over the cores by {@link Parallel} when it is big enough to pay
 * for a second thread.
 */
public final class Gemm {
  private Gemm() {}

  /** Below this many multiply-adds the packing costs more than it saves. */
  private static final long TINY = 4 * 1024;
  /** Below this many multiply-adds a second thread costs more than it saves. */
  private static final long PARALLEL_MIN = 64L * 64 * 64;

  public static void gemm(int m, int n, int k,
                          float[] a, int aOff, int aRowStride, int aColStride,
                          float[] b, int bOff, int bRowStride, int bColStride,
                          float[] c, int cOff, int cRowStride, boolean accumulate) {
    if (m <= 0 || n <= 0) return;
    if (k <= 0) {
      if (!accumulate) for (int i = 0; i < m; i++) fillZero(c, cOff + i * cRowStride, n);
      return;
    }
    long work = (long) m * n * k;
    if (work <= TINY || VectorWidth.BITS == 0) {
      GemmScalar.gemm(m, n, k, a, aOff, aRowStride, aColStride, b, bOff, bRowStride, bColStride,
          c, cOff, cRowStride, accumulate);
      return;
    }
    if (GemmThin.applies(m, n, k, aColStride, bRowStride, bColStride)) {
      // rows of C are independent: split them when there is enough work (in fours, which
      // keeps the short-k kernel's four-row passes whole)
      int parts = work < PARALLEL_MIN || m < 8 ? 1 : Math.min(Parallel.threads(), m / 4);
      Parallel.forEach(parts, part -> {
        int from = Parallel.bound(m / 4, part, parts) * 4;
        int to = part == parts - 1 ? m : Parallel.bound(m / 4, part + 1, parts) * 4;
        GemmThin.gemm(to - from, n, k, a, aOff + from * aRowStride, aRowStride, aColStride,
            b, bOff, bRowStride, bColStride, c, cOff + from * cRowStride, cRowStride, accumulate);
      });
      return;
    }
    boolean dot = GemmDot.applies(m, n, k, aColStride, bRowStride, bColStride);
    int parts = work < PARALLEL_MIN ? 1 : Parallel.threads();
    if (parts == 1) {
      run(dot, m, n, k, a, aOff, aRowStride, aColStride, b, bOff, bRowStride, bColStride,
          c, cOff, cRowStride, accumulate);
      return;
    }
    // Split C into parts: by rows when there are enough of them, else by columns. The
    // boundaries fall on whole register blocks so no part pads a block another part fills.
    // When the packed kernel reads a row-major B in place (few rows of A), split by columns
    // even with rows to spare: split by rows, each thread would read all of B and copy each
    // strip of it for half as many row tiles (fc1's g·W on two threads: 610 → 510 µs).
    int rowUnit = dot ? GemmDot.R : GemmBlocked.MR, colUnit = dot ? GemmDot.R : GemmBlocked.NR;
    boolean bInPlace = !dot && bColStride == 1 && m < GemmBlocked.IN_PLACE_MAX_ROWS && n > m;
    boolean byRows = m >= n || m >= 2 * rowUnit * parts && !bInPlace;
    int unit = byRows ? rowUnit : colUnit;
    int extent = byRows ? m : n;
    int units = (extent + unit - 1) / unit;
    int used = Math.min(parts, units);
    Parallel.forEach(used, part -> {
      int from = Math.min(extent, (int) ((long) units * part / used) * unit);
      int to = Math.min(extent, (int) ((long) units * (part + 1) / used) * unit);
      if (from >= to) return;
      if (byRows) {
        run(dot, to - from, n, k, a, aOff + from * aRowStride, aRowStride, aColStride,
            b, bOff, bRowStride, bColStride, c, cOff + from * cRowStride, cRowStride, accumulate);
      } else {
        run(dot, m, to - from, k, a, aOff, aRowStride, aColStride,
            b, bOff + from * bColStride, bRowStride, bColStride, c, cOff + from, cRowStride,
            accumulate);
      }
    });
  }

  private static void run(boolean dot, int m, int n, int k,
                          float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs, int bCs,
                          float[] c, int cOff, int ldc, boolean accumulate) {
    if (dot) {
      GemmDot.gemm(m, n, k, a, aOff, aRs, b, bOff, bCs, c, cOff, ldc, accumulate);
    } else {
      GemmBlocked.gemm(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, accumulate);
    }
  }

  static void fillZero(float[] c, int from, int count) {
    Arrays.fill(c, from, from + count, 0f);
  }
}
