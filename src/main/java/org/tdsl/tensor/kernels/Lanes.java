package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sum of a vector's lanes in one fixed order, whichever tier of the JIT runs it.
 *
 * <p>{@code reduceLanes(ADD)} leaves the order of its additions to the implementation, and
 * HotSpot has two: the Java fallback (interpreter, C1) adds lane after lane, C2's intrinsic
 * adds a tree. A float sum then changed its last bits when its kernel got compiled, and a
 * seeded training run depended on the step at which that happened (issue 11). Here the
 * order is a tree of lanewise adds and lane rotations, each exact, so every tier computes
 * the same bits: lane i is added to lane i + L/2, then i + L/4, ..., and lane 0 is the sum.
 */
final class Lanes {
  private Lanes() {}

  private static final VectorSpecies<Float> S = VectorWidth.SPECIES;
  private static final int L = S == null ? 1 : S.length();
  // Rotations by L/2, L/4, L/8, L/16 lanes (the last two unused below 16 and 8 lanes).
  private static final VectorShuffle<Float> BY_HALF = rotation(L / 2);
  private static final VectorShuffle<Float> BY_QUARTER = rotation(L / 4);
  private static final VectorShuffle<Float> BY_EIGHTH = rotation(L / 8);
  private static final VectorShuffle<Float> BY_SIXTEENTH = rotation(L / 16);

  private static VectorShuffle<Float> rotation(int by) {
    return S == null || by == 0 ? null : S.iotaShuffle(by, 1, true);
  }

  /** The sum of v's lanes, ((v0 + v8) + (v4 + v12)) + ... for 16 lanes: a fixed tree. */
  static float sum(FloatVector v) {
    v = v.add(v.rearrange(BY_HALF));
    if (L >= 4) v = v.add(v.rearrange(BY_QUARTER));
    if (L >= 8) v = v.add(v.rearrange(BY_EIGHTH));
    if (L >= 16) v = v.add(v.rearrange(BY_SIXTEENTH));
    return v.lane(0);
  }
}
