package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * tanh of float32 rows, where the vector loop and the scalar give the same bits element for
 * element. Not {@code lanewise(VectorOperators.TANH)}, for the reason given in {@link Exp}:
 * its results change when C2 compiles it.
 *
 * <p>The method is Cephes' tanhf: below |x| = 0.625 an odd polynomial, x + x·s·P(s) with
 * s = x²; above, 1 − 2 / (e^(2|x|) + 1) with Exp's code, its sign restored. Within 2 ulps of
 * Math.tanh (ExpLogTanhTest); ±1 from |x| ≈ 9 on, NaN stays NaN, −0 stays −0.
 */
final class Tanh {
  private Tanh() {}

  private static final VectorSpecies<Float> S = VectorWidth.SPECIES;

  private static final float SMALL = 0.625f;
  private static final float P0 = -5.70498872745e-3f, P1 = 2.06390887954e-2f, P2 = -5.37397155531e-2f;
  private static final float P3 = 1.33314422036e-1f, P4 = -3.33332819422e-1f;

  /** out[i] = tanh(x[i]) for i in [0, n). (The vector code is written out here: see {@link Exp}.) */
  static void row(float[] x, int xOff, float[] out, int outOff, int n) {
    int i = 0;
    if (S != null && n >= S.length()) {
      for (int bound = S.loopBound(n); i < bound; i += S.length()) {
        FloatVector x0 = FloatVector.fromArray(S, x, xOff + i), z = x0.abs();
        FloatVector v = z.add(z);
        // e^v, as Exp.scalar computes it
        v = v.max(Exp.LOWEST).min(Exp.HIGHEST);
        FloatVector t = v.fma(Exp.LOG2E, Exp.ROUNDER), k = t.sub(Exp.ROUNDER);
        IntVector ki = t.reinterpretAsInts().sub(Exp.ROUNDER_BITS), half = ki.lanewise(VectorOperators.ASHR, 1);
        FloatVector r = k.fma(v.broadcast(-Exp.LN2_HI), v);
        r = k.fma(v.broadcast(-Exp.LN2_LO), r);
        FloatVector p = r.fma(Exp.P0, Exp.P1).fma(r, v.broadcast(Exp.P2)).fma(r, v.broadcast(Exp.P3))
            .fma(r, v.broadcast(Exp.P4)).fma(r, v.broadcast(Exp.P5));
        FloatVector e = p.fma(r.mul(r), r).add(1f)
            .mul(half.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats())
            .mul(ki.sub(half).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
        FloatVector big = v.broadcast(1f).sub(v.broadcast(2f).div(e.add(1f)));
        big = big.blend(big.neg(), x0.compare(VectorOperators.LT, 0f));
        FloatVector s = x0.mul(x0);
        FloatVector q = s.fma(P0, P1).fma(s, v.broadcast(P2)).fma(s, v.broadcast(P3)).fma(s, v.broadcast(P4));
        FloatVector small = q.mul(s).fma(x0, x0);
        big.blend(small, z.compare(VectorOperators.LT, SMALL))
            .blend(x0, x0.compare(VectorOperators.EQ, 0f))  // keeps −0
            .intoArray(out, outOff + i);
      }
    }
    for (; i < n; i++) out[outOff + i] = scalar(x[xOff + i]);
  }

  /** tanh(x); {@link #row}'s vector loop computes the same bits. */
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
