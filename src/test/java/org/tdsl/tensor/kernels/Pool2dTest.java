package org.tdsl.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pooling against plain loops over each window, and against PyTorch's numbers. */
class Pool2dTest {
  /** For each output: the window's max, its flat index (first max wins), and the padded-window mean. */
  static void reference(Pool2d.Params p, float[] x, float[] max, long[] idx, float[] avg, boolean includePad) {
    int ho = p.outHeight(), wo = p.outWidth(), h = p.height(), w = p.width();
    for (int pl = 0; pl < p.planes(); pl++)
      for (int oh = 0; oh < ho; oh++)
        for (int ow = 0; ow < wo; ow++) {
          float best = Float.NEGATIVE_INFINITY;
          long at = -1;
          double sum = 0;
          int count = 0;
          for (int kh = 0; kh < p.kernelH(); kh++)
            for (int kw = 0; kw < p.kernelW(); kw++) {
              int y = oh * p.strideH() - p.padH() + kh, z = ow * p.strideW() - p.padW() + kw;
              if (y < 0 || y >= h || z < 0 || z >= w) continue;
              float v = x[(pl * h + y) * w + z];
              if (at < 0 || v > best || Float.isNaN(v)) { best = v; at = (long) y * w + z; }  // PyTorch: the last NaN wins
              sum += v;
              count++;
            }
          int o = (pl * ho + oh) * wo + ow;
          max[o] = best;
          idx[o] = at;
          avg[o] = (float) (sum / (includePad ? p.kernelH() * p.kernelW() : count));
        }
  }

  static void check(Pool2d.Params p, long seed) {
    check(p, seed, false);
  }

  static void check(Pool2d.Params p, long seed, boolean withNaNs) {
    Random rnd = new Random(seed);
    float[] x = Conv2dTest.random(p.inputSize(), rnd);
    if (withNaNs) for (int i = 0; i < x.length; i++) if (rnd.nextInt(5) == 0) x[i] = Float.NaN;
    // a few ties, so "the first maximum wins" is exercised
    for (int i = 0; i + 1 < x.length; i += 7) x[i + 1] = x[i];
    int n = p.outputSize();
    float[] refMax = new float[n], refAvg = new float[n], refAvgNoPad = new float[n];
    long[] refIdx = new long[n];
    reference(p, x, refMax, refIdx, refAvg, true);
    reference(p, x, new float[n], new long[n], refAvgNoPad, false);

    float[] max = new float[n], avg = new float[n], avgNoPad = new float[n];
    long[] idx = new long[n];
    Pool2d.maxForward(p, x, max, idx);
    Pool2d.avgForward(p, x, avg, true);
    Pool2d.avgForward(p, x, avgNoPad, false);
    assertArrayEquals(refMax, max, "max " + p);
    assertArrayEquals(refIdx, idx, "indices " + p);
    if (withNaNs) return;  // the averages and gradients are NaN soup
    Conv2dTest.assertClose(refAvg, avg, 1e-5, "avg " + p);
    Conv2dTest.assertClose(refAvgNoPad, avgNoPad, 1e-5, "avg without pad " + p);

    float[] g = Conv2dTest.random(n, rnd);
    int planeIn = p.height() * p.width(), planeOut = p.outHeight() * p.outWidth();
    double[] refGMax = new double[p.inputSize()], refGAvg = new double[p.inputSize()];
    for (int o = 0; o < n; o++) refGMax[(o / planeOut) * planeIn + (int) refIdx[o]] += g[o];
    // avg backward: adjoint of the forward, computed by pushing each unit vector through it
    for (int o = 0; o < n; o++) {
      int pl = o / planeOut, oh = (o % planeOut) / p.outWidth(), ow = o % p.outWidth();
      for (int kh = 0; kh < p.kernelH(); kh++)
        for (int kw = 0; kw < p.kernelW(); kw++) {
          int y = oh * p.strideH() - p.padH() + kh, z = ow * p.strideW() - p.padW() + kw;
          if (y < 0 || y >= p.height() || z < 0 || z >= p.width()) continue;
          refGAvg[pl * planeIn + y * p.width() + z] += g[o] / (double) (p.kernelH() * p.kernelW());
        }
    }
    float[] gMax = new float[p.inputSize()], gAvg = new float[p.inputSize()];
    java.util.Arrays.fill(gMax, Float.NaN);
    java.util.Arrays.fill(gAvg, Float.NaN);
    Pool2d.maxBackward(p, g, idx, gMax);
    Pool2d.avgBackward(p, g, gAvg, true);
    Conv2dTest.assertClose(toFloat(refGMax), gMax, 1e-5, "max backward " + p);
    Conv2dTest.assertClose(toFloat(refGAvg), gAvg, 1e-5, "avg backward " + p);
  }

