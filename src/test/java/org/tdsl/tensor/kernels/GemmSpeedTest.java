package org.tdsl.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Guards against the JIT cliff: a microkernel that C1 or C2 cannot compile properly runs
 * with every vector boxed, about 100 times slower, while its results stay right. The bounds
 * sit far below the normal figures (~150 GFLOP/s at n=512 here), so load from other jobs
 * on the machine does not make them flake; only a cliff does.
 */
class GemmSpeedTest {
  @Test
  void midSizeProductIsNotCatastrophicallySlow() {
    int n = 512;
    float[] a = new float[n * n], b = new float[n * n], c = new float[n * n];
    for (int i = 0; i < a.length; i++) { a[i] = (i % 17) * 0.1f; b[i] = (i % 13) * 0.1f; }
    double best = 0;
    long deadline = System.nanoTime() + 20_000_000_000L;  // warm-up included: C2 needs a few runs
    while (best < 10 && System.nanoTime() < deadline) {
      long t0 = System.nanoTime();
      Gemm.gemm(n, n, n, a, 0, n, 1, b, 0, n, 1, c, 0, n, false);
      best = Math.max(best, 2.0 * n * n * n / (System.nanoTime() - t0));
    }
    assertTrue(best >= 10, "Gemm at n=512 reached only " + best + " GFLOP/s (vector bits "
        + VectorWidth.BITS + "): is the microkernel compiled?");
  }

  @Test
  void twoByTwoCostsWellUnderAMicrosecond() {
    float[] a = {1, 2, 3, 4}, b = {5, 6, 7, 8}, c = new float[4];
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 30; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 100_000; i++) Gemm.gemm(2, 2, 2, a, 0, 2, 1, b, 0, 2, 1, c, 0, 2, false);
      best = Math.min(best, (System.nanoTime() - t0) / 100_000.0);
    }
    assertTrue(best < 1000, "a 2x2 product took " + best + " ns");
    System.out.printf("2x2 gemm: %.1f ns%n", best);
  }
}
