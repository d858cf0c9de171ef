package org.tdsl.nn;

import org.tdsl.tensor.Tensor;

public final class Tanh extends Module {
  @Override
  public Tensor forward(Tensor input) { return Functional.tanh(input); }
}
