package org.tdsl.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Gemm against a triple loop, for every layout of the operands, at the JVM's vector width. */
class GemmTest {
  /** How an operand of r×c logical elements is laid out in its array. */
  enum Layout { ROW_MAJOR, TRANSPOSED, STRIDED_VIEW, EXPANDED }

  /** An r×c operand stored in some layout: element (i, j) is data[off + i*rs + j*cs]. */
  record Operand(float[] data, int off, int rs, int cs, int rows, int cols) {
    float get(int i, int j) { return data[off + i * rs + j * cs]; }

    static Operand random(int rows, int cols, Layout layout, Random rnd) {
      int off = layout == Layout.STRIDED_VIEW ? 3 : 0;
      int rs, cs, size;
      switch (layout) {
        case ROW_MAJOR -> { rs = cols; cs = 1; size = rows * cols; }
        case TRANSPOSED -> { rs = 1; cs = rows; size = rows * cols; }
        case EXPANDED -> { rs = 0; cs = 1; size = cols; }  // one row broadcast: stride 0
        default -> { cs = 2; rs = 2 * cols + 5; size = off + rows * rs + 1; }  // a slice with steps
      }
      float[] data = new float[Math.max(size, 1) + off];
      for (int i = 0; i < data.length; i++) data[i] = rnd.nextFloat() * 2 - 1;
      return new Operand(data, off, rs, cs, rows, cols);
    }
  }

  static void check(int m, int n, int k, Layout la, Layout lb, boolean accumulate, long seed) {
    Random rnd = new Random(seed);
    Operand a = Operand.random(m, k, la, rnd), b = Operand.random(k, n, lb, rnd);
    int ldc = n + (int) (seed % 3);  // C rows may be padded
    int cOff = 1;
    float[] c = new float[cOff + m * ldc + 2];
    for (int i = 0; i < c.length; i++) c[i] = rnd.nextFloat();
    float[] before = c.clone();
    Gemm.gemm(m, n, k, a.data(), a.off(), a.rs(), a.cs(), b.data(), b.off(), b.rs(), b.cs(),
        c, cOff, ldc, accumulate);
    for (int idx = 0; idx < c.length; idx++) {
      int rel = idx - cOff;
      boolean inside = rel >= 0 && rel / ldc < m && rel % ldc < n;
      if (!inside) {
        if (c[idx] != before[idx]) fail("wrote outside C at " + idx + where(m, n, k, la, lb, accumulate));
        continue;
      }
      int i = rel / ldc, j = rel % ldc;
      double sum = accumulate ? before[idx] : 0, mag = Math.abs(sum);
      for (int p = 0; p < k; p++) {
        sum += (double) a.get(i, p) * b.get(p, j);
        mag += Math.abs((double) a.get(i, p) * b.get(p, j));
      }
      if (Math.abs(c[idx] - sum) > 1e-5 * mag + 1e-6) {
        fail("C[" + i + "][" + j + "] = " + c[idx] + ", expected " + sum
            + where(m, n, k, la, lb, accumulate));
      }
    }
  }

  private static String where(int m, int n, int k, Layout la, Layout lb, boolean acc) {
    return " (m=" + m + " n=" + n + " k=" + k + " A " + la + " B " + lb + " accumulate " + acc
        + ", vector bits " + VectorWidth.BITS + ")";
  }

  @Test
  void everyLayoutAndTailAgreesWithTripleLoop() {
    int[][] shapes = {
        {1, 1, 1}, {2, 2, 2}, {1, 37, 5}, {37, 1, 5}, {5, 7, 1}, {3, 3, 300},
        {13, 17, 19}, {31, 67, 29}, {6, 32, 2}, {7, 33, 3}, {97, 101, 103},
        {64, 128, 259}, {193, 71, 257}, {12, 1031, 11}, {130, 40, 520},
        {1, 200, 300}, {4, 150, 77}, {200, 3, 90}, {1, 1, 5000}, {5, 4, 1000}, {2, 33, 71}};  // thin
    long seed = 1;
    for (int[] s : shapes) {
      for (Layout la : Layout.values()) {
        for (Layout lb : Layout.values()) {
          check(s[0], s[1], s[2], la, lb, false, seed++);
          check(s[0], s[1], s[2], la, lb, true, seed++);
        }
      }
    }
  }

