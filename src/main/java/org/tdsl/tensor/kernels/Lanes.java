package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sum of a vector's lanes in one fixed order, whichever tier of the JIT runs it.
 *
 * <p>{@code reduceLanes(ADD)} leaves the order of its additions to the implementation, and
 * HotSpot has two: the Java fallback (interpreter, C1) adds lane after lane, C2's intrinsic
 * adds a tree. A float sum then changed its last bits when its kernel got compiled, and a
 * seeded training run depended on the step at which that happened (issue 11). Here the
 * order is a tree of lanewise adds and lane swaps, each exact, so every tier computes the
 * same bits: lane i is added to lane i + L/2, then i + L/4, ..., and lane 0 is the sum.
 */
final class Lanes {
  private Lanes() {}

  private static final VectorSpecies<Float> S = VectorWidth.SPECIES;
  private static final int L = S == null ? 1 : S.length();
  // Lane i ↔ lane i xor L/2, L/4, L/8, L/16 (the last two unused below 16 and 8 lanes).
  static final VectorShuffle<Float> SWAP_HALVES = swap(L / 2);
  static final VectorShuffle<Float> SWAP_QUARTERS = swap(L / 4);
  static final VectorShuffle<Float> SWAP_EIGHTHS = swap(L / 8);
  static final VectorShuffle<Float> SWAP_SIXTEENTHS = swap(L / 16);
  // The upper half's lanes; the second and fourth quarters' lanes; and so on.
  static final VectorMask<Float> UPPER_HALF = oddBlocks(L / 2);
  static final VectorMask<Float> ODD_QUARTERS = oddBlocks(L / 4);
  static final VectorMask<Float> ODD_EIGHTHS = oddBlocks(L / 8);
  static final VectorMask<Float> ODD_SIXTEENTHS = oddBlocks(L / 16);

  private static VectorShuffle<Float> swap(int distance) {
    return S == null || distance == 0 ? null : VectorShuffle.fromOp(S, i -> i ^ distance);
  }

  /** The lanes of every second block of {@code block} lanes, starting with the second. */
  private static VectorMask<Float> oddBlocks(int block) {
    if (S == null || block == 0) return null;
    boolean[] set = new boolean[L];
    for (int i = 0; i < L; i++) set[i] = i / block % 2 == 1;
    return VectorMask.fromArray(S, set, 0);
  }

  /** The sum of v's lanes, ((v0 + v8) + (v4 + v12)) + ... for 16 lanes: a fixed tree. */
  static float sum(FloatVector v) {
    v = v.add(v.rearrange(SWAP_HALVES));
    if (L >= 4) v = v.add(v.rearrange(SWAP_QUARTERS));
    if (L >= 8) v = v.add(v.rearrange(SWAP_EIGHTHS));
    if (L >= 16) v = v.add(v.rearrange(SWAP_SIXTEENTHS));
    return v.lane(0);
  }

  /**
   * The lane sums of four vectors stored one after the other from lanes[from] (arrays, not
   * vectors, cross the call: C2 boxes vectors passed to a method it did not inline), into
   * out[at], out[at + 1], out[at + 2], out[at + 3]: the
   * same bits as four calls of {@link #sum} (the same tree; some adds swap their operands),
   * for 5 swaps at 16 lanes instead of 16. Two vectors share the tree's first step, a's half
   * sums in the lower half and b's in the upper one; then all four share the next, one per
   * quarter. Needs at least 4 lanes.
   */
  static void sum4(float[] lanes, int from, float[] out, int at) {
    FloatVector a = FloatVector.fromArray(S, lanes, from), b = FloatVector.fromArray(S, lanes, from + L);
    FloatVector c = FloatVector.fromArray(S, lanes, from + 2 * L), d = FloatVector.fromArray(S, lanes, from + 3 * L);
    FloatVector ab = a.blend(b, UPPER_HALF).add(b.blend(a, UPPER_HALF).rearrange(SWAP_HALVES));
    FloatVector cd = c.blend(d, UPPER_HALF).add(d.blend(c, UPPER_HALF).rearrange(SWAP_HALVES));
    // quarters: a, c, b, d
    FloatVector v = ab.blend(cd, ODD_QUARTERS).add(cd.blend(ab, ODD_QUARTERS).rearrange(SWAP_QUARTERS));
    if (L >= 8) v = v.add(v.rearrange(SWAP_EIGHTHS));
    if (L >= 16) v = v.add(v.rearrange(SWAP_SIXTEENTHS));
    out[at] = v.lane(0);
    out[at + 1] = v.lane(L / 2);
    out[at + 2] = v.lane(L / 4);
    out[at + 3] = v.lane(3 * L / 4);
  }

