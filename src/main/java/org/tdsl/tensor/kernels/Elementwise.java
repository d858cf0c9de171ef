package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Elementwise float32 loops over one row: inputs with any stride (1 and 0 take the vector
 * path), output contiguous. The tensor layer walks the rows of an N-d iteration and calls these.
 */
public final class Elementwise {
  private Elementwise() {}

  /** The one species, a constant so the JIT compiles every vector op to instructions. */
  private static final VectorSpecies<Float> S = VectorWidth.SPECIES;

  public static void unary(UnaryOp op, float[] x, int xOff, int xStride,
                    float[] out, int outOff, int n) {
    if (xStride == 1) {  // the transcendentals' rows: see Exp for why they are not un()'s
      switch (op) {
        case EXP -> { Exp.row(x, xOff, 0f, out, outOff, n); return; }
        case SIGMOID -> { Exp.sigmoidRow(x, xOff, out, outOff, n); return; }
        case LOG -> { Log.row(x, xOff, out, outOff, n); return; }
        case TANH -> { Tanh.row(x, xOff, out, outOff, n); return; }
        default -> { }
      }
    }
    int i = 0;
    if (S != null && xStride == 1 && hasVector(op)) {
      int bound = S.loopBound(n);
      for (; i < bound; i += S.length()) {
        un(op, FloatVector.fromArray(S, x, xOff + i)).intoArray(out, outOff + i);
      }
    }
    for (; i < n; i++) out[outOff + i] = op.apply(x[xOff + i * xStride]);
  }

  /**
   * Ops with a vector form here: exact lane operations only. exp, sigmoid, log and tanh have
   * their own row loops ({@link Exp}, {@link Log}, {@link Tanh}); the Vector API's
   * transcendentals call Math per lane in the interpreter and C1 but the SVML library once C2
   * compiles them, which rounds some results differently, so a result would depend on the
   * JIT's progress (issue 11). The rest (log1p, expm1, sin, cos, tan) take the scalar loop,
   * Math, which every tier computes alike.
   */
  static boolean hasVector(UnaryOp op) {
    return switch (op) {
      case NEG, ABS, SQRT, RSQRT, RELU, RECIPROCAL, SQUARE -> true;
      default -> false;
    };
  }

  private static FloatVector un(UnaryOp op, FloatVector v) {
    return switch (op) {
      case NEG -> v.neg();
      case ABS -> v.abs();
      case SQRT -> v.sqrt();
      case RSQRT -> v.broadcast(1f).div(v.sqrt());
      case RELU -> v.max(0f);
      case RECIPROCAL -> v.broadcast(1f).div(v);
      case SQUARE -> v.mul(v);
      default -> throw new IllegalStateException(op.name());
    };
  }

  static boolean hasVector(BinaryOp op) {
    return switch (op) {
      case ADD, SUB, MUL, DIV, MAXIMUM, MINIMUM, RELU_BACKWARD -> true;
      default -> false;
    };
  }

  private static FloatVector bin(BinaryOp op, FloatVector a, FloatVector b) {
    return switch (op) {
      case ADD -> a.add(b);
      case SUB -> a.sub(b);
      case MUL -> a.mul(b);
      case DIV -> a.div(b);
      case MAXIMUM -> a.max(b);
      case MINIMUM -> a.min(b);
      case RELU_BACKWARD -> a.blend(0f, b.compare(VectorOperators.LE, 0f));
      default -> throw new IllegalStateException(op.name());
    };
  }

  public static void binary(BinaryOp op, float[] a, int aOff, int aStride,
                     float[] b, int bOff, int bStride, float[] out, int outOff, int n) {
    int i = 0;
    if (S != null && n >= S.length() && hasVector(op) && (aStride | bStride) <= 1 && (aStride | bStride) >= 0) {
      int bound = S.loopBound(n);
      int step = S.length();
      if (aStride == 1 && bStride == 1) {
        for (; i < bound; i += step) {
          bin(op, FloatVector.fromArray(S, a, aOff + i), FloatVector.fromArray(S, b, bOff + i))
              .intoArray(out, outOff + i);
        }
      } else if (aStride == 1) {
        FloatVector bv = FloatVector.broadcast(S, b[bOff]);
        for (; i < bound; i += step) bin(op, FloatVector.fromArray(S, a, aOff + i), bv).intoArray(out, outOff + i);
      } else if (bStride == 1) {
        FloatVector av = FloatVector.broadcast(S, a[aOff]);
        for (; i < bound; i += step) bin(op, av, FloatVector.fromArray(S, b, bOff + i)).intoArray(out, outOff + i);
      }
    }
    for (; i < n; i++) out[outOff + i] = op.apply(a[aOff + i * aStride], b[bOff + i * bStride]);
  }

  /** out[i] += x[i]·alpha over one row (gradient accumulation, add_ with alpha). */

  public static void axpy(float alpha, float[] x, int xOff, int xStride,
                   float[] out, int outOff, int n) {
    int i = 0;
    if (S != null && xStride == 1) {
      int bound = S.loopBound(n);
      for (; i < bound; i += S.length()) {
        FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.broadcast(S, alpha), FloatVector.fromArray(S, out, outOff + i))
            .intoArray(out, outOff + i);
      }
    }
    for (; i < n; i++) out[outOff + i] += alpha * x[xOff + i * xStride];
  }

  /** Strided row → contiguous row copy. */
  public static void copy(float[] x, int xOff, int xStride, float[] out, int outOff, int n) {
    if (xStride == 1) { System.arraycopy(x, xOff, out, outOff, n); return; }
    if (xStride == 0) { java.util.Arrays.fill(out, outOff, outOff + n, x[xOff]); return; }
    for (int i = 0; i < n; i++) out[outOff + i] = x[xOff + i * xStride];
  }
}
