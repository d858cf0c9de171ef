package org.tdsl.tensor;

/** The node that produced a tensor on the tape; autograd's nodes implement it. */
public interface GradFn {
  /** PyTorch 1.13's node name, digit included, e.g. {@code MulBackward0}. */
  String name();
}
