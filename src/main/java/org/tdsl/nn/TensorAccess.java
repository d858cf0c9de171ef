package org.tdsl.nn;

import org.tdsl.tensor.DType;
import org.tdsl.tensor.Tensor;

/** The raw-array side of tensors that nn's kernels and optimizers read and write. */
final class TensorAccess {
  private TensorAccess() {}

  /** The float array behind a contiguous float32 tensor (its elements start at {@link #offset}). */
  static float[] data(Tensor t) {
    if (t.dtype() != DType.FLOAT32) throw new IllegalArgumentException("expected a float32 tensor, got " + t.dtype());
    if (!t.isContiguous()) throw new IllegalArgumentException("expected a contiguous tensor");
    return t.storage().floats();
  }

  static int offset(Tensor t) { return t.offset(); }

  static int numel(Tensor t) { return t.numel(); }

  /** A row-major copy of the elements as floats. */
  static float[] toFloatArray(Tensor t) { return t.toFloatArray(); }

  /**
   * The elements as floats for reading only: the tensor's own array when it holds exactly
   * them (dense float32 from index 0), else a copy. Saves an optimizer step a copy of every
   * gradient.
   */
  static float[] readFloats(Tensor t) {
    if (t.dtype() == DType.FLOAT32 && t.isContiguous() && t.offset() == 0
        && t.storage().floats().length == t.numel()) {
      return t.storage().floats();
    }
    return t.toFloatArray();
  }

  static void fill(Tensor t, float v) { t.fillRaw(v); }

  static void bumpVersion(Tensor t) { t.storage().bumpVersion(); }
}
