package org.tdsl.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.Tensor;
import org.tdsl.tensor.TensorException;

/** {@code torch.autograd.backward} and {@code torch.autograd.grad}. */
public final class Autograd {
  private Autograd() {}

  /** {@code t.backward()} for a one-element t. */
  public static void backward(Tensor t) { backward(List.of(t), null, false, false); }

  /** {@code t.backward(grad)}. */
  public static void backward(Tensor t, Tensor grad) {
    backward(List.of(t), grad == null ? null : Arrays.asList(grad), false, false);
  }

  /**
   * Accumulates into the leaves' {@code .grad} the gradients of the outputs (weighted by grads;
   * null, or a null entry, means ones for a one-element output). Frees the graph's saved tensors
   * unless retainGraph; createGraph records the backward pass itself.
   */
  public static void backward(List<Tensor> outputs, List<Tensor> grads, boolean retainGraph, boolean createGraph) {
    List<Edge> roots = new ArrayList<>();
    List<Tensor> rootGrads = new ArrayList<>();
    List<Boolean> owned = new ArrayList<>();
    prepare(outputs, grads, createGraph, roots, rootGrads, owned);
    Engine.run(roots, rootGrads, owned, retainGraph || createGraph, createGraph, null);
  }

  /**
   * The gradients of outputs with respect to inputs, without touching any {@code .grad}. An input
   * the outputs do not depend on is an error unless allowUnused (then its entry is null).
   */
  public static List<Tensor> grad(List<Tensor> outputs, List<Tensor> inputs, List<Tensor> gradOutputs,
                                  Boolean retainGraph, boolean createGraph, boolean allowUnused) {
    List<Edge> roots = new ArrayList<>();
    List<Tensor> rootGrads = new ArrayList<>();
    List<Boolean> owned = new ArrayList<>();
    prepare(outputs, gradOutputs, createGraph, roots, rootGrads, owned);
    List<Edge> captures = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Tensor in = inputs.get(i);
      if (!in.requiresGrad()) {
        throw new TensorException("One of the differentiated Tensors does not require grad");
      }
      captures.add(Torch.edgeOf(in));
    }
    boolean keep = retainGraph == null ? createGraph : retainGraph;
    Tensor[] got = Engine.run(roots, rootGrads, owned, keep, createGraph, captures);
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < got.length; i++) {
      if (got[i] == null && !allowUnused) {
        throw new TensorException("One of the differentiated Tensors appears to not have been used in the graph. Set"
            + " allow_unused=True if this is the desired behavior.");
      }
      out.add(got[i]);
    }
    return out;
  }

  private static void prepare(List<Tensor> outputs, List<Tensor> grads, boolean createGraph, List<Edge> roots,
                              List<Tensor> rootGrads, List<Boolean> owned) {
    if (grads != null && grads.size() != outputs.size()) {
      throw new TensorException("grad can be implicitly created only for scalar outputs");
    }
    for (int i = 0; i < outputs.size(); i++) {
      Tensor out = outputs.get(i);
      if (!out.requiresGrad()) {
        throw new TensorException("element " + i + " of tensors does not require grad and does not have a grad_fn");
      }
      Tensor g = grads == null ? null : grads.get(i);
      owned.add(g == null || g.dtype() != DType.FLOAT32);
      if (g == null) {
        if (out.numel() != 1) throw new TensorException("grad can be implicitly created only for scalar outputs");
        g = Tensor.ones(DType.FLOAT32, out.shape());
      } else {
        if (!Arrays.equals(g.shape(), out.shape())) {
          throw new TensorException("Mismatch in shape: grad_output[" + i + "] has a shape of " + size(g.shape())
              + " and output[" + i + "] has a shape of " + size(out.shape()) + ".");
        }
        if (g.dtype() != DType.FLOAT32) g = g.to(DType.FLOAT32);
        if (!createGraph) g = g.detach();
      }
      roots.add(Torch.edgeOf(out));
      rootGrads.add(g);
    }
  }

  private static String size(int[] s) {
    StringBuilder sb = new StringBuilder("torch.Size([");
    for (int i = 0; i < s.length; i++) sb.append(i > 0 ? ", " : "").append(s[i]);
    return sb.append("])").toString();
  }
}
