package org.tdsl.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * The 1cycle policy, stepped once per batch: the learning rate rises from max_lr/div_factor
 * to max_lr over pct_start of total_steps, then falls to initial_lr/final_div_factor (three
 * phases when three_phase); momentum (or Adam's beta1) moves the opposite way when
 * cycle_momentum. PyTorch's phases and annealing functions, step for step.
 */
public final class OneCycleLR extends LRScheduler {
  private record Phase(double endStep, String startLr, String endLr, String startMomentum, String endMomentum) {}

  private final int totalSteps;
  private final boolean cos, cycleMomentum, useBeta1;
  private final List<Phase> phases = new ArrayList<>();

  public OneCycleLR(Optimizer optimizer, List<Double> maxLrs, int totalSteps, double pctStart, String annealStrategy,
                    boolean cycleMomentum, double baseMomentum, double maxMomentum, double divFactor,
                    double finalDivFactor, boolean threePhase) {
    super(optimizer);
    if (totalSteps <= 0) throw new IllegalArgumentException("Expected positive integer total_steps, but got " + totalSteps);
    if (pctStart < 0 || pctStart > 1) {
      throw new IllegalArgumentException("Expected float between 0 and 1 pct_start, but got " + Py.repr(pctStart));
    }
    if (!annealStrategy.equals("cos") && !annealStrategy.equals("linear")) {
      throw new IllegalArgumentException("anneal_strategy must by one of 'cos' or 'linear', instead got " + annealStrategy);
    }
    this.totalSteps = totalSteps;
    this.cos = annealStrategy.equals("cos");
    if (threePhase) {
      phases.add(new Phase(pctStart * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"));
      phases.add(new Phase(2 * pctStart * totalSteps - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"));
      phases.add(new Phase(totalSteps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum"));
    } else {
      phases.add(new Phase(pctStart * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"));
      phases.add(new Phase(totalSteps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum"));
    }
    List<ParamGroup> groups = optimizer.paramGroups();
    if (maxLrs.size() != 1 && maxLrs.size() != groups.size()) {
      throw new IllegalArgumentException("expected " + groups.size() + " values for max_lr, got " + maxLrs.size());
    }
    for (int i = 0; i < groups.size(); i++) {
      ParamGroup g = groups.get(i);
      double maxLr = maxLrs.get(maxLrs.size() == 1 ? 0 : i);
      double initialLr = maxLr / divFactor;
      g.set("initial_lr", initialLr);
      g.set("max_lr", maxLr);
      g.set("min_lr", initialLr / finalDivFactor);
    }
    this.cycleMomentum = cycleMomentum;
    boolean hasMomentum = groups.get(0).options().has("momentum"), hasBetas = groups.get(0).options().has("betas");
    if (cycleMomentum && !hasMomentum && !hasBetas) {
      throw new IllegalArgumentException("optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
    }
    this.useBeta1 = hasBetas;
    if (cycleMomentum) {
      for (ParamGroup g : groups) {
        if (useBeta1) g.set("betas", List.of(maxMomentum, g.pair("betas")[1]));
        else g.set("momentum", maxMomentum);
        g.set("max_momentum", maxMomentum);
        g.set("base_momentum", baseMomentum);
      }
    }
    start();
  }

  @Override
  protected List<Double> computeLr() {
    int step = lastEpoch;
    if (step > totalSteps) {
      throw new IllegalArgumentException("Tried to step " + step + " times. The specified number of total steps is " + totalSteps);
    }
    List<Double> out = new ArrayList<>();
    for (ParamGroup g : optimizer.paramGroups()) {
      double start = 0, lr = 0, momentum = 0;
      for (int i = 0; i < phases.size(); i++) {
        Phase phase = phases.get(i);
        if (step <= phase.endStep() || i == phases.size() - 1) {
          double pct = (step - start) / (phase.endStep() - start);
          lr = anneal(g.number(phase.startLr()), g.number(phase.endLr()), pct);
          if (cycleMomentum) momentum = anneal(g.number(phase.startMomentum()), g.number(phase.endMomentum()), pct);
          break;
        }
        start = phase.endStep();
      }
      out.add(lr);
      if (cycleMomentum) {
        if (useBeta1) g.set("betas", List.of(momentum, g.pair("betas")[1]));
        else g.set("momentum", momentum);
      }
    }
    return out;
  }

  private double anneal(double start, double end, double pct) {
    if (cos) return end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1);
    return (end - start) * pct + start;
  }
}
