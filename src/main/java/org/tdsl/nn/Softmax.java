package org.tdsl.nn;

import org.tdsl.tensor.Tensor;

/** softmax along {@code dim}; a null dim picks PyTorch's legacy implicit dim. */
public final class Softmax extends Module {
  public final Integer dim;

  public Softmax(Integer dim) { this.dim = dim; }

  @Override
  public Tensor forward(Tensor input) {
    return Functional.softmax(input, dim != null ? dim : Functional.implicitSoftmaxDim(input.dim()));
  }

  @Override
  protected String extraRepr() { return "dim=" + (dim == null ? "None" : dim); }
}