  private static float[] toFloat(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
    return f;
  }

  @Test
  void overlappingPaddedAndStridedWindowsAgreeWithLoops() {
    long seed = 1;
    check(Pool2d.Params.square(6, 24, 24, 2, 2, 0), seed++);           // MNIST's pool
    check(Pool2d.Params.square(5, 9, 11, 3, 1, 1), seed++);            // overlapping, padded
    check(Pool2d.Params.square(4, 10, 7, 3, 2, 1), seed++);
    check(new Pool2d.Params(3, 7, 8, 3, 2, 2, 1, 1, 1), seed++);       // asymmetric
    check(Pool2d.Params.square(2, 5, 5, 5, 1, 2), seed++);             // window = input
    check(Pool2d.Params.square(64 * 4, 26, 26, 4, 3, 2), seed++);      // large: both threads
    check(Pool2d.Params.square(3, 1, 1, 1, 1, 0), seed++);
  }

  @Test
  void randomShapesAgreeWithLoops() {
    Random rnd = new Random(5);
    for (int t = 0; t < 40; t++) {
      int kh = 1 + rnd.nextInt(4), kw = 1 + rnd.nextInt(4);
      int h = kh + rnd.nextInt(10), w = kw + rnd.nextInt(10);
      check(new Pool2d.Params(1 + rnd.nextInt(5), h, w, kh, kw, 1 + rnd.nextInt(3),
          1 + rnd.nextInt(3), rnd.nextInt(kh / 2 + 1), rnd.nextInt(kw / 2 + 1)), t);
    }
  }

  @Test
  void nanIsTheMaximum() {
    var p = Pool2d.Params.square(1, 2, 2, 2, 2, 0);
    float[] out = new float[1];
    long[] idx = new long[1];
    Pool2d.maxForward(p, new float[] {1f, Float.NaN, 5f, 2f}, out, idx);
    assertEquals(Float.NaN, out[0]);
    assertEquals(1L, idx[0]);
  }

  @Test
  void theLastNaNInAWindowWinsAsInPyTorch() {
    float nan = Float.NaN;
    var p = Pool2d.Params.square(1, 2, 2, 2, 2, 0);
    float[] out = new float[1];
    long[] idx = new long[1];
    Pool2d.maxForward(p, new float[] {3f, nan, nan, 2f}, out, idx);
    assertEquals(2L, idx[0]);  // torch: max_pool2d([[3, nan], [nan, 2]], 2) -> index 2
    var q = Pool2d.Params.square(1, 3, 3, 3, 3, 0);
    Pool2d.maxForward(q, new float[] {3f, nan, 1f, nan, 2f, 0f, 0f, 0f, nan}, out, idx);
    assertEquals(8L, idx[0]);
    long seed = 100;
    for (int i = 0; i < 20; i++) check(Pool2d.Params.square(6, 24, 24, 2, 2, 0), seed++, true);
    check(Pool2d.Params.square(5, 9, 11, 3, 1, 1), seed++, true);
    check(new Pool2d.Params(3, 7, 8, 3, 2, 2, 1, 1, 1), seed++, true);
    check(new Pool2d.Params(3, 9, 9, 2, 2, 2, 2, 1, 1), seed++, true);
  }

