package org.tdsl.kernelbench;

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
import org.tdsl.tensor.kernels.Pool2d;

/** max_pool2d(2) on the MNIST network's 64×64×24×24 activations, forward and backward. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PoolBench {
  @Param({"pool.max"})
  public String kind;

  private final Pool2d.Params p = Pool2d.Params.square(64 * 64, 24, 24, 2, 2, 0);
  private float[] x, out, g, gx;
  private long[] indices;

  @Setup
  public void setup() {
    x = GemmBench.random(p.inputSize());
    out = new float[p.outputSize()];
    indices = new long[p.outputSize()];
    g = GemmBench.random(p.outputSize());
    gx = new float[p.inputSize()];
    Pool2d.maxForward(p, x, out, indices);
  }

  @Benchmark
  public float[] forward() {
    Pool2d.maxForward(p, x, out, indices);
    return out;
  }

  @Benchmark
  public float[] backward() {
    Pool2d.maxBackward(p, g, indices, gx);
    return gx;
  }
}
