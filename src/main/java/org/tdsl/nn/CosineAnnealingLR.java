package org.tdsl.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Anneals the learning rate from its initial value to eta_min along half a cosine over T_max
 * steps (and back up after, as PyTorch's recursive form does), written as PyTorch's get_lr.
 */
public final class CosineAnnealingLR extends LRScheduler {
  private final int tMax;
  private final double etaMin;

  public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
    super(optimizer);
    this.tMax = tMax;
    this.etaMin = etaMin;
    start();
  }

  @Override
  protected List<Double> computeLr() {
    List<Double> current = currentLrs(), out = new ArrayList<>();
    for (int i = 0; i < current.size(); i++) {
      double lr = current.get(i);
      if (lastEpoch == 0) {
        out.add(lr);
      } else if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
        out.add(lr + (baseLrs.get(i) - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2);
      } else {
        out.add((1 + Math.cos(Math.PI * lastEpoch / tMax)) / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax))
            * (lr - etaMin) + etaMin);
      }
    }
    return out;
  }
}
