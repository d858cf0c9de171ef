package org.tdsl.nn;

import org.tdsl.autograd.AutogradException;
import org.tdsl.autograd.GradMode;
import org.tdsl.autograd.Node;
import org.tdsl.autograd.Torch;
import org.tdsl.tensor.Tensor;

/**
 * nn's differentiable operations in the style of {@code torch.autograd.Function}: forward
 * computes the output on raw arrays, saving through the context what backward needs; backward
 * returns one gradient per input (null where none flows). The node is recorded with the
 * runtime's public {@link Torch#record}, so saved tensors are version-checked like any other.
 *
 * <p>Backward formulas here run on the kernels, not on Torch ops, so they are differentiable
 * once (PyTorch's {@code @once_differentiable}): under {@code create_graph=True} their gradients
 * carry a node that fails with a clear error if a second backward reaches it, instead of
 * silently treating them as constants.
 */
final class CustomOp {
  private CustomOp() {}

  @FunctionalInterface
  interface Forward {
    Tensor apply(Ctx ctx);
  }

  @FunctionalInterface
  interface Backward {
    Tensor[] apply(Ctx ctx, Tensor gradOutput);
  }

  /** What forward hands to backward: saved tensors (version-checked) and which inputs need grads. */
  static final class Ctx {
    private final Tensor[] inputs;
    private Tensor[] toSave = new Tensor[0];
    private Node.Context node;

    private Ctx(Tensor[] inputs) { this.inputs = inputs; }

    /** {@code ctx.save_for_backward(...)}; call from forward. */
    void save(Tensor... tensors) { toSave = tensors.clone(); }

    /** {@code ctx.saved_tensors}; from backward, fails if one was changed in place since it was saved. */
    Tensor[] saved() {
      if (node == null) return toSave.clone();
      Tensor[] out = new Tensor[toSave.length];
      for (int i = 0; i < out.length; i++) out[i] = node.saved(i);
      return out;
    }

    /** {@code ctx.needs_input_grad[i]}. */
    boolean needsInputGrad(int i) {
      if (node != null) return node.needs(i);
      return inputs[i] != null && inputs[i].requiresGrad();
    }
  }

  /** Runs forward and, when gradients are tracked, records a node named {@code name} for its output. */
  static Tensor apply(String name, Forward forward, Backward backward, Tensor... inputs) {
    Ctx ctx = new Ctx(inputs);
    Tensor out;
    try (var ignored = GradMode.noGrad()) {
      out = forward.apply(ctx);
    }
    if (!Torch.isRecording(inputs)) return out;
    return Torch.record(name, inputs, out, ctx.toSave, c -> {
      ctx.node = c;
      boolean createGraph = GradMode.isEnabled();
      Tensor[] grads;
      try (var ignored = GradMode.noGrad()) {
        grads = backward.apply(ctx, c.grad());
      }
      if (createGraph) {
        for (int i = 0; i < grads.length; i++) if (grads[i] != null) grads[i] = onceDifferentiable(name, inputs, c.grad(), grads[i]);
      }
      return grads;
    });
  }

  /** PyTorch's DelayedError: the gradient stays in the graph, and differentiating it again fails by name. */
  private static Tensor onceDifferentiable(String name, Tensor[] inputs, Tensor gradOutput, Tensor grad) {
    Tensor[] sources = java.util.Arrays.copyOf(inputs, inputs.length + 1);
    sources[inputs.length] = gradOutput;
    return Torch.record("DelayedError", sources, grad, new Tensor[0], c -> {
      throw new AutogradException("the derivative of " + name + " is not implemented: create_graph=True cannot "
          + "differentiate through it a second time (trying to differentiate twice a function that was marked "
          + "with @once_differentiable)", null);
    });
  }
}
