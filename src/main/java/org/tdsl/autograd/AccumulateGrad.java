package org.tdsl.autograd;

import org.tdsl.tensor.Pointwise;
import org.tdsl.tensor.Tensor;

/**
 * The node that ends every path at a leaf: it adds the gradient into the leaf's {@code .grad}.
 * One per leaf, cached on the tensor so {@code next_functions} shows the same object each time.
 * Its sequence number is the largest possible, so backward runs it as soon as it is ready.
 */
public final class AccumulateGrad extends Node {
  private final Tensor variable;

  private AccumulateGrad(Tensor variable) {
    super("AccumulateGrad", new Edge[0], new int[0][], new int[][] {variable.shape()}, new Tensor[0],
        c -> new Tensor[0], Long.MAX_VALUE);
    this.variable = variable;
  }

  static AccumulateGrad of(Tensor leaf) {
    if (leaf.gradAccumulator() instanceof AccumulateGrad a) return a;
    AccumulateGrad a = new AccumulateGrad(leaf);
    leaf.setGradAccumulator(a);
    return a;
  }

  /** The leaf this node accumulates into. */
  public Tensor variable() { return variable; }

  /**
   * The first gradient is stored, later ones added (in place, or out of place under
   * create_graph). The first is copied only when the engine says something else still holds
   * its storage (or it is not dense), so the common case copies nothing.
   */
  void accumulate(Tensor g, boolean createGraph, boolean owned) {
    Tensor old = variable.grad();
    if (old == null) {
      variable.setGrad(createGraph ? g : owned ? g.detach() : g.detach().clone());
    } else if (createGraph || old.requiresGrad()) {
      variable.setGrad(Torch.add(old, g));
    } else {
      Pointwise.addInPlace(old, g.detach(), 1f);
    }
  }
}
