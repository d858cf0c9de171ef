package org.tdsl.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.Rng;
import org.tdsl.tensor.Tensor;

class DataLoaderTest {
  static final Mnist TRAIN = new Mnist("examples/data/mnist", true);

  @Test
  void mnistSamplesHaveThePyTorchExampleShapes() {
    assertEquals(1000, TRAIN.len());
    Tensor[] s = TRAIN.get(0);
    assertArrayEquals(new int[] {1, 28, 28}, s[0].shape());
    assertEquals(DType.FLOAT32, s[0].dtype());
    assertEquals(DType.INT64, s[1].dtype());
    assertEquals(0, s[1].dim());
    // background pixels are (0 - 0.1307) / 0.3081
    assertEquals(-0.42421296f, (float) s[0].getDouble(0), 1e-7f);
    assertEquals(TRAIN.get(999)[1].getLong(0), TRAIN.get(-1)[1].getLong(0));
    assertThrows(IndexOutOfBoundsException.class, () -> TRAIN.get(1000));
  }

  @Test
  void batchesInOrderWithoutShuffle() {
    DataLoader loader = new DataLoader(TRAIN, 64, false, false);
    assertEquals(16, loader.len());
    List<Tensor[]> batches = new ArrayList<>();
    loader.forEach(batches::add);
    assertEquals(16, batches.size());
    assertArrayEquals(new int[] {64, 1, 28, 28}, batches.get(0)[0].shape());
    assertArrayEquals(new int[] {64}, batches.get(0)[1].shape());
    assertArrayEquals(new int[] {1000 - 15 * 64, 1, 28, 28}, batches.get(15)[0].shape());
    // batch 1, row 3 is sample 67
    Tensor[] s = TRAIN.get(67);
    assertArrayEquals(s[0].toFloatArray(), batches.get(1)[0].select(0, 3).toFloatArray());
    assertEquals(s[1].getLong(0), batches.get(1)[1].getLong(3));
  }

  @Test
  void dropLastDropsTheShortBatch() {
    DataLoader loader = new DataLoader(TRAIN, 64, true, true);
    assertEquals(15, loader.len());
    int count = 0;
    for (Tensor[] b : loader) {
      assertEquals(64, b[0].size(0));
      count++;
    }
    assertEquals(15, count);
  }

  @Test
  void shuffleIsAPermutationRepeatableWithASeed() {
    DataLoader loader = new DataLoader(TRAIN, 100, true, false);
    Rng.seed(1);
    long[] first = labels(loader);
    long[] second = labels(loader);
    Rng.seed(1);
    long[] again = labels(loader);
    assertArrayEquals(first, again, "same seed, same order");
    assertFalse(Arrays.equals(first, second), "a new pass draws a new order");
    long[] sortedShuffled = first.clone();
    Arrays.sort(sortedShuffled);
    long[] sortedAll = TRAIN.labels().toLongArray();
    Arrays.sort(sortedAll);
    assertArrayEquals(sortedAll, sortedShuffled, "every sample exactly once");
    assertFalse(Arrays.equals(TRAIN.labels().toLongArray(), first), "shuffled");
  }

  @Test
  void tensorDatasetBatchesByStacking() {
    Tensor x = Tensor.of(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 5, 2);
    Tensor y = Tensor.of(new long[] {10, 11, 12, 13, 14}, 5);
    DataLoader loader = new DataLoader(new TensorDataset(x, y), 2);
    assertEquals(3, loader.len());
    Tensor[] last = null;
    for (Tensor[] b : loader) last = b;
    assertArrayEquals(new int[] {1, 2}, last[0].shape());
    assertArrayEquals(new float[] {8, 9}, last[0].toFloatArray());
    assertArrayEquals(new long[] {14}, last[1].toLongArray());
  }

  @Test
  void badBatchSizeIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> new DataLoader(TRAIN, 0));
    assertEquals("batch_size should be a positive integer value, but got batch_size=0", e.getMessage());
  }

  static long[] labels(DataLoader loader) {
    List<Long> out = new ArrayList<>();
    for (Tensor[] b : loader) for (long v : b[1].toLongArray()) out.add(v);
    return out.stream().mapToLong(Long::longValue).toArray();
  }
}
