package org.tdsl.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tdsl.autograd.Torch;

/**
 * Views, broadcasting, promotion and indexing against PyTorch 1.13; each expected value is
 * what the Python expression in the comment printed (x = torch.arange(24).reshape(2,3,4)).
 */
class TensorSemanticsTest {
  static Tensor x() { return Tensor.arange(0, 24, 1).reshape(2, 3, 4); }

  static Object list(Tensor t) { return t.tolist(); }

  static List<Long> longs(long... v) { java.util.List<Long> l = new java.util.ArrayList<>(); for (long x : v) l.add(x); return l; }

  @Test
  void sumOverLeadingDimsAddsEachColumnsRowsInOrder() {
    // wide enough to be split over the threads (≥ 256 K elements, ≥ 1,024 columns, a ragged
    // last part); each column must add its rows in order, the same floats a plain loop gives
    int rows = 3, mid = 89, cols = 1_037;
    float[] x = new float[rows * mid * cols];
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    for (int i = 0; i < x.length; i++) x[i] = (float) (rnd.nextDouble() * 200 - 100);
    Tensor t = Tensor.of(x, rows, mid, cols);
    float[] expected = new float[cols];
    for (int r = 0; r < rows * mid; r++) for (int c = 0; c < cols; c++) expected[c] += x[r * cols + c];
    Tensor s = Reductions.sum(t, new int[] {0, 1}, false);
    assertArrayEquals(new int[] {cols}, s.shape());
    assertArrayEquals(expected, s.toFloatArray());
    Tensor kept = Reductions.sum(t, new int[] {0, 1}, true);
    assertArrayEquals(new int[] {1, 1, cols}, kept.shape());
    assertArrayEquals(expected, kept.toFloatArray());
  }

  @Test void basicIndexing() {
    Tensor x = x();
    // x[0,1:3].tolist() -> [[4, 5, 6, 7], [8, 9, 10, 11]]
    assertEquals(List.of(longs(4, 5, 6, 7), longs(8, 9, 10, 11)),
        Indexing.get(x, List.of(Index.at(0), Index.slice(1, 3, null))).tolist());
    // x[...,-1].tolist() -> [[3, 7, 11], [15, 19, 23]]
    assertEquals(List.of(longs(3, 7, 11), longs(15, 19, 23)), Indexing.get(x, List.of(Index.ELLIPSIS, Index.at(-1))).tolist());
    // x[None].shape -> [1, 2, 3, 4]
    assertArrayEquals(new int[] {1, 2, 3, 4}, Indexing.get(x, List.of(Index.NEW_AXIS)).shape());
    // x[:, ::2, 1].tolist() -> [[1, 9], [13, 21]]
    Tensor v = Indexing.get(x, List.of(Index.all(), Index.slice(null, null, 2), Index.at(1)));
    assertEquals(List.of(longs(1, 9), longs(13, 21)), v.tolist());
    assertSame(x.storage(), v.storage());
  }

  @Test void advancedIndexing() {
    Tensor x = x();
    // x[torch.tensor([1,0,1])].shape -> [3, 3, 4]
    assertArrayEquals(new int[] {3, 3, 4}, Indexing.get(x, List.of(Index.take(Tensor.of(new long[] {1, 0, 1}, 3)))).shape());
    // x[:, torch.tensor([2,0])].shape -> [2, 2, 4]
    assertArrayEquals(new int[] {2, 2, 4},
        Indexing.get(x, List.of(Index.all(), Index.take(Tensor.of(new long[] {2, 0}, 2)))).shape());
    // x[:, torch.tensor([2,0]), torch.tensor([1,3])].tolist() -> [[9, 3], [21, 15]]
    assertEquals(List.of(longs(9, 3), longs(21, 15)), Indexing.get(x, List.of(Index.all(),
        Index.take(Tensor.of(new long[] {2, 0}, 2)), Index.take(Tensor.of(new long[] {1, 3}, 2)))).tolist());
    // x[torch.tensor([1,0]), :, torch.tensor([1,3])].tolist() -> [[13, 17, 21], [3, 7, 11]] (non-adjacent: dims first)
    assertEquals(List.of(longs(13, 17, 21), longs(3, 7, 11)), Indexing.get(x, List.of(
        Index.take(Tensor.of(new long[] {1, 0}, 2)), Index.all(), Index.take(Tensor.of(new long[] {1, 3}, 2)))).tolist());
    // x[x % 5 == 0].tolist() -> [0, 5, 10, 15, 20]
    Tensor mask = Pointwise.binary(org.tdsl.tensor.kernels.BinaryOp.EQ,
        Pointwise.binary(org.tdsl.tensor.kernels.BinaryOp.REMAINDER, x, Tensor.wrap(5L)), Tensor.wrap(0L));
    assertEquals(longs(0, 5, 10, 15, 20), Indexing.get(x, List.of(Index.take(mask))).tolist());
  }

