package org.tdsl.nn;

import org.tdsl.tensor.Tensor;

/** Zeroes each element with probability p while training and scales the rest by 1/(1-p). */
public final class Dropout extends Module {
  public final double p;

  public Dropout() { this(0.5); }

  public Dropout(double p) {
    Functional.checkDropoutProbability(p);
    this.p = p;
  }

  @Override
  public Tensor forward(Tensor input) { return Functional.dropout(input, p, isTraining()); }

  @Override
  protected String extraRepr() { return "p=" + Py.repr(p) + ", inplace=False"; }
}
