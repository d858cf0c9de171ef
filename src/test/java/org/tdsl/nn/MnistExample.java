package org.tdsl.nn;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.tdsl.autograd.Autograd;
import org.tdsl.autograd.GradMode;
import org.tdsl.autograd.Torch;
import org.tdsl.data.DataLoader;
import org.tdsl.data.Mnist;
import org.tdsl.io.Checkpoint;
import org.tdsl.tensor.Rng;
import org.tdsl.tensor.Tensor;

/**
 * PyTorch's MNIST example (examples/mnist/main.py) on tdsl's Java API, to prove the layers.
 * Not a test: run it by hand,
 * {@code java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes
 * org.tdsl.nn.MnistExample [dir] [epochs] [seed] [save-path]}.
 * Prints the example's log lines, and the seconds each epoch took.
 */
public final class MnistExample {
  private MnistExample() {}

  public static void main(String[] args) {
    String dir = args.length > 0 ? args[0] : "examples/data/mnist";
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    String savePath = args.length > 3 ? args[3] : null;
    Rng.seed(seed);
    Sequential model = new Sequential(new Conv2d(1, 32, 3), new ReLU(), new Conv2d(32, 64, 3), new ReLU(),
        new MaxPool2d(2), new Dropout(0.25), new Flatten(), new Linear(9216, 128), new ReLU(), new Dropout(0.5),
        new Linear(128, 10), new LogSoftmax(1));
    Mnist train = new Mnist(dir, true), test = new Mnist(dir, false);
    DataLoader trainLoader = new DataLoader(train, 64, true, false);
    DataLoader testLoader = new DataLoader(test, 1000, false, false);
    Optimizer optimizer = new Adadelta(model.parameters(), 1.0);
    StepLR scheduler = new StepLR(optimizer, 1, 0.7);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      long start = System.nanoTime();
      trainEpoch(model, trainLoader, optimizer, epoch);
      double trainSeconds = (System.nanoTime() - start) / 1e9;
      test(model, testLoader);
      System.out.printf("epoch %d: %.1f s training, %.1f s with test%n", epoch, trainSeconds,
          (System.nanoTime() - start) / 1e9);
      scheduler.step();
    }
    if (savePath != null) Checkpoint.save(model, java.nio.file.Path.of(savePath));
  }

  static void trainEpoch(Module model, DataLoader loader, Optimizer optimizer, int epoch) {
    model.train();
    int batchIdx = 0;
    int n = loader.dataset().len();
    for (Tensor[] batch : loader) {
      optimizer.zeroGrad();
      Tensor output = model.call(batch[0]);
      Tensor loss = Functional.nll_loss(output, batch[1]);
      Autograd.backward(loss);
      optimizer.step();
      if (batchIdx % 10 == 0) {
        System.out.printf("Train Epoch: %d [%d/%d (%s%%)]\tLoss: %.6f%n", epoch, batchIdx * batch[0].size(0), n,
            pyRound(100.0 * batchIdx / loader.len()), loss.itemDouble());
      }
      batchIdx++;
    }
  }

  static void test(Module model, DataLoader loader) {
    model.eval();
    double testLoss = 0;
    long correct = 0;
    try (var g = GradMode.noGrad()) {
      for (Tensor[] batch : loader) {
        Tensor output = model.call(batch[0]);
        testLoss += Functional.nll_loss(output, batch[1], null, -100, "sum").itemDouble();
        Tensor pred = Torch.argmax(output, 1, false);
        long[] p = pred.toLongArray(), y = batch[1].toLongArray();
        for (int i = 0; i < p.length; i++) if (p[i] == y[i]) correct++;
      }
    }
    int n = loader.dataset().len();
    testLoss /= n;
    System.out.printf("%nTest set: Average loss: %.4f, Accuracy: %d/%d (%s%%)%n%n", testLoss, correct, n,
        pyRound(100.0 * correct / n));
  }

  /** Python's {@code format(x, ".0f")}: the exact binary value rounded half to even. */
  static String pyRound(double x) {
    return new BigDecimal(x).setScale(0, RoundingMode.HALF_EVEN).toPlainString();
  }
}
