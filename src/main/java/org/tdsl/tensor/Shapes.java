package org.tdsl.tensor;

import java.util.Arrays;

/** Shape arithmetic: element counts, contiguous strides, dim wrapping, broadcasting. */
public final class Shapes {
  private Shapes() {}

  /**
   * The element count of a shape; every tensor allocation counts through here, so a negative
   * size is refused here, in PyTorch's words, before any array is sized by it.
   */
  public static int numel(int[] shape) {
    long n = 1;
    for (int s : shape) if (s < 0) throw negativeDimension(s, shape);
    for (int s : shape) {
      n *= s;
      if (n > Integer.MAX_VALUE) return numelTooLarge(shape);
    }
    return (int) n;
  }

  /** A zero dimension makes any shape empty; otherwise the count does not fit an int. */
  private static int numelTooLarge(int[] shape) {
    java.math.BigInteger n = java.math.BigInteger.ONE;
    for (int s : shape) {
      if (s == 0) return 0;
      n = n.multiply(java.math.BigInteger.valueOf(s));
    }
    throw tooLarge(n);
  }

  private static TensorException negativeDimension(int size, int[] shape) {
    return new TensorException("Trying to create tensor with negative dimension " + size + ": " + Arrays.toString(shape));
  }

  /** The error for an element count past what a Java array holds. */
  static TensorException tooLarge(Object elements) {
    return new TensorException("tensor of " + elements + " elements is too large: a tensor holds at most "
        + Integer.MAX_VALUE + " elements");
  }

  public static int[] contiguousStrides(int[] shape) {
    int[] st = new int[shape.length];
    int acc = 1;
    for (int d = shape.length - 1; d >= 0; d--) { st[d] = acc; acc *= Math.max(shape[d], 1); }
    return st;
  }

  /** Wraps a possibly negative dim, with PyTorch's error. A 0-d tensor accepts -1 and 0. */
  public static int wrapDim(int dim, int ndim) {
    int n = Math.max(ndim, 1);
    if (dim < -n || dim >= n) {
      throw new TensorException("Dimension out of range (expected to be in range of [" + (-n) + ", " + (n - 1)
          + "], but got " + dim + ")");
    }
    return dim < 0 ? dim + n : dim;
  }

  /** PyTorch's text for a shape: {@code [2, 3]}. */
  public static String str(int[] shape) {
    return Arrays.toString(shape);
  }

  /** The broadcast shape of two shapes, or PyTorch's error naming tensors a and b. */
  public static int[] broadcast(int[] a, int[] b) {
    int n = Math.max(a.length, b.length);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int da = i - (n - a.length), db = i - (n - b.length);
      int sa = da >= 0 ? a[da] : 1, sb = db >= 0 ? b[db] : 1;
      if (sa != sb && sa != 1 && sb != 1) {
        throw new TensorException("The size of tensor a (" + sa + ") must match the size of tensor b (" + sb
            + ") at non-singleton dimension " + i);
      }
      out[i] = sa == 1 ? sb : sa;
    }
    return out;
  }

  /** Strides for viewing a tensor of (shape, strides) as newShape without copying, or null. ATen's computeStride. */
  static int[] viewStrides(int[] oldShape, int[] oldStrides, int[] newShape) {
    if (oldShape.length == 0 || numel(oldShape) == 0) return contiguousStrides(newShape);
    int[] ns = new int[newShape.length];
    int viewD = newShape.length - 1;
    int chunkBase = oldStrides[oldStrides.length - 1];
    int tensorNumel = 1, viewNumel = 1;
    for (int td = oldShape.length - 1; td >= 0; td--) {
      tensorNumel *= oldShape[td];
      if (td == 0 || (oldShape[td - 1] != 1 && oldStrides[td - 1] != tensorNumel * chunkBase)) {
        while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
          ns[viewD] = viewNumel * chunkBase;
          viewNumel *= newShape[viewD];
          viewD--;
        }
        if (viewNumel != tensorNumel) return null;
        if (td > 0) { chunkBase = oldStrides[td - 1]; tensorNumel = 1; viewNumel = 1; }
      }
    }
    return viewD == -1 ? ns : null;
  }

  /** Replaces one -1 in a requested shape by the size that makes the element count numel. */
  public static int[] inferSize(int[] shape, int numel) {
    int[] out = shape.clone();
    int infer = -1, known = 1;
    for (int i = 0; i < out.length; i++) {
      if (out[i] == -1) {
        if (infer >= 0) throw new TensorException("only one dimension can be inferred");
        infer = i;
      } else if (out[i] < 0) {
        throw new TensorException("invalid shape dimension " + out[i]);
      } else {
        known *= out[i];
      }
    }
    if (infer >= 0 && known != 0 && numel % known == 0) out[infer] = numel / known;
    else if (infer >= 0 || known != numel) {
      throw new TensorException("shape '" + str(shape) + "' is invalid for input of size " + numel);
    }
    return out;
  }
}