  @Test void indexingErrors() {
    Tensor y = Tensor.zeros(3, 4);
    assertEquals("index 5 is out of bounds for dimension 1 with size 4",
        assertThrows(TensorException.class, () -> Indexing.get(y, List.of(Index.at(0), Index.at(5)))).getMessage());
    assertEquals("index 5 is out of bounds for dimension 0 with size 3",
        assertThrows(TensorException.class, () -> Indexing.get(y, List.of(Index.at(5)))).getMessage());
    assertEquals("too many indices for tensor of dimension 2", assertThrows(TensorException.class,
        () -> Indexing.get(y, List.of(Index.at(0), Index.at(0), Index.at(0)))).getMessage());
    assertEquals("The shape of the mask [2] at index 0 does not match the shape of the indexed tensor [3, 4] at index 0",
        assertThrows(TensorException.class,
            () -> Indexing.get(y, List.of(Index.take(Tensor.of(new boolean[] {true, false}, 2))))).getMessage());
    assertEquals("shape mismatch: indexing tensors could not be broadcast together with shapes [2], [3]",
        assertThrows(TensorException.class, () -> Indexing.get(y, List.of(Index.take(Tensor.of(new long[] {0, 1}, 2)),
            Index.take(Tensor.of(new long[] {0, 1, 2}, 3))))).getMessage());
    assertEquals("index 7 is out of bounds for dimension 0 with size 4", assertThrows(TensorException.class,
        () -> Indexing.get(y, List.of(Index.all(), Index.take(Tensor.of(new long[] {7}, 1))))).getMessage());
  }

  @Test void indexAssignment() {
    // y=torch.zeros(3,4); y[0, 1:3]=5; y[..., -1]=torch.tensor([1.,2,3]); y[y>4] = -1; y[torch.tensor([2,2]), 0]=7
    // -> [[0.0, -1.0, -1.0, 1.0], [0.0, 0.0, 0.0, 2.0], [7.0, 0.0, 0.0, 3.0]]
    Tensor y = Tensor.zeros(3, 4);
    Indexing.set(y, List.of(Index.at(0), Index.slice(1, 3, null)), Tensor.wrap(5.0));
    Indexing.set(y, List.of(Index.ELLIPSIS, Index.at(-1)), Tensor.of(new float[] {1, 2, 3}, 3));
    Indexing.set(y, List.of(Index.take(Pointwise.binary(org.tdsl.tensor.kernels.BinaryOp.GT, y, Tensor.wrap(4.0)))),
        Tensor.wrap(-1.0));
    Indexing.set(y, List.of(Index.take(Tensor.of(new long[] {2, 2}, 2)), Index.at(0)), Tensor.wrap(7.0));
    assertArrayEquals(new float[] {0, -1, -1, 1, 0, 0, 0, 2, 7, 0, 0, 3}, y.toFloatArray());
    assertEquals(4, y.storage().version());
  }

