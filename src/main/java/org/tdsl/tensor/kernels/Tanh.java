package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * tanh of float32, as a vector and as a scalar that give the same bits lane for lane. Not
 * {@code lanewise(VectorOperators.TANH)}, for the reason given in {@link Exp}: its results
 * change when C2 compiles it.
 *
 * <p>The method is Cephes' tanhf: below |x| = 0.625 an odd polynomial, x + x·s·P(s) with
 * s = x²; above, 1 − 2 / (e^(2|x|) + 1) with {@link Exp}, its sign restored. Within 2 ulps of
 * the correctly rounded result (ExpLogTanhTest); ±1 from |x| ≈ 9 on, NaN stays NaN, −0 stays −0.
 */
final class Tanh {
  private Tanh() {}

  private static final float SMALL = 0.625f;
  private static final float P0 = -5.70498872745e-3f, P1 = 2.06390887954e-2f, P2 = -5.37397155531e-2f;
  private static final float P3 = 1.33314422036e-1f, P4 = -3.33332819422e-1f;

  /** tanh(x) per lane. */
  static FloatVector vector(FloatVector x) {
    FloatVector z = x.abs();
    FloatVector big = x.broadcast(1f).sub(x.broadcast(2f).div(Exp.vector(z.add(z)).add(1f)));
    big = big.blend(big.neg(), x.compare(VectorOperators.LT, 0f));
    FloatVector s = x.mul(x);
    FloatVector p = s.fma(P0, P1);
    p = p.fma(s, x.broadcast(P2));
    p = p.fma(s, x.broadcast(P3));
    p = p.fma(s, x.broadcast(P4));
    FloatVector small = p.mul(s).fma(x, x);
    VectorMask<Float> isSmall = z.compare(VectorOperators.LT, SMALL);
    return big.blend(small, isSmall).blend(x, x.compare(VectorOperators.EQ, 0f));  // keeps −0
  }

  /** tanh(x), the same bits as a lane of {@link #vector}. */
  static float scalar(float x) {
    float z = Math.abs(x);
    if (x == 0) return x;  // keeps −0
    if (z < SMALL) {
      float s = x * x;
      float p = Math.fma(s, P0, P1);
      p = Math.fma(p, s, P2);
      p = Math.fma(p, s, P3);
      p = Math.fma(p, s, P4);
      return Math.fma(p * s, x, x);
    }
    float big = 1f - 2f / (Exp.scalar(z + z) + 1f);
    return x < 0 ? -big : big;
  }
}
