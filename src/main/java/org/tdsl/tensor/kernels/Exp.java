package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp (and sigmoid) of float32 rows, where the vector loop and the scalar give the same bits
 * element for element.
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
 * 2^-126 come out as subnormals and large x overflows to infinity. Within 1 ulp of Math.exp
 * (ExpLogTanhTest); below x = -104 the result is 0, above 89 infinity.
 *
 * <p>The vector code is written out inside each loop (here and in {@link Tanh#row}) rather
 * than called as a method taking and returning vectors: C2 inlines
 * such a method only while the caller is small and the call looks hot, and where it does not,
 * every vector is boxed on the heap (GemmDot ran 11–22 times slower that way).
 */
final class Exp {
  private Exp() {}

  private static final VectorSpecies<Float> S = VectorWidth.SPECIES;

  static final float LOG2E = 1.44269504088896341f;
  static final float LN2_HI = 0.693359375f, LN2_LO = -2.12194440e-4f;  // ln2 = HI + LO
  // 1.5·2^23: adding it rounds a float below 2^22 in magnitude to an integer, kept in its low bits.
  static final float ROUNDER = 12582912f;
  static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
  static final float P0 = 1.9875691500e-4f, P1 = 1.3981999507e-3f, P2 = 8.3334519073e-3f;
  static final float P3 = 4.1665795894e-2f, P4 = 1.6666665459e-1f, P5 = 5.0000001201e-1f;
  static final float LOWEST = -104f, HIGHEST = 89f;  // beyond: 0 and infinity exactly

  // What loop() does with each e^(x − shift): the modes below.
  private static final int STORE = 0, SUM = 1, SIGMOID = 2, MINUS_SCALED = 3;

  /**
   * out[i] = e^(x[i] − shift) for i in [0, n); returns their sum, the vector lanes added in
   * {@link Lanes}' tree and then the tail in order.
   */
  static float row(float[] x, int xOff, float shift, float[] out, int outOff, int n) {
    return loop(STORE, x, xOff, shift, null, 0, 0f, out, outOff, n);
  }

  /** The sum of e^(x[i] − shift) over i in [0, n), the same bits as {@link #row}'s. */
  static float sum(float[] x, int xOff, float shift, int n) {
    return loop(SUM, x, xOff, shift, null, 0, 0f, null, 0, n);
  }

  /**
   * out[i] = sigmoid(x[i]) for i in [0, n): 1 / (1 + e^−x) for x ≥ 0 and e^x / (1 + e^x)
   * below, so that e^−x never overflows and sigmoid(−100) is 3.7e-44, not 0.
   */
  static void sigmoidRow(float[] x, int xOff, float[] out, int outOff, int n) {
    loop(SIGMOID, x, xOff, 0f, null, 0, 0f, out, outOff, n);
  }

  /** out[i] = g[i] − e^(x[i])·scale for i in [0, n): log_softmax's backward, from its output x. */
  static void minusScaledRow(float[] g, int gOff, float[] x, int xOff, float scale, float[] out, int outOff, int n) {
    loop(MINUS_SCALED, x, xOff, 0f, g, gOff, scale, out, outOff, n);
  }

  /**
   * The one vector loop over e^(x − shift) (for SIGMOID, e^−|x|), finished per mode. The
   * mode is a branch per vector, not a method per mode, so the code is written once; the
   * branch always goes the same way, which costs next to nothing beside some 25 operations.
   */
  private static float loop(int mode, float[] x, int xOff, float shift, float[] g, int gOff, float scale,
                            float[] out, int outOff, int n) {
    int i = 0;
    float sum = 0;
    if (S != null && n >= S.length()) {
      FloatVector acc = FloatVector.zero(S);
      for (int bound = S.loopBound(n); i < bound; i += S.length()) {
        FloatVector x0 = FloatVector.fromArray(S, x, xOff + i);
        FloatVector v = mode == SIGMOID ? x0.abs().neg() : x0.sub(shift);
        // e^v, as scalar() computes it
        v = v.max(LOWEST).min(HIGHEST);
        FloatVector t = v.fma(LOG2E, ROUNDER), k = t.sub(ROUNDER);
        IntVector ki = t.reinterpretAsInts().sub(ROUNDER_BITS), half = ki.lanewise(VectorOperators.ASHR, 1);
        FloatVector r = k.fma(v.broadcast(-LN2_HI), v);
        r = k.fma(v.broadcast(-LN2_LO), r);
        FloatVector p = r.fma(P0, P1).fma(r, v.broadcast(P2)).fma(r, v.broadcast(P3))
            .fma(r, v.broadcast(P4)).fma(r, v.broadcast(P5));
        FloatVector e = p.fma(r.mul(r), r).add(1f)
            .mul(half.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats())
            .mul(ki.sub(half).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
        if (mode == STORE || mode == SUM) {
          if (mode == STORE) e.intoArray(out, outOff + i);
          acc = acc.add(e);
        } else if (mode == SIGMOID) {
          FloatVector d = e.add(1f);
          v.broadcast(1f).div(d).blend(e.div(d), x0.compare(VectorOperators.LT, 0f)).intoArray(out, outOff + i);
        } else {
          FloatVector.fromArray(S, g, gOff + i).sub(e.mul(scale)).intoArray(out, outOff + i);
        }
      }
      if (mode == STORE || mode == SUM) sum = Lanes.sum(acc);
    }
    if (mode == STORE) {
      for (; i < n; i++) sum += out[outOff + i] = scalar(x[xOff + i] - shift);
    } else if (mode == SUM) {
      for (; i < n; i++) sum += scalar(x[xOff + i] - shift);
    } else if (mode == SIGMOID) {
      for (; i < n; i++) out[outOff + i] = sigmoid(x[xOff + i]);
    } else {
      for (; i < n; i++) out[outOff + i] = g[gOff + i] - scalar(x[xOff + i]) * scale;
    }
    return sum;
  }

  /** e^x; the vector loops above compute the same bits. NaN stays NaN. */
  static float scalar(float x) {
    x = Math.min(Math.max(x, LOWEST), HIGHEST);
    float t = Math.fma(x, LOG2E, ROUNDER);
    float k = t - ROUNDER;
    int ki = Float.floatToRawIntBits(t) - ROUNDER_BITS, half = ki >> 1;
    float r = Math.fma(k, -LN2_HI, x);
    r = Math.fma(k, -LN2_LO, r);
    float p = Math.fma(r, P0, P1);
    p = Math.fma(p, r, P2);
    p = Math.fma(p, r, P3);
    p = Math.fma(p, r, P4);
    p = Math.fma(p, r, P5);
    return (Math.fma(p, r * r, r) + 1f)
        * Float.intBitsToFloat((half + 127) << 23) * Float.intBitsToFloat((ki - half + 127) << 23);
  }

  /** 1 / (1 + e^(−x)), the same bits as {@link #sigmoidRow}. */
  static float sigmoid(float x) {
    float e = scalar(-Math.abs(x)), d = e + 1f;
    return x < 0 ? e / d : 1f / d;
  }
}
