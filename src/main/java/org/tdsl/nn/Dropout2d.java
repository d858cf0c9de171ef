package org.tdsl.nn;

import org.tdsl.tensor.Tensor;

/** Zeroes whole channels with probability p while training and scales the rest by 1/(1-p). */
public final class Dropout2d extends Module {
  public final double p;

  public Dropout2d() { this(0.5); }

  public Dropout2d(double p) {
    Functional.checkDropoutProbability(p);
    this.p = p;
  }

  @Override
  public Tensor forward(Tensor input) { return Functional.dropout2d(input, p, isTraining()); }

  @Override
  protected String extraRepr() { return "p=" + Py.repr(p) + ", inplace=False"; }
}