  @Test
  void tiesGoToTheFirstInRowMajorOrderAndKeepTheSignOfZero() {
    var p = Pool2d.Params.square(1, 2, 2, 2, 2, 0);
    float[] out = new float[1];
    long[] idx = new long[1];
    Pool2d.maxForward(p, new float[] {-0f, 0f, -1f, 0f}, out, idx);  // torch: -0., index 0
    assertEquals(0L, idx[0]);
    assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(out[0]));
    Pool2d.maxForward(p, new float[] {-1f, 0f, 0f, -1f}, out, idx);  // torch: index 1
    assertEquals(1L, idx[0]);
    // after a ReLU, ties everywhere: every window of zeros picks its first element
    var q = Pool2d.Params.square(2, 6, 6, 2, 2, 0);
    float[] zeros = new float[q.inputSize()], o = new float[q.outputSize()];
    long[] at = new long[q.outputSize()];
    Pool2d.maxForward(q, zeros, o, at);
    assertArrayEquals(new long[] {0, 2, 4, 12, 14, 16, 24, 26, 28}, java.util.Arrays.copyOf(at, 9));
  }

  private static float[] pattern(int n, int a, int b, int d, float s) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) f[i] = ((i * a) % b - d) / s;
    return f;
  }

  /**
   * Numbers from PyTorch 1.13, pat as in Conv2dTest:
   * x = pat(336,7,11,5,4).reshape(2,3,7,8); g = pat(216,3,13,6,5).reshape(2,3,4,9)
   * o, idx = F.max_pool2d(x, (3,2), (2,1), (1,1), return_indices=True); o.backward(g)
   * a = F.avg_pool2d(x, (3,2), (2,1), (1,1)); a.backward(g)
   */
  @Test
  void matchesPyTorch() {
    var p = new Pool2d.Params(6, 7, 8, 3, 2, 2, 1, 1, 1);
    assertEquals(4, p.outHeight());
    assertEquals(9, p.outWidth());
    float[] x = pattern(336, 7, 11, 5, 4), g = pattern(216, 3, 13, 6, 5);
    float[] out = new float[216], grad = new float[336];
    long[] idx = new long[216];
    Pool2d.maxForward(p, x, out, idx);
    assertEquals(171.75, Conv2dTest.sum(out), 1e-4);
    long idxSum = 0;
    for (long i : idx) idxSum += i;
    assertEquals(6622, idxSum);
    assertArrayEquals(new long[] {8, 12, 11, 55}, new long[] {idx[0], idx[5], idx[40], idx[215]});
    Pool2d.maxBackward(p, g, idx, grad);
    assertEquals(-0.6, Conv2dTest.sum(grad), 1e-4);
    assertArrayEquals(new float[] {0f, 0f, 0f, 0.4f}, new float[] {grad[0], grad[10], grad[77], grad[335]}, 1e-6f);

    Pool2d.avgForward(p, x, out, true);
    assertEquals(0.4166666, Conv2dTest.sum(out), 1e-4);
    assertArrayEquals(new float[] {-0.375f, -0.08333334f, -0.08333334f, -0.29166666f},
        new float[] {out[0], out[5], out[40], out[215]}, 1e-6f);
    Pool2d.avgBackward(p, g, grad, true);
    assertEquals(0.5666672, Conv2dTest.sum(grad), 1e-4);
    assertArrayEquals(new float[] {-0.3f, 0.26666668f, 0.16666667f, 0.033333335f},
        new float[] {grad[0], grad[10], grad[77], grad[335]}, 1e-6f);
  }

  @Test
  void rejectsBadSizesWithPyTorchsMessages() {
    var pad = assertThrows(IllegalArgumentException.class, () -> Pool2d.Params.square(1, 4, 4, 2, 2, 2));
    assertEquals("pad should be at most half of kernel size, but got pad=2 and kernel_size=2", pad.getMessage());
    var small = assertThrows(IllegalArgumentException.class, () -> Pool2d.Params.square(1, 2, 2, 3, 1, 0));
    assertEquals("Given input size: (1x2x2). Calculated output size: (1x0x0). Output size is too small",
        small.getMessage());
  }
}
