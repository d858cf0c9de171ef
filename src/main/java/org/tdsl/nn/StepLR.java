package org.tdsl.nn;

import java.util.ArrayList;
import java.util.List;

/** Multiplies the learning rate by gamma every {@code stepSize} calls of {@link #step()}, as PyTorch's StepLR. */
public final class StepLR extends LRScheduler {
  private final int stepSize;
  private final double gamma;

  public StepLR(Optimizer optimizer, int stepSize) { this(optimizer, stepSize, 0.1); }

  public StepLR(Optimizer optimizer, int stepSize, double gamma) {
    super(optimizer);
    if (stepSize <= 0) throw new IllegalArgumentException("step_size must be a positive integer, got " + stepSize);
    this.stepSize = stepSize;
    this.gamma = gamma;
    start(); // PyTorch's constructor takes the first step: last_epoch becomes 0, lr unchanged
  }

  /** The recursive form PyTorch uses: lr *= gamma when last_epoch % step_size == 0. */
  @Override
  protected List<Double> computeLr() {
    List<Double> out = new ArrayList<>();
    for (double lr : currentLrs()) out.add(lastEpoch == 0 || lastEpoch % stepSize != 0 ? lr : lr * gamma);
    return out;
  }
}
