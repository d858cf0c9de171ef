package org.tdsl.data;

import org.tdsl.tensor.Tensor;

/** {@code TensorDataset(x, y)}: sample i is (x[i], y[i]). */
public final class TensorDataset implements Dataset {
  private final Tensor[] tensors;

  public TensorDataset(Tensor... tensors) {
    if (tensors.length == 0) throw new IllegalArgumentException("TensorDataset needs at least one tensor");
    for (Tensor t : tensors) {
      if (t.dim() == 0 || t.size(0) != tensors[0].size(0)) throw new IllegalArgumentException("Size mismatch between tensors");
    }
    this.tensors = tensors.clone();
  }

  @Override
  public int len() { return tensors[0].size(0); }

  @Override
  public Tensor[] get(int index) {
    int i = Dataset.checkIndex(index, len());
    Tensor[] out = new Tensor[tensors.length];
    for (int k = 0; k < out.length; k++) out[k] = tensors[k].select(0, i);
    return out;
  }
}
