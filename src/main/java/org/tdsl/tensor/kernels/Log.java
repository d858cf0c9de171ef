package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The natural log of float32 rows, where the vector loop and the scalar give the same bits
 * element for element. Not {@code lanewise(VectorOperators.LOG)}, for the reason given in
 * {@link Exp}: its results change when C2 compiles it.
 *
 * <p>The method is Cephes' logf: x = m·2^e with m in [√½, √2), log(1 + f) for f = m − 1 by
 * a polynomial, plus e·ln2 in two parts. Subnormal inputs are scaled by 2^23 first. Within
 * 1 ulp of Math.log (ExpLogTanhTest); log(0) = −∞, log(x < 0) = NaN,
 * log(∞) = ∞, as Math.log.
 */
final class Log {
  private Log() {}

  private static final VectorSpecies<Float> S = VectorWidth.SPECIES;

  private static final float MIN_NORMAL = Float.MIN_NORMAL, TWO_23 = 8388608f;
  private static final float SQRT_HALF = 0.707106781186547524f;
  private static final float LN2_HI = 0.693359375f, LN2_LO = -2.12194440e-4f;  // ln2 = HI + LO
  private static final float Q0 = 7.0376836292e-2f, Q1 = -1.1514610310e-1f, Q2 = 1.1676998740e-1f;
  private static final float Q3 = -1.2420140846e-1f, Q4 = 1.4249322787e-1f, Q5 = -1.6668057665e-1f;
  private static final float Q6 = 2.0000714765e-1f, Q7 = -2.4999993993e-1f, Q8 = 3.3333331174e-1f;

  /** out[i] = log(x[i]) for i in [0, n). (The vector code is written out here: see {@link Exp}.) */
  static void row(float[] x, int xOff, float[] out, int outOff, int n) {
    int i = 0;
    if (S != null && n >= S.length()) {
      for (int bound = S.loopBound(n); i < bound; i += S.length()) {
        FloatVector v = FloatVector.fromArray(S, x, xOff + i);
        VectorMask<Float> subnormal = v.compare(VectorOperators.LT, MIN_NORMAL);
        IntVector bits = v.blend(v.mul(TWO_23), subnormal).reinterpretAsInts();
        FloatVector e = ((FloatVector) bits.lanewise(VectorOperators.LSHR, 23).and(0xff)
            .convert(VectorOperators.I2F, 0)).sub(126f).sub(v.broadcast(0f).blend(23f, subnormal));
        FloatVector m = bits.and(0x807fffff).or(0x3f000000).reinterpretAsFloats();  // in [½, 1)
        VectorMask<Float> low = m.compare(VectorOperators.LT, SQRT_HALF);
        e = e.sub(v.broadcast(0f).blend(1f, low));
        FloatVector f = m.blend(m.add(m), low).sub(1f);
        FloatVector z = f.mul(f);
        FloatVector y = f.fma(Q0, Q1).fma(f, v.broadcast(Q2)).fma(f, v.broadcast(Q3)).fma(f, v.broadcast(Q4))
            .fma(f, v.broadcast(Q5)).fma(f, v.broadcast(Q6)).fma(f, v.broadcast(Q7)).fma(f, v.broadcast(Q8));
        y = y.mul(f).mul(z);
        y = e.fma(v.broadcast(LN2_LO), y);
        y = z.fma(v.broadcast(-0.5f), y);
        FloatVector r = e.fma(v.broadcast(LN2_HI), f.add(y));
        r = r.blend(Float.NEGATIVE_INFINITY, v.compare(VectorOperators.EQ, 0f));
        r = r.blend(Float.NaN, v.compare(VectorOperators.LT, 0f));
        r.blend(v, v.compare(VectorOperators.LT, Float.POSITIVE_INFINITY).not())  // ∞ and NaN
            .intoArray(out, outOff + i);
      }
    }
    for (; i < n; i++) out[outOff + i] = scalar(x[xOff + i]);
  }

  /** log(x); {@link #row}'s vector loop computes the same bits. */
  static float scalar(float x) {
    if (!(x < Float.POSITIVE_INFINITY)) return x;
    if (x < 0) return Float.NaN;
    if (x == 0) return Float.NEGATIVE_INFINITY;
    boolean subnormal = x < MIN_NORMAL;
    int bits = Float.floatToRawIntBits(subnormal ? x * TWO_23 : x);
    float e = (float) ((bits >>> 23) & 0xff) - 126f - (subnormal ? 23f : 0f);
    float m = Float.intBitsToFloat(bits & 0x807fffff | 0x3f000000);
    boolean low = m < SQRT_HALF;
    e = e - (low ? 1f : 0f);
    float f = (low ? m + m : m) - 1f;
    float z = f * f;
    float y = Math.fma(f, Q0, Q1);
    y = Math.fma(y, f, Q2);
    y = Math.fma(y, f, Q3);
    y = Math.fma(y, f, Q4);
    y = Math.fma(y, f, Q5);
    y = Math.fma(y, f, Q6);
    y = Math.fma(y, f, Q7);
    y = Math.fma(y, f, Q8);
    y = y * f * z;
    y = Math.fma(e, LN2_LO, y);
    y = Math.fma(z, -0.5f, y);
    return Math.fma(e, LN2_HI, f + y);
  }
}
