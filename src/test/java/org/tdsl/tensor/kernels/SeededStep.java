package org.tdsl.tensor.kernels;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import org.tdsl.api.Session;
import org.tdsl.api.Tensors;
import org.tdsl.tensor.Tensor;

/**
 * A child JVM's program for {@link RepeatableRunsTest}: runs the same seeded training step
 * again and again and prints, per run, the bits of its loss and a hash of the bits of every
 * parameter after it. The step goes through every kernel that sums lanes or takes exp
 * (a convolution with its bias gradient, products of the dot-product kind with a k tail,
 * tanh, sigmoid, log_softmax and its backward, nll_loss, Adadelta), so that when one of them
 * rounds differently once the JIT has compiled it, the later lines differ from the first.
 */
public final class SeededStep {
  private SeededStep() {}

  static final String SCRIPT = """
      def step() {
        manual_seed(7)
        net = Sequential(Conv2d(1, 4, 3), ReLU(), Flatten(), Linear(324, 40), Tanh(),
                         Linear(40, 24), Sigmoid(), Linear(24, 20), LogSoftmax(dim=1))
        opt = Adadelta(net.parameters(), lr=1.0)
        x = randn(8, 1, 11, 11)
        y = randint(0, 20, (8,))
        for i in range(2) {
          opt.zero_grad()
          loss = nll_loss(net(x), y)
          loss.backward()
          opt.step()
        }
        return [loss] + list(net.parameters())
      }
      """;

  /** args: how many runs. Prints one line per run: the loss's bits and the parameters' hash. */
  public static void main(String[] args) {
    int runs = Integer.parseInt(args[0]);
    StringWriter scriptOutput = new StringWriter();
    try (Session s = Session.builder().output(new PrintWriter(scriptOutput)).build()) {
      s.eval(SCRIPT);
      for (int r = 0; r < runs; r++) System.out.println(fingerprint((java.util.List<?>) s.call("step")));
    }
  }

  /** The loss's bits in hex, then a hash of every parameter's bits. */
  static String fingerprint(java.util.List<?> result) {
    float loss = Tensors.toFloats((Tensor) result.get(0))[0];
    int hash = 1;
    for (Object p : result.subList(1, result.size())) {
      for (float v : Tensors.toFloats((Tensor) p)) hash = 31 * hash + Float.floatToRawIntBits(v);
    }
    return Integer.toHexString(Float.floatToRawIntBits(loss)) + " " + Integer.toHexString(hash);
  }
}
