package org.tdsl.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdsl.autograd.Autograd;
import org.tdsl.data.DataLoader;
import org.tdsl.data.Mnist;
import org.tdsl.tensor.Rng;
import org.tdsl.tensor.Tensor;

/** Small end-to-end runs on the MNIST sample: learning happens, and a seed repeats it exactly. */
class TrainingTest {
  static final Mnist TRAIN = new Mnist("examples/data/mnist", true);

  static List<Double> run(long seed, int steps) {
    Rng.seed(seed);
    Sequential net = new Sequential(new Conv2d(1, 4, 3), new ReLU(), new MaxPool2d(2), new Dropout2d(0.1),
        new Flatten(), new Linear(4 * 13 * 13, 10), new Dropout(0.2), new LogSoftmax(1));
    Optimizer opt = new Adam(net.parameters(), 0.01);
    List<Double> losses = new ArrayList<>();
    while (losses.size() < steps) {
      for (Tensor[] batch : new DataLoader(TRAIN, 32, true, true)) {
        if (losses.size() == steps) break;
        opt.zeroGrad();
        Tensor loss = Functional.nll_loss(net.call(batch[0]), batch[1]);
        Autograd.backward(loss);
        opt.step();
        losses.add(loss.itemDouble());
      }
    }
    return losses;
  }

  @Test
  void lossFallsOnRealDigits() {
    List<Double> losses = run(1, 30);
    double first = (losses.get(0) + losses.get(1) + losses.get(2)) / 3;
    double last = (losses.get(27) + losses.get(28) + losses.get(29)) / 3;
    assertTrue(first > 2.0, "starts near ln 10: " + first);
    assertTrue(last < 1.0, "falls below 1 within 30 steps: " + last);
  }

  @Test
  void aSeedRepeatsInitShufflingAndDropout() {
    assertEquals(run(5, 4), run(5, 4));
    assertNotEquals(run(5, 4), run(6, 4));
  }
}
