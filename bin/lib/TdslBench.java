import java.util.Arrays;
import org.tdsl.autograd.Autograd;
import org.tdsl.autograd.GradMode;
import org.tdsl.autograd.Torch;
import org.tdsl.nn.Functional;
import org.tdsl.tensor.Tensor;

/**
 * bin/bench's kernel workloads through the Java API, in-process: GEMM, conv2d and max_pool2d
 * at the MNIST network's shapes. Run by the JDK's source launcher
 * ({@code java -cp target/tdsl.jar bin/lib/TdslBench.java gemm|conv [SCALE]}; SCALE
 * multiplies the time budgets, bin/bench's quick mode passes 0.5). Prints one line per
 * workload, {@code name<TAB>value<TAB>unit}; bin/lib/torch_bench.py prints the same names for
 * PyTorch. Each figure is the best of timed repetitions after a warm-up (the JIT compiles the
 * kernels first, as PyTorch's are compiled ahead of time; on a shared machine noise only adds).
 */
public final class TdslBench {
  public static void main(String[] args) {
    String group = args.length > 0 ? args[0] : "gemm";
    if (args.length > 1) scale = Double.parseDouble(args[1]);
    switch (group) {
      case "gemm" -> gemm();
      case "conv" -> conv();
      default -> throw new IllegalArgumentException("unknown group " + group + " (gemm, conv)");
    }
  }

  // ------------------------------------------------------------------ GEMM

  static void gemm() {
    // C2 compiles the Vector API kernels in the background during the first seconds of the
    // process; until it has, the microkernel runs with boxed vectors, several times slower.
    // C2 also recompiles them once after a second or two (a few hundred ms of slow calls).
    // Every shape is run for a while first, whatever the scale, so that the first figure is
    // steady state and not that of the warm-up.
    for (int n : new int[] {256, 512, 1024}) {
      Tensor a = Torch.randn(n, n), b = Torch.randn(n, n);
      long end = System.nanoTime() + 1_200_000_000L;
      while (System.nanoTime() < end) sink = Torch.mm(a, b);
    }
    for (int n : new int[] {256, 512, 1024, 2048}) {
      Tensor a = Torch.randn(n, n), b = Torch.randn(n, n);
      double s = seconds(() -> Torch.mm(a, b), n >= 2048 ? 2 : 1);
      report("gemm n=" + n, 2.0 * n * n * n / s / 1e9, "GFLOP/s");
    }
    // The MNIST network's fc1 (9216 -> 128, batch 64): forward x·Wᵀ, backward g·W and gᵀ·x.
    Tensor x = Torch.randn(64, 9216), w = Torch.randn(128, 9216), g = Torch.randn(64, 128);
    double flops = 2.0 * 64 * 9216 * 128;
    report("gemm fc1 x@W^T 64x9216x128", flops / seconds(() -> Torch.mm(x, Torch.t(w)), 1) / 1e9, "GFLOP/s");
    report("gemm fc1 g@W 64x128x9216", flops / seconds(() -> Torch.mm(g, w), 1) / 1e9, "GFLOP/s");
    report("gemm fc1 g^T@x 128x64x9216", flops / seconds(() -> Torch.mm(Torch.t(g), x), 1) / 1e9, "GFLOP/s");
  }

  // ------------------------------------------------------------------ convolution and pooling

  static void conv() {
    convPair("conv1", Torch.randn(64, 1, 28, 28), Torch.randn(32, 1, 3, 3), Torch.randn(32));
    convPair("conv2", Torch.randn(64, 32, 26, 26), Torch.randn(64, 32, 3, 3), Torch.randn(64));
    Tensor x = Torch.randn(64, 64, 24, 24);
    try (var ng = GradMode.noGrad()) {
      report("max_pool2d fwd 64x64x24x24", seconds(() -> Functional.max_pool2d(x, 2), 1.5) * 1e3, "ms");
    }
    Tensor xg = Torch.requires_grad_(Torch.randn(64, 64, 24, 24), true);
    Tensor gp = Torch.randn(64, 64, 12, 12);
    report("max_pool2d fwd+bwd", seconds(() -> {
      Autograd.backward(Functional.max_pool2d(xg, 2), gp);
      xg.setGrad(null);
    }, 1.5) * 1e3, "ms");
  }

  static void convPair(String name, Tensor x, Tensor w, Tensor b) {
    try (var ng = GradMode.noGrad()) {
      report(name + " fwd " + dims(x) + "->" + w.shape()[0], seconds(() -> Functional.conv2d(x, w, b), 1.5) * 1e3, "ms");
    }
    Tensor xg = Torch.requires_grad_(x.clone(), true), wg = Torch.requires_grad_(w.clone(), true),
        bg = Torch.requires_grad_(b.clone(), true);
    Tensor g;
    try (var ng = GradMode.noGrad()) { g = Torch.randn(Functional.conv2d(x, w, b).shape()); }
    report(name + " fwd+bwd", seconds(() -> {
      Autograd.backward(Functional.conv2d(xg, wg, bg), g);
      xg.setGrad(null); wg.setGrad(null); bg.setGrad(null);
    }, 1.5) * 1e3, "ms");
  }

  static String dims(Tensor t) {
    return String.join("x", Arrays.stream(t.shape()).mapToObj(Integer::toString).toList());
  }

  // ------------------------------------------------------------------ timing

  static Object sink;
  static double scale = 1;

  /** The best seconds per call of {@code body}, after a warm-up of about a second. */
  static double seconds(Runnable body, double budgetSeconds) {
    budgetSeconds *= scale;
    long end = System.nanoTime() + (long) (scale * 700_000_000L);
    int calls = 0;
    while (System.nanoTime() < end || calls < 3) { body.run(); calls++; }
    double[] times = new double[100_000];  // tiny products get the whole budget too, not 64 calls
    int n = 0;
    end = System.nanoTime() + (long) (budgetSeconds * 1e9);
    while (n < times.length && (System.nanoTime() < end || n < 5)) {
      long t0 = System.nanoTime();
      body.run();
      times[n++] = (System.nanoTime() - t0) / 1e9;
    }
    return Arrays.stream(times, 0, n).min().orElseThrow();
  }

  static double seconds(java.util.function.Supplier<Object> body, double budgetSeconds) {
    return seconds((Runnable) () -> sink = body.get(), budgetSeconds);
  }

  static void report(String name, double value, String unit) {
    System.out.printf("%s\t%.4g\t%s%n", name, value, unit);
    System.out.flush();
  }
}
