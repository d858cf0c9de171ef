package org.tdsl.tensor.kernels;

/**
 * Elementwise functions of two values, with float and integer definitions.
 *
 * <p>{@code RELU_BACKWARD} is relu's gradient in one pass (PyTorch's threshold_backward):
 * {@code apply(g, y)} is g where the output y is positive, else 0. The composite
 * g·(y &gt; 0) allocated a mask, a float copy of it and the product: a quarter of a
 * training step's allocation.
 */
public enum BinaryOp {
  ADD, SUB, MUL, DIV, FLOOR_DIVIDE, REMAINDER, POW, MAXIMUM, MINIMUM, RELU_BACKWARD,
  EQ, NE, LT, LE, GT, GE, LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR;

  public boolean isComparison() { return ordinal() >= EQ.ordinal() && ordinal() <= GE.ordinal(); }
  public boolean isLogical() { return ordinal() >= LOGICAL_AND.ordinal(); }

  public float apply(float a, float b) {
    return switch (this) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> a / b;
      case FLOOR_DIVIDE -> (float) Math.floor(a / b);
      case REMAINDER -> { float r = a % b; yield (r != 0 && (r < 0) != (b < 0)) ? r + b : r; }
      case POW -> (float) Math.pow(a, b);
      case MAXIMUM -> Float.isNaN(a) || Float.isNaN(b) ? Float.NaN : Math.max(a, b);
      case MINIMUM -> Float.isNaN(a) || Float.isNaN(b) ? Float.NaN : Math.min(a, b);
      case RELU_BACKWARD -> b <= 0 ? 0f : a;
      default -> test(a, b) ? 1f : 0f;
    };
  }

  public boolean test(float a, float b) {
    return switch (this) {
      case EQ -> a == b;
      case NE -> a != b;
      case LT -> a < b;
      case LE -> a <= b;
      case GT -> a > b;
      case GE -> a >= b;
      case LOGICAL_AND -> a != 0 && b != 0;
      case LOGICAL_OR -> a != 0 || b != 0;
      case LOGICAL_XOR -> (a != 0) != (b != 0);
      default -> apply(a, b) != 0;
    };
  }

  public long apply(long a, long b) {
    return switch (this) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV, FLOOR_DIVIDE -> {
        if (b == 0) throw new ArithmeticException("ZeroDivisionError");
        yield Math.floorDiv(a, b);
      }
      case REMAINDER -> {
        if (b == 0) throw new ArithmeticException("ZeroDivisionError");
        yield Math.floorMod(a, b);
      }
      case POW -> {
        long r = 1, base = a;
        for (long e = b; e > 0; e >>= 1) { if ((e & 1) != 0) r *= base; base *= base; }
        yield r;
      }
      case MAXIMUM -> Math.max(a, b);
      case MINIMUM -> Math.min(a, b);
      case RELU_BACKWARD -> b <= 0 ? 0 : a;
      default -> test(a, b) ? 1 : 0;
    };
  }

  public boolean test(long a, long b) {
    return switch (this) {
      case EQ -> a == b;
      case NE -> a != b;
      case LT -> a < b;
      case LE -> a <= b;
      case GT -> a > b;
      case GE -> a >= b;
      case LOGICAL_AND -> a != 0 && b != 0;
      case LOGICAL_OR -> a != 0 || b != 0;
      case LOGICAL_XOR -> (a != 0) != (b != 0);
      default -> apply(a, b) != 0;
    };
  }
}
