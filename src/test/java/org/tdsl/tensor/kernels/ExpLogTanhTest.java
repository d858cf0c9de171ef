package org.tdsl.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/**
 * exp, log and tanh of our own ({@link Exp}, {@link Log}, {@link Tanh}) and the fixed-order
 * lane sum ({@link Lanes}): close to Math, the row kernels' vector loops giving the same bits
 * as the scalar, and the lane sum in its documented order. Run at every vector width by
 * GemmWidthsTest; at width 0 only the scalar halves apply.
 */
class ExpLogTanhTest {
  private static final VectorSpecies<Float> S = VectorWidth.SPECIES;
  /** Every 65521st float bit pattern: ~65 K values over the whole range, signs and subnormals included. */
  private static final int STEP = 65521;

  @Test
  void sixteenLaneSumsAtOnceGiveTheBitsOfSixteenSingleOnes() {
    if (S == null || S.length() != 16) return;  // sum16 serves 512-bit vectors only
    float[] v = new float[16 * 16], sums = new float[16];
    java.util.Random random = new java.util.Random(13);
    for (int trial = 0; trial < 300; trial++) {
      for (int i = 0; i < v.length; i++) v[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
      Lanes.sum16(v, 0, sums, 0);
      for (int q = 0; q < 16; q++) {
        int lane = Integer.reverse(q) >>> 28;  // q's four bits reversed
        assertEquals(Lanes.sum(FloatVector.fromArray(S, v, q * 16)), sums[lane], "vector " + q);
      }
    }
  }

  /** A row kernel: out[i] = f(x[i]) over the whole array. */
  private interface Row {
    void apply(float[] x, float[] out);
  }

  private static final Row EXP = (x, out) -> Exp.row(x, 0, 0f, out, 0, x.length);
  private static final Row SIGMOID = (x, out) -> Exp.sigmoidRow(x, 0, out, 0, x.length);
  private static final Row LOG = (x, out) -> Log.row(x, 0, out, 0, x.length);
  private static final Row TANH = (x, out) -> Tanh.row(x, 0, out, 0, x.length);

  @Test
  void expIsWithinOneUlpOfMathAndTheVectorMatchesTheScalar() {
    check("exp", Exp::scalar, EXP, Math::exp, 1);
  }

  @Test
  void logIsWithinOneUlpOfMathAndTheVectorMatchesTheScalar() {
    check("log", Log::scalar, LOG, Math::log, 1);
  }

  @Test
  void tanhIsWithinTwoUlpsOfMathAndTheVectorMatchesTheScalar() {
    check("tanh", Tanh::scalar, TANH, Math::tanh, 2);
  }

  @Test
  void sigmoidIsWithinTwoUlpsOfItsDefinitionAndTheVectorMatchesTheScalar() {
    check("sigmoid", Exp::sigmoid, SIGMOID, x -> 1 / (1 + Math.exp(-x)), 2);
  }

  @Test
  void theExpRowReturnsTheSumOfWhatItWrote() {
    float[] x = new float[100], out = new float[100];
    for (int i = 0; i < x.length; i++) x[i] = i * 0.01f;
    float sum = Exp.row(x, 0, 0.5f, out, 0, x.length);
    double want = 0;
    for (int i = 0; i < x.length; i++) {
      assertEquals(Exp.scalar(x[i] - 0.5f), out[i], "exp(x - shift)");
      want += out[i];
    }
    assertEquals(want, sum, 1e-4);
  }

  @Test
  void specialValuesAreMathsOnes() {
    float[] specials = {0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.MIN_VALUE,
        -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, 88.72f, 88.73f, -103.9f, -104.5f, 1f, 9.1f, -9.1f};
    for (float x : specials) {
      assertEquals((float) Math.exp(x), Exp.scalar(x), "exp(" + x + ")");
      assertEquals((float) Math.log(x), Log.scalar(x), "log(" + x + ")");
      assertEquals((float) Math.tanh(x), Tanh.scalar(x), "tanh(" + x + ")");
    }
    float[] many = new float[4 * specials.length];  // enough to fill whole vectors at any width
    for (int i = 0; i < many.length; i++) many[i] = specials[i % specials.length];
    checkRow("exp", Exp::scalar, EXP, many);
    checkRow("log", Log::scalar, LOG, many);
    checkRow("tanh", Tanh::scalar, TANH, many);
    checkRow("sigmoid", Exp::sigmoid, SIGMOID, many);
  }

  @Test
  void lanesAreSummedInAFixedTree() {
    if (S == null) return;
    int l = S.length();
    float[] v = new float[l];
    java.util.Random random = new java.util.Random(11);
    for (int trial = 0; trial < 1000; trial++) {
      for (int i = 0; i < l; i++) v[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
      float[] tree = v.clone();
      for (int width = l / 2; width >= 1; width /= 2) {
        for (int i = 0; i < width; i++) tree[i] = tree[i] + tree[i + width];
      }
      assertEquals(Float.floatToIntBits(tree[0]), Float.floatToIntBits(Lanes.sum(FloatVector.fromArray(S, v, 0))),
          "lane sum of " + java.util.Arrays.toString(v));
    }
  }

  @Test
  void fourLaneSumsAtOnceGiveTheBitsOfFourSingleOnes() {
    if (S == null) return;
    int l = S.length();
    float[] v = new float[4 * l], sums = new float[4];
    java.util.Random random = new java.util.Random(12);
    for (int trial = 0; trial < 1000; trial++) {
      for (int i = 0; i < v.length; i++) v[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
      FloatVector a = FloatVector.fromArray(S, v, 0), b = FloatVector.fromArray(S, v, l);
      FloatVector c = FloatVector.fromArray(S, v, 2 * l), d = FloatVector.fromArray(S, v, 3 * l);
      Lanes.sum4(v, 0, sums, 0);
      assertEquals(java.util.List.of(Lanes.sum(a), Lanes.sum(b), Lanes.sum(c), Lanes.sum(d)),
          java.util.List.of(sums[0], sums[1], sums[2], sums[3]));
    }
  }

  private static void check(String name, UnaryOperator<Float> scalar, Row row,
                            DoubleUnaryOperator reference, int ulps) {
    float[] xs = new float[(int) ((1L << 32) / STEP) + 1];
    int count = 0;
    for (long bits = 0; bits < 1L << 32; bits += STEP) xs[count++] = Float.intBitsToFloat((int) bits);
    int worst = 0;
    float worstAt = 0;
    for (int i = 0; i < count; i++) {
      float x = xs[i], got = scalar.apply(x), want = (float) reference.applyAsDouble(x);
      if (Float.isNaN(want)) {
        assertTrue(Float.isNaN(got), name + "(" + x + ") = " + got + ", not NaN");
        continue;
      }
      assertEquals(Math.signum(want), Math.signum(got), name + "(" + x + ") = " + got + " against " + want);
      int off = Math.abs(Float.floatToIntBits(got) - Float.floatToIntBits(want));
      if (off > worst) {
        worst = off;
        worstAt = x;
      }
    }
    assertTrue(worst <= ulps, name + " is " + worst + " ulps off at " + worstAt);
    checkRow(name, scalar, row, java.util.Arrays.copyOf(xs, count));
  }

  /** The row kernel (its vector loop, and its scalar tail) gives the scalar's bits for every element. */
  private static void checkRow(String name, UnaryOperator<Float> scalar, Row row, float[] xs) {
    float[] out = new float[xs.length];
    row.apply(xs, out);
    for (int i = 0; i < xs.length; i++) {
      assertEquals(Float.floatToIntBits(scalar.apply(xs[i])), Float.floatToIntBits(out[i]),
          name + "(" + xs[i] + "): row " + out[i] + ", scalar " + scalar.apply(xs[i]));
    }
  }
}
