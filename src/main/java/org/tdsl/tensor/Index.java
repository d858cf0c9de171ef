package org.tdsl.tensor;

/**
 * One item of a subscript {@code t[a, b, ...]}: an integer, a slice with optional bounds, the
 * ellipsis, a new axis ({@code None}), or a tensor (bool mask or int64 indices).
 */
public sealed interface Index {
  /** {@code t[i]}: selects one position and drops the dim. */
  record At(long index) implements Index {}

  /** {@code t[start:stop:step]}; null parts take Python's defaults. */
  record Slice(Integer start, Integer stop, Integer step) implements Index {
    /** The whole dim ({@code :}), which indexing leaves alone. */
    public boolean isFull() { return start == null && stop == null && (step == null || step == 1); }
  }

  /** {@code ...}: as many full slices as needed. */
  record Ellipsis() implements Index {}

  /** {@code None}: a new dim of size 1. */
  record NewAxis() implements Index {}

  /** A bool mask (covers as many dims as it has) or an int64 index tensor (covers one dim). */
  record Take(Tensor tensor) implements Index {}

  Ellipsis ELLIPSIS = new Ellipsis();
  NewAxis NEW_AXIS = new NewAxis();

  static Index at(long i) { return new At(i); }
  static Index slice(Integer start, Integer stop, Integer step) { return new Slice(start, stop, step); }
  static Index all() { return new Slice(null, null, null); }
  static Index take(Tensor t) { return new Take(t); }
}
