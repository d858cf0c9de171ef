package org.tdsl.data;

import org.tdsl.tensor.Tensor;

/** Indexed samples, each a tuple of tensors (an image and its label). */
public interface Dataset {
  /** {@code len(dataset)}. */
  int len();

  /** {@code dataset[i]}: the sample's tensors, e.g. (image 1×28×28, label). */
  Tensor[] get(int index);

  /**
   * Whether a sample is a tuple of fields, as here, or one value (a program's Dataset whose
   * {@code __getitem__} returns a tensor): then a loader yields the batch itself, not a 1-tuple.
   */
  default boolean tupleItems() { return true; }

  /**
   * The samples at {@code indices} stacked along a new first dim: what a DataLoader yields.
   * Datasets backed by one array override this to copy rows directly.
   */
  default Tensor[] batch(int[] indices) {
    Tensor[][] samples = new Tensor[indices.length][];
    for (int i = 0; i < indices.length; i++) samples[i] = get(indices[i]);
    int fields = samples.length == 0 ? get(0).length : samples[0].length;
    Tensor[] out = new Tensor[fields];
    for (int f = 0; f < fields; f++) {
      java.util.List<Tensor> column = new java.util.ArrayList<>();
      for (Tensor[] s : samples) column.add(s[f].unsqueeze(0));
      out[f] = org.tdsl.tensor.Shaping.cat(column, 0);
    }
    return out;
  }

  /** Python's error for an index past either end; negative indices count from the end. */
  static int checkIndex(int index, int len) {
    int i = index < 0 ? index + len : index;
    if (i < 0 || i >= len) throw new IndexOutOfBoundsException("index " + index + " is out of range for a dataset of " + len);
    return i;
  }
}
