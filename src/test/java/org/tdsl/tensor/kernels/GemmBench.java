package org.tdsl.tensor.kernels;

import java.util.Random;

/**
 * Measures Gemm in GFLOP/s for square row-major products (a plain main until JMH arrives).
 * Run with {@code -Dtdsl.threads=1} or {@code 2}; arguments are the sizes.
 */
public final class GemmBench {
  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {256, 512, 1024, 2048}
        : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.printf("vector bits %d, threads %d%n", VectorWidth.BITS, Parallel.threads());
    gflops(256, 3);  // let C2 compile the microkernel before anything is measured
    for (int n : sizes) System.out.printf("n=%d  %.1f GFLOP/s%n", n, gflops(n, 1.5));
  }

  /** Best rate over repeated runs lasting about {@code seconds}, after a warm-up. */
  static double gflops(int n, double seconds) {
    Random rnd = new Random(1);
    float[] a = new float[n * n], b = new float[n * n], c = new float[n * n];
    for (int i = 0; i < a.length; i++) { a[i] = rnd.nextFloat(); b[i] = rnd.nextFloat(); }
    double flops = 2.0 * n * n * n;
    long end = System.nanoTime() + (long) (seconds * 0.3e9);
    while (System.nanoTime() < end) Gemm.gemm(n, n, n, a, 0, n, 1, b, 0, n, 1, c, 0, n, false);
    double best = 0;
    end = System.nanoTime() + (long) (seconds * 1e9);
    do {
      long t0 = System.nanoTime();
      Gemm.gemm(n, n, n, a, 0, n, 1, b, 0, n, 1, c, 0, n, false);
      best = Math.max(best, flops / (System.nanoTime() - t0));
    } while (System.nanoTime() < end);
    return best;
  }
}
