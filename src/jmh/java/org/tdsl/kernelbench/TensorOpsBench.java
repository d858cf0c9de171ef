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
import org.tdsl.autograd.Torch;
import org.tdsl.tensor.Tensor;

/**
 * Elementwise ops with broadcasting, reductions and softmax through the tensor API (the
 * way a program calls them, views and all) on a 4096×4096 float32 tensor (64 MiB), plus
 * log_softmax on the MNIST network's 64×10 logits. Large tensors are memory-bound: compare
 * with the machine's ~20 GB/s per core, ~40 GB/s on both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TensorOpsBench {
  @Param({"ops"})
  public String group;

  private Tensor big, row, column, logits;

  @Setup
  public void setup() {
    Torch.manual_seed(0);
    big = Torch.rand(4096, 4096);
    row = Torch.rand(4096);
    column = row.unsqueeze(1);
    logits = Torch.rand(64, 10);
  }

  @Benchmark public Tensor add() { return Torch.add(big, big); }
  @Benchmark public Tensor addRow() { return Torch.add(big, row); }
  @Benchmark public Tensor addColumn() { return Torch.add(big, column); }
  @Benchmark public Tensor relu() { return Torch.relu(big); }
  @Benchmark public Tensor mulTransposed() { return Torch.mul(big, big.t()); }
  @Benchmark public Tensor sum() { return Torch.sum(big); }
  @Benchmark public Tensor sumDim0() { return Torch.sum(big, new int[] {0}, false); }
  @Benchmark public Tensor sumDim1() { return Torch.sum(big, new int[] {1}, false); }
  @Benchmark public Tensor mean() { return Torch.mean(big, new int[] {1}, false); }
  @Benchmark public Tensor softmax() { return Torch.softmax(big, 1); }
  @Benchmark public Tensor logSoftmax() { return Torch.log_softmax(big, 1); }
  @Benchmark public Tensor logSoftmaxSmall() { return Torch.log_softmax(logits, 1); }
  // Transcendentals: exp and sigmoid on the vector exp (Exp), tanh and log on Math per element.
  @Benchmark public Tensor exp() { return Torch.exp(big); }
  @Benchmark public Tensor sigmoid() { return Torch.sigmoid(big); }
  @Benchmark public Tensor tanh() { return Torch.tanh(big); }
  @Benchmark public Tensor log() { return Torch.log(big); }
}
