package org.tdsl.tensor;

/** The node that produced a tensor on the tape; autograd's nodes implement it. */
public interface GradFn {
  /** PyTorch's node name without the trailing digit, e.g. {@code MulBackward}. */
  String name();
}
