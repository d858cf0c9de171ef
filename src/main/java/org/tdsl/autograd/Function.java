package org.tdsl.autograd;

import org.tdsl.tensor.DType;
import org.tdsl.tensor.Tensor;

/**
 * A differentiable operation defined outside this package, like {@code torch.autograd.Function}:
 * {@code forward} computes the output (with grad mode off), saving through the context what
 * backward will need; {@code backward} returns one gradient per input (null where none flows).
 * When grad mode is on and an input requires grad, the output gets a node named {@code name}
 * whose saved tensors are checked against in-place changes like every other node's.
 *
 * <p>Gradients computed by {@code backward} are not themselves recorded, so
 * {@code create_graph=True} does not differentiate through such an operation twice.
 */
public final class Function {
  private Function() {}

  @FunctionalInterface
  public interface Forward {
    Tensor apply(Ctx ctx);
  }

  @FunctionalInterface
  public interface Backward {
    /** Gradients of the inputs, in order, given the gradient of the output. */
    Tensor[] apply(Ctx ctx, Tensor gradOutput);
  }

  /** What forward hands to backward: saved tensors (version-checked) and which inputs need grads. */
  public static final class Ctx {
    private final Tensor[] inputs;
    private Tensor[] toSave = new Tensor[0];
    private Node.Context node;

    private Ctx(Tensor[] inputs) { this.inputs = inputs; }

    /** {@code ctx.save_for_backward(...)}; call from forward. */
    public void save(Tensor... tensors) { toSave = tensors.clone(); }

    /** {@code ctx.saved_tensors}; call from backward. Fails if one was changed in place since. */
    public Tensor[] saved() {
      if (node == null) return toSave.clone();
      Tensor[] out = new Tensor[toSave.length];
      for (int i = 0; i < out.length; i++) out[i] = node.saved(i);
      return out;
    }

    /** {@code ctx.needs_input_grad[i]}. */
    public boolean needsInputGrad(int i) {
      if (node != null) return node.needs(i);
      return inputs[i] != null && inputs[i].requiresGrad();
    }
  }

  /** Runs forward and, when gradients are tracked, records a node named {@code name} for the output. */
  public static Tensor apply(String name, Forward forward, Backward backward, Tensor... inputs) {
    Ctx ctx = new Ctx(inputs);
    Tensor out;
    try (var ignored = GradMode.noGrad()) {
      out = forward.apply(ctx);
    }
    if (!tracking(inputs) || out.dtype() != DType.FLOAT32) return out;
    Edge[] edges = new Edge[inputs.length];
    for (int i = 0; i < inputs.length; i++) edges[i] = inputs[i] == null ? new Edge(null, 0) : Torch.edgeOf(inputs[i]);
    Node.Backward formula = c -> {
      ctx.node = c;
      try (var ignored = GradMode.noGrad()) {
        return backward.apply(ctx, c.grad());
      }
    };
    Node node = new Node(name, edges, Node.shapesOf(inputs), Node.shapesOf(new Tensor[] {out}), ctx.toSave, formula,
        Node.nextSequenceNr());
    out.setRequiresGrad(true);
    out.setGradFn(node);
    out.setOutputNr(0);
    return out;
  }

  private static boolean tracking(Tensor[] inputs) {
    if (!GradMode.isEnabled()) return false;
    for (Tensor t : inputs) if (t != null && t.requiresGrad()) return true;
    return false;
  }
}
