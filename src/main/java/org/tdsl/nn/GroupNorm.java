package org.tdsl.nn;

import org.tdsl.tensor.Tensor;

/** {@code GroupNorm(num_groups, num_channels)}: standardises each group of channels, then a per-channel weight and bias. */
public final class GroupNorm extends Module {
  public final int numGroups, numChannels;
  public final double eps;
  public final boolean affine;

  public GroupNorm(int numGroups, int numChannels, double eps, boolean affine) {
    if (numChannels % numGroups != 0) throw new IllegalArgumentException("num_channels must be divisible by num_groups");
    this.numGroups = numGroups;
    this.numChannels = numChannels;
    this.eps = eps;
    this.affine = affine;
    registerParameter("weight", affine ? Tensor.ones(numChannels) : null);
    registerParameter("bias", affine ? Tensor.zeros(numChannels) : null);
  }

  @Override
  public Tensor forward(Tensor input) {
    return Normalize.groupNorm(input, numGroups, parameter("weight"), parameter("bias"), eps);
  }

  @Override
  protected String extraRepr() {
    return numGroups + ", " + numChannels + ", eps=" + Py.repr(eps) + ", affine=" + Py.repr(affine);
  }
}
