package org.tdsl.nn;

import java.util.ArrayList;
import java.util.List;

/** Multiplies the learning rate by gamma every step. */
public final class ExponentialLR extends LRScheduler {
  private final double gamma;

  public ExponentialLR(Optimizer optimizer, double gamma) {
    super(optimizer);
    this.gamma = gamma;
    start();
  }

  @Override
  protected List<Double> computeLr() {
    List<Double> out = new ArrayList<>();
    for (double lr : currentLrs()) out.add(lastEpoch == 0 ? lr : lr * gamma);
    return out;
  }
}
