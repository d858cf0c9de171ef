package org.tdsl.autograd;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.Tensor;
import org.tdsl.tensor.TensorException;

/**
 * How an in-place operation meets the tape: the leaf checks, then the op computed as
 * op(old value) and written back, and the tensor's history rebased to the op's node (for a
 * view, its base gets a CopySlices node, as in PyTorch).
 */
final class InPlace {
  private InPlace() {}

  /** An in-place result keeps a's shape, so b may broadcast into a but never widen it. */
  static void checkBroadcastInto(Tensor a, Tensor b) {
    int[] shape = org.tdsl.tensor.Shapes.broadcast(a.shape(), b.shape());
    if (!java.util.Arrays.equals(shape, a.shape())) {
      throw new TensorException("output with shape " + org.tdsl.tensor.Shapes.str(a.shape())
          + " doesn't match the broadcast shape " + org.tdsl.tensor.Shapes.str(shape));
    }
  }

  static void checkInplace(Tensor a) {
    if (!GradMode.isEnabled()) return;
    if (a.isLeaf() && a.requiresGrad()) {
      throw new TensorException("a leaf Variable that requires grad is being used in an in-place operation.");
    }
    Tensor base = a.base();
    if (base != null && base.isLeaf() && base.requiresGrad()) {
      throw new TensorException("a view of a leaf Variable that requires grad is being used in an in-place operation.");
    }
    if (base != null && base.requiresGrad() && !base.isContiguous()) {
      // the base's history is rebased through the view's geometry, which needs a dense base;
      // refuse rather than compute wrong gradients silently
      throw new TensorException("in-place operation on a view of a non-contiguous tensor that requires grad is not"
          + " supported; call .contiguous() on the base first");
    }
  }

  /** A new tensor object sharing a's storage, its history and its requires_grad (the "before" of an in-place op). */
  static Tensor shallowAlias(Tensor a) {
    Tensor s = a.asStrided(a.shape(), a.strides(), a.offset());
    s.setRequiresGrad(a.requiresGrad());
    s.setGradFn(a.gradFn());
    s.setOutputNr(a.outputNr());
    if (a.isLeaf()) s.setGradAccumulator(a.gradAccumulator());
    return s;
  }

  /** Gives a the history of result (the node of the in-place op), as PyTorch's rebase_history. */
  static void rebase(Tensor a, Tensor result) {
    if (result.gradFn() == null) return;
    a.setGradFn(result.gradFn());
    a.setOutputNr(result.outputNr());
    a.setRequiresGrad(true);
  }

  /** Runs an in-place op as op(original a) written back into a. */
  static Tensor inplace(Tensor a, UnaryOperator<Tensor> op, boolean needsOriginal, Tensor... others) {
    checkInplace(a);
    Tensor[] ins = Arrays.copyOf(others, others.length + 1);
    ins[others.length] = a;
    if (!Torch.tracking(ins)) {
      Tensor r;
      try (GradMode.Scope s = GradMode.noGrad()) { r = op.apply(a); }
      checkCast(r, a);
      a.copyFrom(r);
      return a;
    }
    if (a.base() != null) return inplaceOnView(a, op, needsOriginal);
    Tensor before = shallowAlias(a);
    if (needsOriginal) {
      // the op saves a's old values, which the write below overwrites: give it its own copy
      Tensor copy = a.clone();
      copy.setRequiresGrad(before.requiresGrad());
      copy.setGradFn(before.gradFn());
      copy.setOutputNr(before.outputNr());
      before = copy;
    }
    Tensor r = op.apply(before);
    checkCast(r, a);
    a.copyFrom(r.detach());
    rebase(a, r);
    return a;
  }

  /**
   * An in-place op on a view v of base b, as PyTorch: v takes the op's node, and b takes a
   * CopySlices node whose backward sends the gradient of v's region to the op's node and the
   * rest to b's old history.
   */
  static Tensor inplaceOnView(Tensor v, UnaryOperator<Tensor> op, boolean needsOriginal) {
    Tensor b = v.base();
    if (!b.isContiguous()) {
      throw new TensorException("in-place operation on a view of a non-contiguous tensor that requires grad is not"
          + " supported; call .contiguous() on the base first");
    }
    int[] vs = v.shape(), vst = v.strides();
    int voff = v.offset() - b.offset();
    Tensor before = shallowAlias(v);
    if (needsOriginal) {
      Tensor copy = v.clone();
      copy.setRequiresGrad(before.requiresGrad());
      copy.setGradFn(before.gradFn());
      copy.setOutputNr(before.outputNr());
      before = copy;
    }
    Tensor r = op.apply(before);
    checkCast(r, v);
    Tensor bOld = shallowAlias(b);
    v.copyFrom(r.detach());
    Tensor bNew = b.asStrided(b.shape(), b.strides(), b.offset());
    Torch.record("CopySlices", Torch.ts(bOld, r), bNew, Torch.NONE, c -> {
      Tensor g = c.grad();
      Tensor gb = null;
      if (c.needs(0)) {
        // g with v's region zeroed, as a product with a constant mask so create_graph sees it
        Tensor keep = Tensor.ones(g.shape());
        keep.asStrided(vs, vst, voff).fillRaw(0);
        gb = Torch.mul(g, keep);
      }
      return new Tensor[] {gb, c.needs(1) ? asStridedView(Torch.contiguous(g), vs, vst, voff) : null};
    });
    rebase(b, bNew);
    rebase(v, r);
    return v;
  }

  /** The elements of a contiguous g picked by a geometry (shape, strides, offset from g's start). */
  static Tensor asStridedView(Tensor g, int[] shape, int[] strides, int off) {
    Tensor out = g.asStrided(shape, strides, g.offset() + off);
    int[] gs = g.shape();
    return Torch.record("AsStridedBackward0", Torch.ts(g), out, Torch.NONE, c -> new Tensor[] {
        Torch.embed(c.grad(), gs, x -> asStridedView(Torch.contiguous(x), shape, strides, off), "AsStridedBackwardBackward0")});
  }

  static void checkCast(Tensor result, Tensor a) {
    if (result.dtype().ordinal() > a.dtype().ordinal()) {
      throw new TensorException("result type " + typeWord(result.dtype()) + " can't be cast to the desired output type "
          + typeWord(a.dtype()));
    }
  }

  static String typeWord(DType d) {
    return switch (d) { case FLOAT32 -> "Float"; case INT64 -> "Long"; case BOOL -> "Bool"; };
  }
}
