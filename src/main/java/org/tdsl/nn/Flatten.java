package org.tdsl.nn;

import org.tdsl.tensor.Tensor;

/** Flattens dims start..end into one (by default all but the batch dim). */
public final class Flatten extends Module {
  public final int startDim, endDim;

  public Flatten() { this(1, -1); }

  public Flatten(int startDim, int endDim) {
    this.startDim = startDim;
    this.endDim = endDim;
  }

  @Override
  public Tensor forward(Tensor input) { return Functional.flatten(input, startDim, endDim); }

  @Override
  protected String extraRepr() { return "start_dim=" + startDim + ", end_dim=" + endDim; }
}