  @Test void viewsShareStorageAndFollowStrides() {
    Tensor a = Tensor.arange(0, 12, 1).reshape(3, 4);
    // a.t().reshape(12).tolist() -> [0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11]; a.t().is_contiguous() -> False
    assertFalse(a.t().isContiguous());
    assertEquals(longs(0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11), a.t().reshape(12).tolist());
    // a[1:, 1:3].flatten().tolist() -> [5, 6, 9, 10]
    assertEquals(longs(5, 6, 9, 10), a.slice(0, 1, null, 1).slice(1, 1, 3, 1).flatten(0, -1).tolist());
    assertEquals("view size is not compatible with input tensor's size and stride (at least one dimension spans across"
        + " two contiguous subspaces). Use .reshape(...) instead.",
        assertThrows(TensorException.class, () -> a.t().view(12)).getMessage());
    Tensor v = a.view(2, -1);
    assertArrayEquals(new int[] {2, 6}, v.shape());
    assertSame(a.storage(), v.storage());
    assertSame(a.storage(), a.reshape(4, 3).storage());
    assertSame(a.storage(), a.unsqueeze(0).squeeze(0).expand(2, 3, 4).select(0, 1).narrow(1, 1, 2).storage());
    assertEquals("shape '[5, -1]' is invalid for input of size 12", assertThrows(TensorException.class, () -> a.view(5, -1))
        .getMessage());
    assertEquals("only one dimension can be inferred", assertThrows(TensorException.class, () -> a.view(-1, -1)).getMessage());
    assertEquals("The expanded size of the tensor (5) must match the existing size (4) at non-singleton dimension 1.  "
        + "Target sizes: [2, 5].  Tensor sizes: [3, 4]", assertThrows(TensorException.class, () -> a.expand(2, 5)).getMessage());
    assertEquals("Dimension out of range (expected to be in range of [-2, 1], but got 3)",
        assertThrows(TensorException.class, () -> Reductions.sum(a, new int[] {3}, false)).getMessage());
    Tensor p = Tensor.arange(0, 24, 1).reshape(2, 3, 4).permute(2, 0, 1);
    assertArrayEquals(new int[] {4, 2, 3}, p.shape());
    assertEquals(13L, p.getLong(1 * 6 + 1 * 3 + 0)); // p[1,1,0] = x[1,0,1] = 13
    Tensor c = p.contiguous();
    assertTrue(c.isContiguous());
    assertEquals(13L, c.getLong(9));
  }

  @Test void broadcastingAndPromotion() {
    assertEquals("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1",
        assertThrows(TensorException.class, () -> Torch.add(Tensor.zeros(2, 3), Tensor.zeros(2, 4))).getMessage());
    Tensor ints = Tensor.of(new long[] {1, 2, 3}, 3);
    // (torch.tensor([1,2,3])*2.5).dtype -> float32; (torch.tensor([1.,2])*2).dtype -> float32
    assertEquals(DType.FLOAT32, Torch.mul(ints, 2.5).dtype());
    assertEquals(DType.FLOAT32, Torch.mul(Tensor.of(new float[] {1, 2}, 2), 2L).dtype());
    // (torch.tensor([1,2])*2).dtype -> int64; (torch.tensor([True])+1).dtype -> int64
    assertEquals(DType.INT64, Torch.mul(ints, 2L).dtype());
    assertEquals(DType.INT64, Torch.add(Tensor.of(new boolean[] {true}, 1), 1L).dtype());
    // (torch.tensor([1,2])/torch.tensor([2,2])).tolist() -> [0.5, 1.0]
    assertArrayEquals(new float[] {0.5f, 1f}, Torch.div(Tensor.of(new long[] {1, 2}, 2), Tensor.of(new long[] {2, 2}, 2))
        .toFloatArray());
    // torch.tensor([1,2,3])+torch.tensor(1.5) -> tensor([2.5000, 3.5000, 4.5000]) (0-d float outranks int category)
    assertArrayEquals(new float[] {2.5f, 3.5f, 4.5f}, Torch.add(ints, Tensor.scalar(1.5)).toFloatArray());
    // (torch.tensor([1,2,3]) + torch.tensor([True])).dtype -> int64
    assertEquals(DType.INT64, Torch.add(ints, Tensor.of(new boolean[] {true}, 1)).dtype());
    // (torch.tensor([5,-5])//2).tolist() -> [2, -3]; (torch.tensor([5,-5])%3).tolist() -> [2, 1]
    assertEquals(longs(2, -3), Torch.floor_divide(Tensor.of(new long[] {5, -5}, 2), 2L).tolist());
    assertEquals(longs(2, 1), Torch.remainder(Tensor.of(new long[] {5, -5}, 2), 3L).tolist());
    // (torch.tensor([5.5,-5.5])%3).tolist() -> [2.5, 0.5]
    assertArrayEquals(new float[] {2.5f, 0.5f}, Torch.remainder(Tensor.of(new float[] {5.5f, -5.5f}, 2), 3.0).toFloatArray());
    // torch.tensor([True,False]).sum().dtype -> int64
    assertEquals(DType.INT64, Torch.sum(Tensor.of(new boolean[] {true, false}, 2)).dtype());
    Tensor cmp = Torch.lt(ints, Tensor.wrap(2.5));
    assertEquals(List.of(true, true, false), cmp.tolist());
  }

