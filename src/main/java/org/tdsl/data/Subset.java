package org.tdsl.data;

/**
 * {@code Subset(dataset, indices)} over a dataset of tensors: item i is dataset[indices[i]],
 * and batches are the underlying dataset's batches of the mapped indices, so a split of
 * MNIST still loads by copying rows.
 */
public final class Subset implements Dataset {
  private final Dataset dataset;
  private final int[] indices;

  public Subset(Dataset dataset, int[] indices) {
    this.dataset = dataset;
    this.indices = indices.clone();
  }

  public Dataset dataset() { return dataset; }

  public int[] indices() { return indices.clone(); }

  @Override
  public int len() { return indices.length; }

  @Override
  public org.tdsl.tensor.Tensor[] get(int index) {
    return dataset.get(indices[Dataset.checkIndex(index, indices.length)]);
  }

  @Override
  public org.tdsl.tensor.Tensor[] batch(int[] positions) {
    int[] mapped = new int[positions.length];
    for (int k = 0; k < positions.length; k++) mapped[k] = indices[Dataset.checkIndex(positions[k], indices.length)];
    return dataset.batch(mapped);
  }

  @Override
  public String toString() { return "<torch.utils.data.dataset.Subset of " + indices.length + " items>"; }
}
