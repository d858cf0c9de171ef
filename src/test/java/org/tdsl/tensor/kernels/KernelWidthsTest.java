package org.tdsl.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The elementwise, reduction and softmax kernels against plain reference loops, over lengths
 * that hit the tails, at this JVM's vector width; {@link GemmWidthsTest} re-runs them at every
 * width (0 = scalar, 128, 256, 512), each in a fresh JVM, as the width is fixed per JVM.
 */
class KernelWidthsTest {
  private static final int[] LENGTHS = {0, 1, 3, 7, 8, 15, 16, 17, 31, 33, 64, 100};

  private static float[] data(int n, long seed, float lo, float hi) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) v[i] = (float) (lo + (hi - lo) * r.nextDouble());
    return v;
  }

  private static void close(double expected, double actual, String what) {
    if (Double.isNaN(expected)) { assertTrue(Double.isNaN(actual), what); return; }
    assertEquals(expected, actual, 1e-5 * Math.max(1, Math.abs(expected)), what);
  }

  @Test
  void unaryOps() {
    int bits = VectorWidth.BITS;
    for (UnaryOp op : UnaryOp.values()) {
      for (int n : LENGTHS) {
        float[] x = data(n + 3, n, op == UnaryOp.LOG || op == UnaryOp.SQRT || op == UnaryOp.RSQRT || op == UnaryOp.LOG2
            ? 0.1f : -3f, 3f);
        float[] out = new float[n + 2];
        Elementwise.unary(op, x, 3, 1, out, 2, n);
        for (int i = 0; i < n; i++) close(op.apply(x[3 + i]), out[2 + i], op + " n=" + n + " i=" + i + " bits=" + bits);
        float[] strided = new float[n];
        Elementwise.unary(op, x, 0, n > 0 ? 1 : 0, strided, 0, n);
        for (int i = 0; i < n; i++) close(op.apply(x[i]), strided[i], op + " row");
      }
    }
  }

  @Test
  void binaryOpsWithEveryStridePattern() {
    int bits = VectorWidth.BITS;
    int[][] strides = {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 3}};
    for (BinaryOp op : BinaryOp.values()) {
      for (int n : LENGTHS) {
        float[] a = data(3 * n + 1, 1 + n, 0.5f, 2f), b = data(3 * n + 1, 2 + n, -2f, 2f);
        for (int[] st : strides) {
          float[] out = new float[n + 1];
          Elementwise.binary(op, a, 1, st[0], b, 0, st[1], out, 1, n);
          for (int i = 0; i < n; i++) {
            close(op.apply(a[1 + i * st[0]], b[i * st[1]]), out[1 + i], op + " strides " + st[0] + "," + st[1] + " n=" + n);
          }
        }
      }
    }
  }

  @Test
  void reductionsAndAxpy() {
    int bits = VectorWidth.BITS;
    for (int n : LENGTHS) {
      float[] x = data(n + 5, 10 + n, -4f, 4f);
      double sum = 0;
      float max = Float.NEGATIVE_INFINITY, min = Float.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) { sum += x[5 + i]; max = Math.max(max, x[5 + i]); min = Math.min(min, x[5 + i]); }
      close(sum, Reduce.sum(x, 5, n), "sum n=" + n);
      assertEquals(max, Reduce.max(x, 5, n), "max n=" + n);
      assertEquals(min, Reduce.min(x, 5, n), "min n=" + n);
      float[] acc = data(n, 20 + n, -1f, 1f), ref = acc.clone();
      Elementwise.axpy(-0.5f, x, 5, 1, acc, 0, n);
      for (int i = 0; i < n; i++) close(ref[i] - 0.5f * x[5 + i], acc[i], "axpy");
    }
    float[] withNaN = {1, Float.NaN, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
    assertTrue(Float.isNaN(Reduce.max(withNaN, 0, withNaN.length)), "NaN propagates through max");
  }

  @Test
  void softmaxRows() {
    int bits = VectorWidth.BITS;
    for (int n : new int[] {1, 5, 16, 37}) {
      int rows = 3;
      float[] x = data(rows * n, 30 + n, -10f, 10f);
      float[] p = new float[rows * n], lp = new float[rows * n];
      Softmax.rows(x, 0, p, 0, rows, n, false);
      Softmax.rows(x, 0, lp, 0, rows, n, true);
      for (int r = 0; r < rows; r++) {
        double m = Double.NEGATIVE_INFINITY, z = 0;
        for (int i = 0; i < n; i++) m = Math.max(m, x[r * n + i]);
        for (int i = 0; i < n; i++) z += Math.exp(x[r * n + i] - m);
        for (int i = 0; i < n; i++) {
          double ref = Math.exp(x[r * n + i] - m) / z;
          assertEquals(ref, p[r * n + i], 1e-6, "softmax");
          close(Math.log(ref), lp[r * n + i], "log_softmax");
        }
      }
    }
  }

  /** The fused backward against the composite formulas, in double precision. */
  @Test
  void softmaxBackwardRows() {
    int bits = VectorWidth.BITS;
    for (int n : LENGTHS) {
      if (n == 0) continue;
      int rows = 3;
      float[] x = data(rows * n, 7 + n, -4f, 4f), g = data(rows * n + 1, 9 + n, -1f, 1f);
      float[] y = new float[rows * n], ly = new float[rows * n];
      Softmax.rows(x, 0, y, 0, rows, n, false);
      Softmax.rows(x, 0, ly, 0, rows, n, true);
      float[] gx = new float[rows * n + 2], lgx = new float[rows * n + 2];
      Softmax.backwardRows(y, 0, g, 1, gx, 2, rows, n, false);
      Softmax.backwardRows(ly, 0, g, 1, lgx, 2, rows, n, true);
      for (int r = 0; r < rows; r++) {
        double dot = 0, sum = 0;
        for (int i = 0; i < n; i++) {
          dot += (double) g[1 + r * n + i] * y[r * n + i];
          sum += g[1 + r * n + i];
        }
        for (int i = 0; i < n; i++) {
          int at = r * n + i;
          close(y[at] * (g[1 + at] - dot), gx[2 + at], "softmax backward n=" + n + " bits=" + bits);
          close(g[1 + at] - Math.exp(ly[at]) * sum, lgx[2 + at], "log_softmax backward n=" + n + " bits=" + bits);
        }
      }
    }
  }

  /** Rows long enough for the four-stream sum, with every kind of tail after the quarters. */
  @Test
  void longSumsAgreeWithPlainLoop() {
    for (int n : new int[] {127, 128, 129, 511, 512, 513, 1000, 4099, 65_536, 65_551, 100_003}) {
      float[] x = data(n + 3, 30 + n, -4f, 4f);
      double sum = 0, mag = 0;
      for (int i = 0; i < n; i++) { sum += x[3 + i]; mag += Math.abs(x[3 + i]); }
      // within float rounding of the magnitudes added (a plain float loop, width 0, drifts
      // by more than 1e-5 of the result over 65 K elements), yet far below one element
      assertEquals(sum, Reduce.sum(x, 3, n), 2e-7 * mag + 1e-6, "sum n=" + n);
    }
  }

  /** Enough rows to be spread over the threads: each row as computed on its own. */
  @Test
  void manyRowsSplitOverThreadsAgreeWithOneRowAtATime() {
    int rows = 301, n = 997;
    float[] x = data(rows * n, 3, -5f, 5f), g = data(rows * n, 4, -1f, 1f);
    float[] sums = new float[rows];
    Reduce.sumRows(x, 0, rows, n, sums);
    float[] whole = new float[1];
    Reduce.sumRows(x, 0, 1, rows * n, whole);  // one long row, cut into pieces
    double total = 0;
    for (float v : x) total += v;
    assertEquals(total, whole[0], 1e-3 * Math.max(1, Math.abs(total)), "sum of one long row");
    for (boolean log : new boolean[] {false, true}) {
      float[] y = new float[rows * n], gx = new float[rows * n];
      Softmax.rows(x, 0, y, 0, rows, n, log);
      Softmax.backwardRows(y, 0, g, 0, gx, 0, rows, n, log);
      for (int r = 0; r < rows; r++) {
        float[] y1 = new float[n], gx1 = new float[n];
        Softmax.rows(x, r * n, y1, 0, 1, n, log);
        Softmax.backwardRows(y, r * n, g, r * n, gx1, 0, 1, n, log);
        for (int i = 0; i < n; i++) {
          // close, not equal: the Vector API leaves the order of a float lane sum to the
          // compiler, so two compilations of one loop may round differently
          close(y1[i], y[r * n + i], "softmax row " + r + " log " + log);
          close(gx1[i], gx[r * n + i], "backward row " + r + " log " + log);
        }
        close(Reduce.sum(x, r * n, n), sums[r], "sum of row " + r);
      }
    }
  }

  @Test
  void addRowsAddsEachColumnsRowsInOrder() {
    for (int rows : new int[] {0, 1, 3, 4, 5, 9}) {
      for (int n : LENGTHS) {
        int ld = n + 3;
        float[] x = data(2 + rows * ld, 30 + n + rows, -50f, 50f), out = data(n + 1, 40 + n, -1f, 1f);
        float[] expected = out.clone();
        for (int r = 0; r < rows; r++) for (int i = 0; i < n; i++) expected[1 + i] += x[2 + r * ld + i];
        Reduce.addRows(x, 2, ld, rows, out, 1, n);
        assertArrayEquals(expected, out, "rows=" + rows + " n=" + n);
      }
    }
  }

  @Test
  void adadeltaMatchesTheScalarFormulaExactly() {
    // the lengths cross the vector tails and the two-thread split (65,536 elements)
    for (int n : new int[] {1, 17, 100, 70_001}) {
      for (boolean maximize : new boolean[] {false, true}) {
        for (double wd : new double[] {0, 0.01}) {
          float[] p = data(n + 3, n, -1f, 1f), g = data(n, n + 1, -2f, 2f);
          float[] sq = data(n, n + 2, 0f, 1f), acc = data(n, n + 3, 0f, 1f);
          float[] pRef = p.clone(), sqRef = sq.clone(), accRef = acc.clone();
          OptimizerSteps.adadelta(p, 3, g, sq, acc, n, 0.9, 1e-6, wd, 1.0, maximize);
          float r = 0.9f, keep = (float) (1 - 0.9), e = 1e-6f, step = -1f;
          for (int i = 0; i < n; i++) {  // Adadelta as PyTorch 1.13 writes it, one element at a time
            float grad = maximize ? -g[i] : g[i];
            if (wd != 0) grad = grad + (float) wd * pRef[3 + i];
            sqRef[i] = sqRef[i] * r + keep * grad * grad;
            float delta = (float) Math.sqrt(accRef[i] + e) / (float) Math.sqrt(sqRef[i] + e) * grad;
            accRef[i] = accRef[i] * r + keep * delta * delta;
            pRef[3 + i] = pRef[3 + i] + step * delta;
          }
          String what = "n=" + n + " maximize=" + maximize + " wd=" + wd;
          assertArrayEquals(sqRef, sq, what);
          assertArrayEquals(accRef, acc, what);
          assertArrayEquals(pRef, p, what);
        }
      }
    }
  }

  @Test
  void speciesWidthIsTheRequestedOne() {
    int bits = VectorWidth.BITS;
    if (bits == 0) assertEquals(null, VectorWidth.SPECIES);
    else assertEquals(bits, VectorWidth.SPECIES.vectorBitSize());
  }
}