  @Test void creation() {
    // torch.linspace(0,1,5) -> [0, .25, .5, .75, 1]; torch.arange(0,1,0.25) -> [0, .25, .5, .75]
    assertArrayEquals(new float[] {0, 0.25f, 0.5f, 0.75f, 1}, Tensor.linspace(0, 1, 5).toFloatArray());
    assertArrayEquals(new float[] {0, 0.25f, 0.5f, 0.75f}, Tensor.arange(0.0, 1.0, 0.25).toFloatArray());
    // torch.arange(5,0,-2) -> [5, 3, 1]; torch.eye(2,3) -> [[1,0,0],[0,1,0]]
    assertEquals(longs(5, 3, 1), Tensor.arange(5, 0, -2).tolist());
    assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0}, Tensor.eye(2, 3, DType.FLOAT32).toFloatArray());
    assertEquals(List.of(List.of(1.0, 2.5), List.of(3.0, 4.0)),
        Tensor.fromNested(List.of(List.of(1L, 2.5), List.of(3L, 4L)), null).tolist());
    assertEquals(DType.INT64, Tensor.fromNested(List.of(1L, 2L), null).dtype());
    assertEquals(DType.BOOL, Tensor.fromNested(List.of(true, false), null).dtype());
    assertArrayEquals(new int[] {0, 3}, Tensor.zeros(0, 3).shape());
    assertEquals(0, Tensor.zeros(0, 3).numel());
    assertEquals(0.0, Tensor.scalar(0.0).item());
    assertEquals("a Tensor with 2 elements cannot be converted to Scalar",
        assertThrows(TensorException.class, () -> Tensor.zeros(2).item()).getMessage());
  }

  @Test void seededRandomnessRepeatsPerThread() throws Exception {
    Rng.seed(42);
    float[] a = Tensor.rand(5).toFloatArray();
    long[] r = Tensor.randint(0, 10, 5).toLongArray();
    Rng.seed(42);
    assertArrayEquals(a, Tensor.rand(5).toFloatArray());
    assertArrayEquals(r, Tensor.randint(0, 10, 5).toLongArray());
    // another thread's seed does not disturb this one
    Rng.seed(7);
    float[] first = Tensor.randn(3).toFloatArray();
    Rng.seed(7);
    Thread again = new Thread(() -> Tensor.randn(1000));
    again.start();
    again.join();
    assertArrayEquals(first, Tensor.randn(3).toFloatArray());
    long[] perm = Tensor.randperm(10).toLongArray();
    java.util.Arrays.sort(perm);
    assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, perm);
  }

  @Test void reductionsAndMovesMatchPyTorch() {
    Tensor b = Tensor.of(new float[] {3, 1, 2, 0, 5, 4}, 2, 3);
    Tensor[] m = Reductions.maxDim(b, 1, false, true);
    assertArrayEquals(new float[] {3, 5}, m[0].toFloatArray()); // b.max(1) -> values [3, 5], indices [0, 1]
    assertArrayEquals(new long[] {0, 1}, m[1].toLongArray());
    assertEquals(4L, Reductions.argmax(b, null, false, true).item()); // b.argmax() -> 4
    Tensor[] s = Shaping.sort(b, 1, true); // values [[3,2,1],[5,4,0]] indices [[0,2,1],[1,2,0]]
    assertArrayEquals(new float[] {3, 2, 1, 5, 4, 0}, s[0].toFloatArray());
    assertArrayEquals(new long[] {0, 2, 1, 1, 2, 0}, s[1].toLongArray());
    Tensor[] k = Shaping.topk(b, 2, 1, true); // values [[3,2],[5,4]] indices [[0,2],[1,2]]
    assertArrayEquals(new float[] {3, 2, 5, 4}, k[0].toFloatArray());
    assertArrayEquals(new long[] {0, 2, 1, 2}, k[1].toLongArray());
    assertArrayEquals(new float[] {3, 4, 6, 0, 5, 9}, Reductions.cumsum(b, 1).toFloatArray());
    assertArrayEquals(new float[] {1, 7}, Reductions.var(b, new int[] {1}, 1, false).toFloatArray(), 1e-6f);
    assertEquals(1.8708287477493286, Torch.std(b).itemDouble(), 1e-6); // b.std().item()
    assertArrayEquals(new float[] {3.4076061f, 5.3181753f}, Reductions.logsumexp(b, new int[] {1}, false).toFloatArray(), 1e-5f);
    assertArrayEquals(new float[] {6, 0}, Reductions.prod(b, new int[] {1}, false).toFloatArray());
    assertEquals(7.416198253631592, Torch.norm(b).itemDouble(), 1e-5);
    assertArrayEquals(new int[] {3, 3}, Shaping.cat(List.of(b, b.narrow(0, 0, 1)), 0).shape());
    assertArrayEquals(new int[] {2, 3, 2}, Torch.stack(List.of(b, b), 2).shape());
    assertArrayEquals(new int[] {2, 2, 6}, Shaping.repeat(b, 2, 1, 2).shape());
    assertArrayEquals(new float[] {2, 1, 3, 4, 5, 0}, Shaping.flip(b, 1).toFloatArray());
    assertArrayEquals(new float[] {2, 3, 5, 5}, Shaping.gather(b, 1, Tensor.of(new long[] {2, 0, 1, 1}, 2, 2)).toFloatArray());
    // torch.zeros(2,3).scatter(1, torch.tensor([[2],[0]]), b[:, :1]) -> [[0,0,3],[0,0,0]]
    assertArrayEquals(new float[] {0, 0, 3, 0, 0, 0},
        Shaping.scatter(Tensor.zeros(2, 3), 1, Tensor.of(new long[] {2, 0}, 2, 1), b.narrow(1, 0, 1), false).toFloatArray());
    assertArrayEquals(new float[] {2, 3, 4, 0}, Shaping.indexSelect(b, 1, Tensor.of(new long[] {2, 0}, 2)).toFloatArray());
    assertArrayEquals(new float[] {-1, 1, 2, 0, -1, -1}, Torch.masked_fill(b, Torch.gt(b, Tensor.wrap(2.0)), -1.0).toFloatArray());
    assertArrayEquals(new float[] {0.66524088f, 0.09003057f, 0.24472845f, 0.00490169f, 0.72747517f, 0.26762316f},
        Torch.softmax(b, 1).toFloatArray(), 1e-6f);
    assertArrayEquals(new float[] {-0.04858733f, -4.01814985f, -2.12692809f, -3.04858732f, -0.01814996f, -0.12692805f},
        Torch.log_softmax(b, 0).toFloatArray(), 1e-5f);
    // torch.matmul(torch.ones(2,1,2,3), torch.ones(3,3,2)).shape -> [2, 3, 2, 2]
    Tensor mm = Torch.matmul(Tensor.ones(2, 1, 2, 3), Tensor.ones(3, 3, 2));
    assertArrayEquals(new int[] {2, 3, 2, 2}, mm.shape());
    assertArrayEquals(new float[] {3, 3, 3, 3}, mm.select(0, 1).select(0, 2).reshape(4).toFloatArray());
  }

  @Test void matmulErrors() {
    assertEquals("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)",
        assertThrows(TensorException.class, () -> Torch.matmul(Tensor.zeros(2, 3), Tensor.zeros(4, 5))).getMessage());
    assertEquals("inconsistent tensor size, expected tensor [3] and src [4] to have the same number of elements, but got"
        + " 3 and 4 elements respectively",
        assertThrows(TensorException.class, () -> Torch.matmul(Tensor.zeros(3), Tensor.zeros(4))).getMessage());
    assertEquals("size mismatch, got 2, 2x3,4",
        assertThrows(TensorException.class, () -> Torch.matmul(Tensor.zeros(2, 3), Tensor.zeros(4))).getMessage());
    assertEquals("Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [2, 4].",
        assertThrows(TensorException.class, () -> Torch.matmul(Tensor.zeros(2, 2, 3), Tensor.zeros(2, 4, 5))).getMessage());
  }

  @Test void inPlaceBumpsVersionAndCasts() {
    Tensor t = Tensor.zeros(3);
    int v0 = t.storage().version();
    Torch.add_(t, 1.0);
    Torch.mul_(t, 3.0);
    assertEquals(v0 + 2, t.storage().version());
    assertArrayEquals(new float[] {3, 3, 3}, t.toFloatArray());
    Tensor i = Tensor.of(new long[] {1, 2}, 2);
    assertEquals("result type Float can't be cast to the desired output type Long",
        assertThrows(TensorException.class, () -> Torch.add_(i, 1.5)).getMessage());
  }
}
