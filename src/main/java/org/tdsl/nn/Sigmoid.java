package org.tdsl.nn;

import org.tdsl.tensor.Tensor;

public final class Sigmoid extends Module {
  @Override
  public Tensor forward(Tensor input) { return Functional.sigmoid(input); }
}
