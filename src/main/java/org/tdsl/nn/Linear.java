package org.tdsl.nn;

import org.tdsl.tensor.Tensor;

/** y = x·Wᵀ + b. */
public final class Linear extends Module {
  public final int inFeatures, outFeatures;

  public Linear(int inFeatures, int outFeatures) { this(inFeatures, outFeatures, true); }

  public Linear(int inFeatures, int outFeatures, boolean bias) {
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    Tensor w = registerParameter("weight", Tensor.zeros(outFeatures, inFeatures));
    Tensor b = registerParameter("bias", bias ? Tensor.zeros(outFeatures) : null);
    Init.defaultLayerInit(w, b);
  }

  public Tensor weight() { return parameter("weight"); }

  public Tensor bias() { return parameter("bias"); }

  @Override
  public Tensor forward(Tensor input) { return Functional.linear(input, weight(), bias()); }

  @Override
  protected String extraRepr() {
    return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + Py.repr(bias() != null);
  }
}