  @Test
  void randomSizesAgreeWithTripleLoop() {
    Random rnd = new Random(42);
    Layout[] layouts = Layout.values();
    for (int t = 0; t < 60; t++) {
      int m = 1 + rnd.nextInt(rnd.nextBoolean() ? 20 : 150);
      int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 20 : 150);
      int k = 1 + rnd.nextInt(rnd.nextBoolean() ? 20 : 300);
      check(m, n, k, layouts[rnd.nextInt(layouts.length)], layouts[rnd.nextInt(layouts.length)],
          rnd.nextBoolean(), t);
    }
  }

  @Test
  void largeEnoughToUseBothThreadsAndSeveralBlocks() {
    check(300, 1100, 270, Layout.ROW_MAJOR, Layout.ROW_MAJOR, false, 7);
    check(20, 1500, 100, Layout.TRANSPOSED, Layout.ROW_MAJOR, true, 8);   // split by columns
    check(260, 90, 600, Layout.ROW_MAJOR, Layout.TRANSPOSED, false, 9);
  }

  /**
   * Few rows of A against a row-major B read in place (the first row tile copies each strip of
   * B for the others): fc1's backward shapes, scaled down, with ragged row tiles and column
   * strips, several k blocks, and both layouts of A.
   */
  @Test
  void shortSideAgainstRowMajorBAgreesWithTripleLoop() {
    int[][] shapes = {{64, 1000, 128}, {128, 530, 64}, {70, 333, 300}, {7, 96, 40}, {191, 65, 18}};
    long seed = 600;
    for (int[] s : shapes) {
      for (Layout la : new Layout[] {Layout.ROW_MAJOR, Layout.TRANSPOSED, Layout.STRIDED_VIEW}) {
        check(s[0], s[1], s[2], la, Layout.ROW_MAJOR, false, seed++);
        check(s[0], s[1], s[2], la, Layout.ROW_MAJOR, true, seed++);
      }
    }
  }

  /** A·Bᵀ with both along k (GemmDot): k blocks, column bands, ragged 4×4 blocks, masked k tails. */
  @Test
  void dotProductLayoutAgreesWithTripleLoop() {
    int[][] shapes = {{64, 130, 2100}, {9, 300, 1500}, {66, 70, 1025}, {5, 9, 64}, {33, 18, 622},
        {64, 32, 676}, {250, 7, 333}, {7, 260, 97}};
    long seed = 500;
    for (int[] s : shapes) {
      check(s[0], s[1], s[2], Layout.ROW_MAJOR, Layout.TRANSPOSED, false, seed++);
      check(s[0], s[1], s[2], Layout.ROW_MAJOR, Layout.TRANSPOSED, true, seed++);
    }
  }

  /** A short inner dimension (GemmThin's four-row passes): row and column tails, every layout of A. */
  @Test
  void shortInnerDimensionAgreesWithTripleLoop() {
    int[][] shapes = {{32, 676, 9}, {33, 45, 16}, {7, 17, 3}, {130, 300, 12}, {5, 1000, 1}, {600, 80, 5}};
    long seed = 700;
    for (int[] s : shapes) {
      for (Layout la : Layout.values()) {
        check(s[0], s[1], s[2], la, Layout.ROW_MAJOR, false, seed++);
        check(s[0], s[1], s[2], la, Layout.ROW_MAJOR, true, seed++);
      }
    }
  }

  @Test
  void emptyInnerDimensionZeroesOrKeepsC() {
    float[] c = {5, 6, 7, 8};
    Gemm.gemm(2, 2, 0, new float[0], 0, 0, 1, new float[0], 0, 2, 1, c, 0, 2, true);
    assertEquals(java.util.List.of(5f, 6f, 7f, 8f), java.util.List.of(c[0], c[1], c[2], c[3]));
    Gemm.gemm(2, 2, 0, new float[0], 0, 0, 1, new float[0], 0, 2, 1, c, 0, 2, false);
    assertEquals(java.util.List.of(0f, 0f, 0f, 0f), java.util.List.of(c[0], c[1], c[2], c[3]));
    Gemm.gemm(0, 3, 4, new float[0], 0, 4, 1, new float[12], 0, 3, 1, new float[0], 0, 3, false);
  }

  @Test
  void twoByTwoIsExact() {
    float[] a = {1, 2, 3, 4}, b = {5, 6, 7, 8}, c = new float[4];
    Gemm.gemm(2, 2, 2, a, 0, 2, 1, b, 0, 2, 1, c, 0, 2, false);
    assertEquals(19f, c[0]);
    assertEquals(22f, c[1]);
    assertEquals(43f, c[2]);
    assertEquals(50f, c[3]);
  }
}
