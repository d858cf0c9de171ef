package org.tdsl.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/** The learning rate is initial_lr × lr_lambda(epoch), one function for every group or one per group. */
public final class LambdaLR extends LRScheduler {
  private final List<IntToDoubleFunction> lambdas;

  public LambdaLR(Optimizer optimizer, List<IntToDoubleFunction> lambdas) {
    super(optimizer);
    int groups = optimizer.paramGroups().size();
    if (lambdas.size() != 1 && lambdas.size() != groups) {
      throw new IllegalArgumentException("Expected " + groups + " lr_lambdas, but got " + lambdas.size());
    }
    this.lambdas = lambdas.size() == 1 ? java.util.Collections.nCopies(groups, lambdas.get(0)) : List.copyOf(lambdas);
    start();
  }

  @Override
  protected List<Double> computeLr() {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < baseLrs.size(); i++) out.add(baseLrs.get(i) * lambdas.get(i).applyAsDouble(lastEpoch));
    return out;
  }
}
