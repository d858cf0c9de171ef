package org.tdsl.nn;

import java.util.ArrayList;
import java.util.List;

/** Multiplies the learning rate by gamma at each milestone epoch (by gamma^k for a milestone listed k times). */
public final class MultiStepLR extends LRScheduler {
  private final List<Integer> milestones;
  private final double gamma;

  public MultiStepLR(Optimizer optimizer, List<Integer> milestones, double gamma) {
    super(optimizer);
    this.milestones = List.copyOf(milestones);
    this.gamma = gamma;
    start();
  }

  @Override
  protected List<Double> computeLr() {
    int times = 0;
    for (int m : milestones) if (m == lastEpoch) times++;
    List<Double> out = new ArrayList<>();
    for (double lr : currentLrs()) out.add(times == 0 ? lr : lr * Math.pow(gamma, times));
    return out;
  }
}
