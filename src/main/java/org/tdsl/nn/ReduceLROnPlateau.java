package org.tdsl.nn;

import java.util.List;

/**
 * Multiplies the learning rate by factor once a metric (passed to {@code step(metric)}) has
 * not improved for more than patience epochs, then waits cooldown epochs; never below min_lr.
 */
public final class ReduceLROnPlateau extends LRScheduler {
  private final boolean minimise, relative;
  private final double factor, threshold, eps;
  private final int patience, cooldown;
  private final List<Double> minLrs;
  private double best;
  private int badEpochs, cooldownCounter;

  public ReduceLROnPlateau(Optimizer optimizer, String mode, double factor, int patience, double threshold,
                           String thresholdMode, int cooldown, List<Double> minLrs, double eps) {
    super(optimizer);
    if (factor >= 1.0) throw new IllegalArgumentException("Factor should be < 1.0.");
    if (!mode.equals("min") && !mode.equals("max")) throw new IllegalArgumentException("mode " + mode + " is unknown!");
    if (!thresholdMode.equals("rel") && !thresholdMode.equals("abs")) {
      throw new IllegalArgumentException("threshold mode " + thresholdMode + " is unknown!");
    }
    int groups = optimizer.paramGroups().size();
    if (minLrs.size() != 1 && minLrs.size() != groups) {
      throw new IllegalArgumentException("expected " + groups + " min_lrs, got " + minLrs.size());
    }
    this.minimise = mode.equals("min");
    this.relative = thresholdMode.equals("rel");
    this.factor = factor;
    this.patience = patience;
    this.threshold = threshold;
    this.cooldown = cooldown;
    this.eps = eps;
    this.minLrs = minLrs.size() == 1 ? java.util.Collections.nCopies(groups, minLrs.get(0)) : List.copyOf(minLrs);
    this.best = minimise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    lastEpoch = 0;
    recordLastLr();
  }

  @Override
  protected List<Double> computeLr() { return currentLrs(); }

  @Override
  public void step() {
    throw new IllegalArgumentException("ReduceLROnPlateau.step() missing 1 required positional argument: 'metrics'");
  }

  @Override
  public void step(double metric) {
    lastEpoch++;
    if (better(metric)) {
      best = metric;
      badEpochs = 0;
    } else {
      badEpochs++;
    }
    if (cooldownCounter > 0) {
      cooldownCounter--;
      badEpochs = 0;
    }
    if (badEpochs > patience) {
      List<ParamGroup> groups = optimizer.paramGroups();
      for (int i = 0; i < groups.size(); i++) {
        double old = groups.get(i).number("lr");
        double next = Math.max(old * factor, minLrs.get(i));
        if (old - next > eps) groups.get(i).set("lr", next);
      }
      cooldownCounter = cooldown;
      badEpochs = 0;
    }
    recordLastLr();
  }

  private boolean better(double a) {
    if (minimise) return relative ? a < best * (1 - threshold) : a < best - threshold;
    return relative ? a > best * (threshold + 1) : a > best + threshold;
  }
}
