package org.tdsl.nn;

import org.tdsl.tensor.Tensor;

/** Zeroes whole channels of N×C×L (or C×L) input with probability p while training, scaling the rest by 1/(1-p). */
public final class Dropout1d extends Module {
  public final double p;

  public Dropout1d(double p) {
    Functional.checkDropoutProbability(p);
    this.p = p;
  }

  @Override
  public Tensor forward(Tensor input) { return Functional.dropout1d(input, p, isTraining()); }

  @Override
  protected String extraRepr() { return "p=" + Py.repr(p) + ", inplace=False"; }
}
