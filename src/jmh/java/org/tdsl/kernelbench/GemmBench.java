package org.tdsl.kernelbench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tdsl.tensor.kernels.Gemm;

/**
 * Gemm.gemm in microseconds per product: square row-major products, the MNIST network's fc1
 * (64×9216 · (128×9216)ᵀ) and the two products of its backward, each transpose given as
 * strides, and a 2×2 product (the small-call overhead). The square 512 case doubles as the
 * JIT-cliff guard: a microkernel left interpreted runs it about 100 times slower.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBench {
  @Param({"gemm.square.256", "gemm.square.512", "gemm.square.1024", "gemm.square.2048",
      "gemm.fc1.forward", "gemm.fc1.gradInput", "gemm.fc1.gradWeight", "gemm.tiny.2"})
  public String shape;

  private Runnable product;

  @Setup
  public void setup() {
    product = switch (shape) {
      case "gemm.fc1.forward" -> {   // x (64×9216) · Wᵀ, W (128×9216) read through strides
        float[] x = random(64 * 9216), w = random(128 * 9216), y = new float[64 * 128];
        yield () -> Gemm.gemm(64, 128, 9216, x, 0, 9216, 1, w, 0, 1, 9216, y, 0, 128, false);
      }
      case "gemm.fc1.gradInput" -> {  // g (64×128) · W (128×9216)
        float[] g = random(64 * 128), w = random(128 * 9216), gx = new float[64 * 9216];
        yield () -> Gemm.gemm(64, 9216, 128, g, 0, 128, 1, w, 0, 9216, 1, gx, 0, 9216, false);
      }
      case "gemm.fc1.gradWeight" -> {  // gᵀ (128×64) · x (64×9216)
        float[] g = random(64 * 128), x = random(64 * 9216), gw = new float[128 * 9216];
        yield () -> Gemm.gemm(128, 9216, 64, g, 0, 1, 128, x, 0, 9216, 1, gw, 0, 9216, false);
      }
      default -> {
        int n = Integer.parseInt(shape.substring(shape.lastIndexOf('.') + 1));
        float[] a = random(n * n), b = random(n * n), c = new float[n * n];
        yield () -> Gemm.gemm(n, n, n, a, 0, n, 1, b, 0, n, 1, c, 0, n, false);
      }
    };
  }

  @Benchmark
  public void run() {
    product.run();
  }

  static float[] random(int n) {
    Random rnd = new Random(n);
    float[] a = new float[n];
    for (int i = 0; i < n; i++) a[i] = rnd.nextFloat() - 0.5f;
    return a;
  }
}
