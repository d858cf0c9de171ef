import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.tdsl.autograd.Autograd;
import org.tdsl.autograd.GradMode;
import org.tdsl.autograd.Torch;
import org.tdsl.nn.Adadelta;
import org.tdsl.nn.Conv2d;
import org.tdsl.nn.Dropout;
import org.tdsl.nn.Flatten;
import org.tdsl.nn.Functional;
import org.tdsl.nn.Linear;
import org.tdsl.nn.LogSoftmax;
import org.tdsl.nn.MaxPool2d;
import org.tdsl.nn.Module;
import org.tdsl.nn.Optimizer;
import org.tdsl.nn.ReLU;
import org.tdsl.nn.Sequential;
import org.tdsl.tensor.Rng;
import org.tdsl.tensor.Tensor;

/**
 * bin/bench's tdsl side: the workloads through the Java API, in-process. Run by
 * the JDK's source launcher ({@code java -cp target/tdsl.jar bin/lib/TdslBench.java GROUP}).
 * Prints one line per workload, {@code name<TAB>value<TAB>unit}; bin/lib/torch_bench.py
 * prints the same names for PyTorch. Each figure is the median of timed repetitions after
 * a warm-up, so the JIT has compiled the kernels (as PyTorch's are compiled ahead of time).
 */
public final class TdslBench {
  public static void main(String[] args) {
    String group = args.length > 0 ? args[0] : "kernels";
    switch (group) {
      case "gemm" -> gemm();
      case "conv" -> conv();
      case "train" -> train();
      case "infer" -> infer();
      default -> throw new IllegalArgumentException("unknown group " + group + " (gemm, conv, train, infer)");
    }
  }

  // ------------------------------------------------------------------ GEMM

  static void gemm() {
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

  // ------------------------------------------------------------------ MNIST network

  /** examples/mnist.tdsl's network; random images stand in for MNIST (the speed is the same). */
  static Sequential network() {
    Rng.seed(1);
    return new Sequential(new Conv2d(1, 32, 3), new ReLU(), new Conv2d(32, 64, 3), new ReLU(),
        new MaxPool2d(2), new Dropout(0.25), new Flatten(), new Linear(9216, 128), new ReLU(), new Dropout(0.5),
        new Linear(128, 10), new LogSoftmax(1));
  }

  static void train() {
    Sequential model = network();
    Optimizer opt = new Adadelta(model.parameters(), 1.0);
    int batches = 16;
    Tensor[] xs = new Tensor[batches], ys = new Tensor[batches];
    for (int i = 0; i < batches; i++) {
      xs[i] = Torch.randn(64, 1, 28, 28);
      ys[i] = Torch.randint(0, 10, 64);
    }
    model.train();
    int[] step = {0};
    Runnable trainStep = () -> {
      int i = step[0]++ % batches;
      opt.zeroGrad();
      Tensor loss = Functional.nll_loss(model.call(xs[i]), ys[i]);
      Autograd.backward(loss);
      opt.step();
    };
    for (int i = 0; i < 30; i++) trainStep.run();  // warm-up
    double[] perStep = new double[7];
    for (int r = 0; r < perStep.length; r++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 20; i++) trainStep.run();
      perStep[r] = (System.nanoTime() - t0) / 1e9 / 20;
    }
    report("mnist train batch 64", 64 / median(perStep), "img/s");
  }

  static void infer() {
    Sequential model = network();
    model.eval();
    Tensor big = Torch.randn(1000, 1, 28, 28);
    try (var ng = GradMode.noGrad()) {
      report("mnist infer batch 1000", 1000 / seconds(() -> model.call(big), 3), "img/s");
    }
  }

  // ------------------------------------------------------------------ timing

  static Object sink;

  /** The median seconds per call of {@code body}, after a warm-up of about a second. */
  static double seconds(Runnable body, double budgetSeconds) {
    long end = System.nanoTime() + 700_000_000L;
    int calls = 0;
    while (System.nanoTime() < end || calls < 3) { body.run(); calls++; }
    double[] times = new double[64];
    int n = 0;
    end = System.nanoTime() + (long) (budgetSeconds * 1e9);
    while (n < times.length && (System.nanoTime() < end || n < 5)) {
      long t0 = System.nanoTime();
      body.run();
      times[n++] = (System.nanoTime() - t0) / 1e9;
    }
    return median(Arrays.copyOf(times, n));
  }

  static double seconds(java.util.function.Supplier<Object> body, double budgetSeconds) {
    return seconds((Runnable) () -> sink = body.get(), budgetSeconds);
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static void report(String name, double value, String unit) {
    System.out.printf("%s\t%.4g\t%s%n", name, value, unit);
    System.out.flush();
  }
}
