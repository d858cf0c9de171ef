package org.tdsl.tensor.kernels;

/**
 * Elementwise functions of one float; the scalar definition is the reference for the vector
 * one, and for exp, log, tanh and sigmoid the same bits ({@link Exp}, {@link Log}, {@link Tanh}), so a result never depends on
 * whether an element took the vector loop or its scalar tail.
 */
public enum UnaryOp {
  NEG, ABS, EXP, LOG, LOG2, LOG1P, EXPM1, SQRT, RSQRT, SIN, COS, TAN, TANH, SIGMOID, RELU,
  SIGN, FLOOR, CEIL, ROUND, RECIPROCAL, SQUARE, GELU, SOFTPLUS;

  public float apply(float x) {
    return switch (this) {
      case NEG -> -x;
      case ABS -> Math.abs(x);
      case EXP -> Exp.scalar(x);
      case LOG -> Log.scalar(x);
      case LOG2 -> (float) (Math.log(x) / Math.log(2));
      case LOG1P -> (float) Math.log1p(x);
      case EXPM1 -> (float) Math.expm1(x);
      case SQRT -> (float) Math.sqrt(x);
      case RSQRT -> (float) (1 / Math.sqrt(x));
      case SIN -> (float) Math.sin(x);
      case COS -> (float) Math.cos(x);
      case TAN -> (float) Math.tan(x);
      case TANH -> Tanh.scalar(x);
      case SIGMOID -> Exp.sigmoid(x);
      case RELU -> x > 0 ? x : (Float.isNaN(x) ? x : 0f);
      case SIGN -> Math.signum(x);
      case FLOOR -> (float) Math.floor(x);
      case CEIL -> (float) Math.ceil(x);
      case ROUND -> (float) Math.rint(x);
      case RECIPROCAL -> 1 / x;
      case SQUARE -> x * x;
      case GELU -> (float) (0.5 * x * (1 + erf(x / Math.sqrt(2))));
      case SOFTPLUS -> x > 20 ? x : (float) Math.log1p(Math.exp(x));
    };
  }

  /** Whether the op keeps integer inputs integer (the others promote int64/bool to float32). */
  public boolean keepsIntegers() {
    return switch (this) {
      case NEG, ABS, SIGN, FLOOR, CEIL, ROUND, SQUARE, RELU -> true;
      default -> false;
    };
  }

  public long apply(long x) {
    return switch (this) {
      case NEG -> -x;
      case ABS -> Math.abs(x);
      case SIGN -> Long.signum(x);
      case SQUARE -> x * x;
      case RELU -> Math.max(x, 0);
      default -> x;
    };
  }

  /** The error function, from the Chebyshev fit of erfc (fractional error below 1.2e-7: enough for float32). */
  static double erf(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? 1 - r : r - 1;
  }
}
