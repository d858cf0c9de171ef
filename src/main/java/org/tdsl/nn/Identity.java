package org.tdsl.nn;

import org.tdsl.tensor.Tensor;

/** {@code nn.Identity()}: returns its input, a placeholder where a layer is optional. */
public final class Identity extends Module {
  @Override
  public Tensor forward(Tensor input) { return input; }
}
