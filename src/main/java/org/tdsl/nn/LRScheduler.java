package org.tdsl.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * PyTorch's {@code _LRScheduler}: on construction each group gets {@code initial_lr} (its lr,
 * unless already set) and one step is taken (last_epoch becomes 0); every {@link #step()}
 * writes {@link #computeLr()} into the groups' {@code lr}. Subclasses give PyTorch's
 * {@code get_lr}, the recursive (chainable) form where PyTorch has one, so that the numbers
 * agree to the last bit and a change made to a group's lr between steps carries on.
 */
public abstract class LRScheduler {
  protected final Optimizer optimizer;
  protected final List<Double> baseLrs = new ArrayList<>();
  protected int lastEpoch = -1;
  private List<Double> lastLr = List.of();

  protected LRScheduler(Optimizer optimizer) {
    this.optimizer = optimizer;
  }

  /** The constructor's end: initial_lr and the first step (call from the subclass's constructor, once its fields are set). */
  protected final void start() {
    for (ParamGroup g : optimizer.paramGroups()) {
      if (!g.options().has("initial_lr")) g.set("initial_lr", g.number("lr"));
      baseLrs.add(g.number("initial_lr"));
    }
    step();
  }

  /** The groups' learning rates for the epoch {@link #lastEpoch} has just become. */
  protected abstract List<Double> computeLr();

  /** Ends an epoch (or a batch, for OneCycleLR). */
  public void step() {
    lastEpoch++;
    List<Double> lrs = computeLr();
    List<ParamGroup> groups = optimizer.paramGroups();
    for (int i = 0; i < groups.size(); i++) groups.get(i).set("lr", lrs.get(i));
    recordLastLr();
  }

  /** {@code step(metrics)}: only ReduceLROnPlateau reads a metric. */
  public void step(double metric) {
    throw new IllegalArgumentException(getClass().getSimpleName() + ".step() takes no metric");
  }

  protected final void recordLastLr() {
    List<Double> out = new ArrayList<>();
    for (ParamGroup g : optimizer.paramGroups()) out.add(g.number("lr"));
    lastLr = out;
  }

  /** The groups' current learning rates: {@code [group["lr"] for group in param_groups]}. */
  protected final List<Double> currentLrs() {
    List<Double> out = new ArrayList<>();
    for (ParamGroup g : optimizer.paramGroups()) out.add(g.number("lr"));
    return out;
  }

  /** {@code get_last_lr()}: one learning rate per parameter group, as the last step left them. */
  public List<Double> getLastLr() { return lastLr; }

  public int lastEpoch() { return lastEpoch; }

  public Optimizer optimizer() { return optimizer; }

  public List<Double> baseLrs() { return List.copyOf(baseLrs); }
}
