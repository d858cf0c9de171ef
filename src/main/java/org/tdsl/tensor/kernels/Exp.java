package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * exp of float32, as a vector and as a scalar that give the same bits lane for lane.
 *
 * <p>Why not {@code lanewise(VectorOperators.EXP)}: its Java fallback (interpreter, C1)
 * calls {@code Math.exp} per lane, and C2 calls the SVML library, which rounds ~1% of the
 * results differently. Softmax and log_softmax then changed their last bits when compiled,
 * and so did a seeded training run (issue 11). This is made of adds, multiplies, FMAs and
 * integer moves only, all exact in every tier, so a result depends on its input alone, not
 * on the JIT, the vector width or whether an element fell in a loop's scalar tail.
 *
 * <p>The method is Cephes' expf: x = n·ln2 + r with |r| ≤ ln2/2, e^r by a degree-7
 * polynomial (1 + r + r²·P(r)), then 2^n in two factors so that results between 2^-149 and
 * 2^-126 come out as subnormals and large x overflows to infinity. Within 2 ulps of the
 * correctly rounded result (ExpLogTanhTest); below x = -104 the result is 0, above 89 infinity.
 */
final class Exp {
  private Exp() {}

  private static final float LOG2E = 1.44269504088896341f;
  private static final float LN2_HI = 0.693359375f, LN2_LO = -2.12194440e-4f;  // ln2 = HI + LO
  // 1.5·2^23: adding it rounds a float below 2^22 in magnitude to an integer, kept in its low bits.
  private static final float ROUNDER = 12582912f;
  private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
  private static final float P0 = 1.9875691500e-4f, P1 = 1.3981999507e-3f, P2 = 8.3334519073e-3f;
  private static final float P3 = 4.1665795894e-2f, P4 = 1.6666665459e-1f, P5 = 5.0000001201e-1f;
  private static final float LOWEST = -104f, HIGHEST = 89f;  // beyond: 0 and infinity exactly

  /** e^x per lane. NaN stays NaN. */
  static FloatVector vector(FloatVector x) {
    x = x.max(LOWEST).min(HIGHEST);
    FloatVector t = x.fma(LOG2E, ROUNDER);
    FloatVector n = t.sub(ROUNDER);
    IntVector ni = t.reinterpretAsInts().sub(ROUNDER_BITS);
    FloatVector r = n.fma(x.broadcast(-LN2_HI), x);
    r = n.fma(x.broadcast(-LN2_LO), r);
    FloatVector p = r.fma(P0, P1);
    p = p.fma(r, x.broadcast(P2));
    p = p.fma(r, x.broadcast(P3));
    p = p.fma(r, x.broadcast(P4));
    p = p.fma(r, x.broadcast(P5));
    FloatVector e = p.fma(r.mul(r), r).add(1f);
    IntVector half = ni.lanewise(VectorOperators.ASHR, 1);
    FloatVector s1 = half.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    FloatVector s2 = ni.sub(half).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    return e.mul(s1).mul(s2);
  }

  /** e^x, the same bits as a lane of {@link #vector}. */
  static float scalar(float x) {
    x = Math.min(Math.max(x, LOWEST), HIGHEST);
    float t = Math.fma(x, LOG2E, ROUNDER);
    float n = t - ROUNDER;
    int ni = Float.floatToRawIntBits(t) - ROUNDER_BITS;
    float r = Math.fma(n, -LN2_HI, x);
    r = Math.fma(n, -LN2_LO, r);
    float p = Math.fma(r, P0, P1);
    p = Math.fma(p, r, P2);
    p = Math.fma(p, r, P3);
    p = Math.fma(p, r, P4);
    p = Math.fma(p, r, P5);
    float e = Math.fma(p, r * r, r) + 1f;
    int half = ni >> 1;
    float s1 = Float.intBitsToFloat((half + 127) << 23);
    float s2 = Float.intBitsToFloat((ni - half + 127) << 23);
    return e * s1 * s2;
  }
}
