package org.tdsl.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.tdsl.tensor.Tensor;

/**
 * Batches of a dataset: {@code for x, y in DataLoader(train, batch_size=64, shuffle=True)}.
 * Each pass with shuffle draws a fresh permutation from this thread's generator when it
 * starts, so {@code manual_seed} makes the order repeatable.
 */
public final class DataLoader implements Iterable<Tensor[]> {
  private final Dataset dataset;
  private final int batchSize;
  private final boolean shuffle, dropLast;

  public DataLoader(Dataset dataset) { this(dataset, 1, false, false); }

  public DataLoader(Dataset dataset, int batchSize) { this(dataset, batchSize, false, false); }

  public DataLoader(Dataset dataset, int batchSize, boolean shuffle) { this(dataset, batchSize, shuffle, false); }

  public DataLoader(Dataset dataset, int batchSize, boolean shuffle, boolean dropLast) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch_size should be a positive integer value, but got batch_size=" + batchSize);
    }
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.dropLast = dropLast;
  }

  public Dataset dataset() { return dataset; }

  public int batchSize() { return batchSize; }

  /** {@code len(loader)}: the number of batches. */
  public int len() {
    int n = dataset.len();
    return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
  }

  @Override
  public Iterator<Tensor[]> iterator() {
    int n = dataset.len();
    int[] order = new int[n];
    if (shuffle) {
      long[] perm = Tensor.randperm(n).toLongArray();
      for (int i = 0; i < n; i++) order[i] = (int) perm[i];
    } else {
      for (int i = 0; i < n; i++) order[i] = i;
    }
    int batches = len();
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() { return next < batches; }

      @Override
      public Tensor[] next() {
        if (!hasNext()) throw new NoSuchElementException();
        int start = next++ * batchSize;
        int size = Math.min(batchSize, n - start);
        int[] indices = new int[size];
        System.arraycopy(order, start, indices, 0, size);
        return dataset.batch(indices);
      }
    };
  }
}
