package org.tdsl.nn;

import java.util.List;

/** Multiplies the learning rate by gamma every {@code stepSize} calls of {@link #step()}, as PyTorch's StepLR. */
public final class StepLR {
  private final Optimizer optimizer;
  private final int stepSize;
  private final double gamma;
  private int lastEpoch = -1;
  private double lastLr;

  public StepLR(Optimizer optimizer, int stepSize) { this(optimizer, stepSize, 0.1); }

  public StepLR(Optimizer optimizer, int stepSize, double gamma) {
    if (stepSize <= 0) throw new IllegalArgumentException("step_size must be a positive integer, got " + stepSize);
    this.optimizer = optimizer;
    this.stepSize = stepSize;
    this.gamma = gamma;
    step(); // PyTorch's constructor takes the first step: last_epoch becomes 0, lr unchanged
  }

  /** Ends an epoch: the recursive form PyTorch uses, lr *= gamma when last_epoch % step_size == 0. */
  public void step() {
    lastEpoch++;
    if (lastEpoch != 0 && lastEpoch % stepSize == 0) optimizer.setLr(optimizer.lr() * gamma);
    lastLr = optimizer.lr();
  }

  /** {@code get_last_lr()}: one learning rate per parameter group (tdsl has one group). */
  public List<Double> getLastLr() { return List.of(lastLr); }

  public int lastEpoch() { return lastEpoch; }
}
