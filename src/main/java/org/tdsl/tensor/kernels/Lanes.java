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
  private static final VectorShuffle<Float> SWAP_HALVES = swap(L / 2);
  private static final VectorShuffle<Float> SWAP_QUARTERS = swap(L / 4);
  private static final VectorShuffle<Float> SWAP_EIGHTHS = swap(L / 8);
  private static final VectorShuffle<Float> SWAP_SIXTEENTHS = swap(L / 16);
  // The upper half's lanes; the second and fourth quarters' lanes.
  private static final VectorMask<Float> UPPER_HALF = oddBlocks(L / 2);
  private static final VectorMask<Float> ODD_QUARTERS = oddBlocks(L / 4);

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
}
