package org.tdsl.tensor.kernels;

import java.util.Random;

/**
 * Times Conv2d at the MNIST network's shapes (batch 64: 1→32 channels 3×3 on 28×28, then
 * 32→64 3×3 on 26×26) and max pooling on its 64×64×24×24 activations. A plain main until
 * JMH arrives; prints the best of repeated runs in milliseconds.
 */
public final class ConvBench {
  public static void main(String[] args) {
    System.out.printf("vector bits %d, threads %d%n", VectorWidth.BITS, Parallel.threads());
    bench("conv1", Conv2d.Params.square(64, 1, 28, 28, 32, 3, 1, 0, 1, 1));
    bench("conv2", Conv2d.Params.square(64, 32, 26, 26, 64, 3, 1, 0, 1, 1));
    var pool = Pool2d.Params.square(64 * 64, 24, 24, 2, 2, 0);
    float[] x = random(pool.inputSize()), out = new float[pool.outputSize()], gx = new float[pool.inputSize()];
    long[] idx = new long[pool.outputSize()];
    System.out.printf("maxpool  forward %.3f ms  backward %.3f ms%n",
        best(() -> Pool2d.maxForward(pool, x, out, idx)), best(() -> Pool2d.maxBackward(pool, out, idx, gx)));
  }

  static void bench(String name, Conv2d.Params p) {
    float[] x = random(p.inputSize()), w = random(p.weightSize()), b = random(p.outChannels());
    float[] out = new float[p.outputSize()], g = random(p.outputSize());
    float[] gx = new float[p.inputSize()], gw = new float[p.weightSize()], gb = new float[p.outChannels()];
    double fwd = best(() -> Conv2d.forward(p, x, w, b, out));
    double bin = best(() -> Conv2d.backwardInput(p, g, w, gx));
    double bw = best(() -> Conv2d.backwardWeight(p, x, g, gw));
    double bb = best(() -> Conv2d.backwardBias(p, g, gb));
    System.out.printf("%s  forward %.3f ms  backward input %.3f ms  weight %.3f ms  bias %.3f ms%n",
        name, fwd, bin, bw, bb);
  }

  static float[] random(int n) {
    Random rnd = new Random(n);
    float[] a = new float[n];
    for (int i = 0; i < n; i++) a[i] = rnd.nextFloat() - 0.5f;
    return a;
  }

  /** Best time in ms over 2 s of runs, after 1 s of warm-up. */
  static double best(Runnable r) {
    long end = System.nanoTime() + 1_000_000_000L;
    while (System.nanoTime() < end) r.run();
    double best = Double.MAX_VALUE;
    end = System.nanoTime() + 2_000_000_000L;
    do {
      long t0 = System.nanoTime();
      r.run();
      best = Math.min(best, (System.nanoTime() - t0) / 1e6);
    } while (System.nanoTime() < end);
    return best;
  }
}
