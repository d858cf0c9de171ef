package org.tdsl.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tdsl.tensor.kernels.BinaryOp;
import org.tdsl.tensor.kernels.UnaryOp;

/**
 * Randomised differential test of the strided machinery (dim merging, broadcast strides,
 * transposed, stepped and flipped views) against a plain element-by-element reference.
 */
class StridedRandomTest {
  private final SplittableRandom rnd = new SplittableRandom(2024);

  /** A random non-contiguous (or contiguous) view with the given logical shape. */
  private Tensor randomView(int[] shape) {
    int kind = rnd.nextInt(4);
    int n = shape.length;
    if (kind == 0 || n == 0) return Tensor.randn(shape);
    if (kind == 1 && n >= 2) { // transpose of a tensor with swapped dims
      int[] s = shape.clone();
      int t = s[0]; s[0] = s[n - 1]; s[n - 1] = t;
      return Tensor.randn(s).transpose(0, n - 1);
    }
    if (kind == 2) { // every other element of a bigger tensor along the last dim
      int[] s = shape.clone();
      s[n - 1] = s[n - 1] * 2;
      return Tensor.randn(s).slice(n - 1, null, null, 2);
    }
    return Tensor.randn(shape).flipView(0).clone().flipView(0); // negative strides
  }

  private int[] randomShape() {
    int n = rnd.nextInt(5);
    int[] s = new int[n];
    for (int i = 0; i < n; i++) s[i] = 1 + rnd.nextInt(4);
    return s;
  }

  /** b's shape: a suffix of a's with some dims set to 1. */
  private int[] broadcastPartner(int[] a) {
    int drop = a.length == 0 ? 0 : rnd.nextInt(a.length + 1);
    int[] b = new int[a.length - drop];
    for (int i = 0; i < b.length; i++) b[i] = rnd.nextInt(3) == 0 ? 1 : a[i + drop];
    return b;
  }

  private static double ref(Tensor t, int[] outShape, int flat) {
    int[] coord = new int[outShape.length];
    for (int d = outShape.length - 1; d >= 0; d--) { coord[d] = flat % outShape[d]; flat /= outShape[d]; }
    int[] sh = t.shapeRef(), st = t.stridesRef();
    int off = t.offset(), lead = outShape.length - sh.length;
    for (int d = 0; d < sh.length; d++) off += (sh[d] == 1 ? 0 : coord[d + lead]) * st[d];
    return t.storage().getDouble(off);
  }

  @Test void binaryOpsOnRandomViews() {
    BinaryOp[] ops = {BinaryOp.ADD, BinaryOp.MUL, BinaryOp.SUB, BinaryOp.MAXIMUM, BinaryOp.DIV};
    for (int trial = 0; trial < 300; trial++) {
      int[] sa = randomShape(), sb = broadcastPartner(sa);
      boolean swap = rnd.nextBoolean();
      Tensor a = randomView(swap ? sb : sa), b = randomView(swap ? sa : sb);
      BinaryOp op = ops[rnd.nextInt(ops.length)];
      Tensor out = Pointwise.binary(op, a, b);
      int[] os = Shapes.broadcast(a.shapeRef(), b.shapeRef());
      assertArrayEquals(os, out.shape());
      float[] got = out.toFloatArray();
      for (int i = 0; i < got.length; i++) {
        float expect = op.apply((float) ref(a, os, i), (float) ref(b, os, i));
        assertEquals(expect, got[i], 1e-6f * Math.max(1, Math.abs(expect)), op + " trial " + trial);
      }
    }
  }

  @Test void unaryCopyAndReductionOnRandomViews() {
    for (int trial = 0; trial < 200; trial++) {
      int[] s = randomShape();
      Tensor a = randomView(s);
      float[] ex = Pointwise.unary(UnaryOp.EXP, a).toFloatArray();
      float[] c = a.contiguous().toFloatArray();
      double total = 0;
      for (int i = 0; i < c.length; i++) {
        double v = ref(a, s, i);
        assertEquals((float) v, c[i]);
        assertEquals((float) Math.exp(v), ex[i], 1e-5f * Math.max(1, Math.exp(v)));
        total += v;
      }
      assertEquals(total, Reductions.sum(a, null, false).itemDouble(), 1e-4);
      if (s.length > 0) {
        int d = rnd.nextInt(s.length);
        Tensor r = Reductions.sum(a, new int[] {d}, true);
        // summing the reduced result again gives the total
        assertEquals(total, Reductions.sum(r, null, false).itemDouble(), 1e-4);
      }
    }
  }

  /** Large enough for the rows to be spread over threads: one long row, many rows, odd splits. */
  @Test void largeOpsSplitOverThreadsMatchTheReference() {
    int[][][] cases = {
        {{1 << 19}, {1}},              // one merged row, cut into pieces
        {{517, 1031}, {1031}},         // rows with a broadcast row
        {{1031, 517}, {1031, 1}},      // a broadcast column
        {{3, 301, 293}, {301, 1}}};
    for (int[][] c : cases) {
      Tensor a = randomView(c[0]), b = randomView(c[1]);
      Tensor out = Pointwise.binary(BinaryOp.SUB, a, b), neg = Pointwise.unary(UnaryOp.NEG, a);
      Tensor ta = a.transpose(0, a.dim() - 1), tout = Pointwise.unary(UnaryOp.ABS, ta);
      float[] got = out.toFloatArray(), gotNeg = neg.toFloatArray(), gotT = tout.toFloatArray();
      for (int i = 0; i < got.length; i++) {
        assertEquals((float) (ref(a, c[0], i) - ref(b, c[0], i)), got[i], "sub " + i);
        assertEquals((float) -ref(a, c[0], i), gotNeg[i], "neg " + i);
        assertEquals((float) Math.abs(ref(ta, ta.shapeRef(), i)), gotT[i], "abs of a transpose " + i);
      }
    }
  }

  @Test void longAndBoolPathsBroadcast() {
    Tensor a = Tensor.arange(0, 6, 1).reshape(2, 3).t();
    Tensor b = Tensor.of(new long[] {10, 20}, 2);
    // torch.arange(6).reshape(2,3).t() + torch.tensor([10,20]) -> [[10, 23], [11, 24], [12, 25]]
    assertArrayEquals(new long[] {10, 23, 11, 24, 12, 25}, Pointwise.binary(BinaryOp.ADD, a, b).toLongArray());
    Tensor m = Pointwise.binary(BinaryOp.GT, a, Tensor.wrap(2L));
    assertEquals(java.util.List.of(java.util.List.of(false, true), java.util.List.of(false, true),
        java.util.List.of(false, true)), m.tolist());
  }
}