  /**
   * The lane sums of 16 vectors of 16 lanes stored one after the other from lanes[from]:
   * out[at + p] = the sum of vector {@code reversed(p)} (p's four bits reversed), the same
   * bits as {@link #sum} of each. Each step of the tree pairs vectors, so 16 sums take 15
   * swaps, where {@link #sum4} four times takes 20 and a lane extraction per sum. Only for
   * 16 lanes ({@code L == 16}); GemmDot's 4×4 blocks use it at 512 bits.
   */
  static void sum16(float[] lanes, int from, float[] out, int at) {
    // No helper methods: one that takes or returns vectors, if C2 does not inline it, boxes them.
    FloatVector a0 = FloatVector.fromArray(S, lanes, from);
    FloatVector a1 = FloatVector.fromArray(S, lanes, from + 1 * L);
    FloatVector t0 = a0.blend(a1, UPPER_HALF).add(a1.blend(a0, UPPER_HALF).rearrange(SWAP_HALVES));
    FloatVector a2 = FloatVector.fromArray(S, lanes, from + 2 * L);
    FloatVector a3 = FloatVector.fromArray(S, lanes, from + 3 * L);
    FloatVector t1 = a2.blend(a3, UPPER_HALF).add(a3.blend(a2, UPPER_HALF).rearrange(SWAP_HALVES));
    FloatVector a4 = FloatVector.fromArray(S, lanes, from + 4 * L);
    FloatVector a5 = FloatVector.fromArray(S, lanes, from + 5 * L);
    FloatVector t2 = a4.blend(a5, UPPER_HALF).add(a5.blend(a4, UPPER_HALF).rearrange(SWAP_HALVES));
    FloatVector a6 = FloatVector.fromArray(S, lanes, from + 6 * L);
    FloatVector a7 = FloatVector.fromArray(S, lanes, from + 7 * L);
    FloatVector t3 = a6.blend(a7, UPPER_HALF).add(a7.blend(a6, UPPER_HALF).rearrange(SWAP_HALVES));
    FloatVector a8 = FloatVector.fromArray(S, lanes, from + 8 * L);
    FloatVector a9 = FloatVector.fromArray(S, lanes, from + 9 * L);
    FloatVector t4 = a8.blend(a9, UPPER_HALF).add(a9.blend(a8, UPPER_HALF).rearrange(SWAP_HALVES));
    FloatVector a10 = FloatVector.fromArray(S, lanes, from + 10 * L);
    FloatVector a11 = FloatVector.fromArray(S, lanes, from + 11 * L);
    FloatVector t5 = a10.blend(a11, UPPER_HALF).add(a11.blend(a10, UPPER_HALF).rearrange(SWAP_HALVES));
    FloatVector a12 = FloatVector.fromArray(S, lanes, from + 12 * L);
    FloatVector a13 = FloatVector.fromArray(S, lanes, from + 13 * L);
    FloatVector t6 = a12.blend(a13, UPPER_HALF).add(a13.blend(a12, UPPER_HALF).rearrange(SWAP_HALVES));
    FloatVector a14 = FloatVector.fromArray(S, lanes, from + 14 * L);
    FloatVector a15 = FloatVector.fromArray(S, lanes, from + 15 * L);
    FloatVector t7 = a14.blend(a15, UPPER_HALF).add(a15.blend(a14, UPPER_HALF).rearrange(SWAP_HALVES));
    FloatVector u0 = t0.blend(t1, ODD_QUARTERS).add(t1.blend(t0, ODD_QUARTERS).rearrange(SWAP_QUARTERS));
    FloatVector u1 = t2.blend(t3, ODD_QUARTERS).add(t3.blend(t2, ODD_QUARTERS).rearrange(SWAP_QUARTERS));
    FloatVector u2 = t4.blend(t5, ODD_QUARTERS).add(t5.blend(t4, ODD_QUARTERS).rearrange(SWAP_QUARTERS));
    FloatVector u3 = t6.blend(t7, ODD_QUARTERS).add(t7.blend(t6, ODD_QUARTERS).rearrange(SWAP_QUARTERS));
    FloatVector w0 = u0.blend(u1, ODD_EIGHTHS).add(u1.blend(u0, ODD_EIGHTHS).rearrange(SWAP_EIGHTHS));
    FloatVector w1 = u2.blend(u3, ODD_EIGHTHS).add(u3.blend(u2, ODD_EIGHTHS).rearrange(SWAP_EIGHTHS));
    w0.blend(w1, ODD_SIXTEENTHS)
        .add(w1.blend(w0, ODD_SIXTEENTHS).rearrange(SWAP_SIXTEENTHS)).intoArray(out, at);
  }
}
