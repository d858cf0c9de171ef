package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Reductions of one contiguous float32 row: sum, max, min (NaN propagates, as in PyTorch). */
public final class Reduce {
  private Reduce() {}

  public static float sum(float[] x, int off, int n) { return sum(Vectors.SPECIES, x, off, n); }
  public static float max(float[] x, int off, int n) { return max(Vectors.SPECIES, x, off, n); }
  public static float min(float[] x, int off, int n) { return min(Vectors.SPECIES, x, off, n); }

  static float sum(VectorSpecies<Float> s, float[] x, int off, int n) {
    int i = 0;
    float acc = 0;
    if (s != null && n >= s.length()) {
      FloatVector v = FloatVector.zero(s);
      int bound = s.loopBound(n);
      for (; i < bound; i += s.length()) v = v.add(FloatVector.fromArray(s, x, off + i));
      acc = v.reduceLanes(VectorOperators.ADD);
    }
    for (; i < n; i++) acc += x[off + i];
    return acc;
  }

  static float max(VectorSpecies<Float> s, float[] x, int off, int n) {
    int i = 0;
    float acc = Float.NEGATIVE_INFINITY;
    if (s != null && n >= s.length()) {
      FloatVector v = FloatVector.broadcast(s, Float.NEGATIVE_INFINITY);
      int bound = s.loopBound(n);
      for (; i < bound; i += s.length()) v = v.max(FloatVector.fromArray(s, x, off + i));
      acc = v.reduceLanes(VectorOperators.MAX);
    }
    for (; i < n; i++) acc = Math.max(acc, x[off + i]);
    return acc;
  }

  static float min(VectorSpecies<Float> s, float[] x, int off, int n) {
    int i = 0;
    float acc = Float.POSITIVE_INFINITY;
    if (s != null && n >= s.length()) {
      FloatVector v = FloatVector.broadcast(s, Float.POSITIVE_INFINITY);
      int bound = s.loopBound(n);
      for (; i < bound; i += s.length()) v = v.min(FloatVector.fromArray(s, x, off + i));
      acc = v.reduceLanes(VectorOperators.MIN);
    }
    for (; i < n; i++) acc = Math.min(acc, x[off + i]);
    return acc;
  }
}
