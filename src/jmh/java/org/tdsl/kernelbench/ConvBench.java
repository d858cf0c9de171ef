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
import org.tdsl.tensor.kernels.Conv2d;

/**
 * The kernels of conv2d at the MNIST network's shapes, batch 64: conv1 is 1→32 channels 3×3
 * on 28×28, conv2 32→64 channels 3×3 on 26×26. gradWeight includes the bias gradient, as
 * PyTorch computes both in one call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ConvBench {
  @Param({"conv.conv1", "conv.conv2"})
  public String layer;

  private Conv2d.Params p;
  private float[] x, w, b, out, g, gx, gw, gb;

  @Setup
  public void setup() {
    p = layer.equals("conv.conv1")
        ? Conv2d.Params.square(64, 1, 28, 28, 32, 3, 1, 0, 1, 1)
        : Conv2d.Params.square(64, 32, 26, 26, 64, 3, 1, 0, 1, 1);
    x = GemmBench.random(p.inputSize());
    w = GemmBench.random(p.weightSize());
    b = GemmBench.random(p.outChannels());
    out = new float[p.outputSize()];
    g = GemmBench.random(p.outputSize());
    gx = new float[p.inputSize()];
    gw = new float[p.weightSize()];
    gb = new float[p.outChannels()];
  }

  @Benchmark
  public float[] forward() {
    Conv2d.forward(p, x, w, b, out);
    return out;
  }

  @Benchmark
  public float[] gradInput() {
    Conv2d.backwardInput(p, g, w, gx);
    return gx;
  }

  @Benchmark
  public float[] gradWeight() {
    Conv2d.backwardWeight(p, x, g, gw);
    Conv2d.backwardBias(p, g, gb);
    return gw;
  }
}
