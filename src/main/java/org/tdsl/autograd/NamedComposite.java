package org.tdsl.autograd;

import java.util.function.Supplier;
import org.tdsl.tensor.Tensor;

/**
 * An operation tdsl composes from several recorded ops where PyTorch records one node
 * (smooth_l1_loss, the norms, addmm, triu, ...): the composite's outermost node takes
 * PyTorch's name, so grad_fn prints as PyTorch prints it. Only the label changes: the
 * backward formulas, and so the gradients, are those of the composed ops, and the nodes
 * inside stay visible in next_functions (docs/CHOICES.md, "Composed operations").
 */
public final class NamedComposite {
  private NamedComposite() {}

  /** Runs the composite; renames its result's node when the composite made it (not an input's). */
  public static Tensor named(String name, Supplier<Tensor> composite) {
    long before = Node.peekSequenceNr();
    Tensor out = composite.get();
    if (out.gradFn() instanceof Node n && !(n instanceof AccumulateGrad) && n.sequenceNr() >= before) n.rename(name);
    return out;
  }
}
