package org.tdsl.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Operations that count or locate elements rather than compute with them: nonzero, unique,
 * bincount, histc, one_hot and isclose. None has a gradient (PyTorch's have none either,
 * except histc's, which is not implemented there).
 */
public final class Counting {
  private Counting() {}

  /** The indices of the nonzero elements, one row per element in row-major order: (n, dim). */
  public static Tensor nonzero(Tensor t) {
    int[] shape = t.shape();
    int n = t.numel();
    List<Integer> hits = new ArrayList<>();
    for (int i = 0; i < n; i++) if (t.getDouble(i) != 0) hits.add(i);
    long[] out = new long[Allocations.reserve((long) hits.size() * shape.length)];
    for (int h = 0; h < hits.size(); h++) {
      int flat = hits.get(h);
      for (int d = shape.length - 1; d >= 0; d--) {
        out[h * shape.length + d] = flat % shape[d];
        flat /= shape[d];
      }
    }
    return Tensor.of(out, hits.size(), shape.length);
  }

  /** The distinct values, sorted; with the inverse (input's shape) and the count of each. */
  public static Tensor[] unique(Tensor t) {
    int n = t.numel();
    TreeMap<Double, Integer> slot = new TreeMap<>();
    for (int i = 0; i < n; i++) slot.put(t.getDouble(i), 0);
    int k = 0;
    for (var e : slot.entrySet()) e.setValue(k++);
    double[] values = new double[k];
    for (var e : slot.entrySet()) values[e.getValue()] = e.getKey();
    long[] inverse = new long[n], counts = new long[k];
    for (int i = 0; i < n; i++) {
      int s = slot.get(t.getDouble(i));
      inverse[i] = s;
      counts[s]++;
    }
    return new Tensor[] {fromDoubles(values, t.dtype(), k), Tensor.of(inverse, t.shape()), Tensor.of(counts, k)};
  }

  /** How often each value 0, 1, ... occurs in a vector of non-negative ints (or the sum of their weights). */
  public static Tensor bincount(Tensor t, Tensor weights, int minlength) {
    if (t.dim() != 1 || t.dtype() == DType.FLOAT32) throw new TensorException("bincount only supports 1-d non-negative integral inputs.");
    if (minlength < 0) throw new TensorException("minlength should be >= 0");
    if (weights != null && (weights.dim() != 1 || weights.size(0) != t.size(0))) {
      throw new TensorException("weights should be 1-d and have the same length as input");
    }
    int n = t.numel();
    long max = -1;
    for (int i = 0; i < n; i++) {
      long v = t.getLong(i);
      if (v < 0) throw new TensorException("bincount only supports 1-d non-negative integral inputs.");
      max = Math.max(max, v);
    }
    int bins = (int) Math.max(minlength, max + 1);
    double[] sums = new double[bins];
    for (int i = 0; i < n; i++) sums[(int) t.getLong(i)] += weights == null ? 1 : weights.getDouble(i);
    return fromDoubles(sums, weights == null ? DType.INT64 : DType.FLOAT32, bins);
  }

  /** A histogram of `bins` equal bins over [min, max] (the data's range when min == max); others ignored. */
  public static Tensor histc(Tensor t, int bins, double min, double max) {
    if (t.dtype() != DType.FLOAT32) throw new TensorException("\"histogram_cpu\" not implemented for '" + (t.dtype() == DType.INT64 ? "Long" : "Bool") + "'");
    if (bins <= 0) throw new TensorException("bins must be > 0");
    int n = t.numel();
    if (min == max && n > 0) {
      min = Double.POSITIVE_INFINITY;
      max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) { min = Math.min(min, t.getDouble(i)); max = Math.max(max, t.getDouble(i)); }
    }
    if (min == max) { min -= 1; max += 1; }
    if (min > max) throw new TensorException("max must be larger than min");
    float[] out = new float[bins];
    for (int i = 0; i < n; i++) {
      double x = t.getDouble(i);
      if (x < min || x > max) continue;
      int b = (int) ((x - min) * bins / (max - min));
      out[Math.min(b, bins - 1)]++;
    }
    return Tensor.of(out, bins);
  }

  /** one_hot: int64 classes become rows of numClasses (the largest class + 1 when -1) zeros and a 1. */
  public static Tensor oneHot(Tensor t, int numClasses) {
    if (t.dtype() != DType.INT64) throw new TensorException("one_hot is only applicable to index tensor.");
    int n = t.numel();
    long max = -1;
    for (int i = 0; i < n; i++) {
      long v = t.getLong(i);
      if (v < 0) throw new TensorException("Class values must be non-negative.");
      max = Math.max(max, v);
    }
    if (numClasses == -1) {
      if (n == 0) throw new TensorException("Can not infer total number of classes from empty tensor.");
      numClasses = (int) max + 1;
    } else if (max >= numClasses) {
      throw new TensorException("Class values must be smaller than num_classes.");
    }
    int[] shape = Arrays.copyOf(t.shape(), t.dim() + 1);
    shape[t.dim()] = numClasses;
    long[] out = new long[Allocations.reserve((long) n * numClasses)];
    for (int i = 0; i < n; i++) out[i * numClasses + (int) t.getLong(i)] = 1;
    return Tensor.of(out, shape);
  }

  /** |a - b| <= atol + rtol * |b|, elementwise over the broadcast; nan equals nan only with equalNan. */
  public static Tensor isclose(Tensor a, Tensor b, double rtol, double atol, boolean equalNan) {
    int[] shape = Shapes.broadcast(a.shape(), b.shape());
    Tensor x = a.expand(shape).contiguous(), y = b.expand(shape).contiguous();
    int n = Shapes.numel(shape);
    boolean[] out = new boolean[Allocations.reserve(n)];
    for (int i = 0; i < n; i++) {
      double u = x.getDouble(i), v = y.getDouble(i);
      if (Double.isNaN(u) || Double.isNaN(v)) out[i] = equalNan && Double.isNaN(u) && Double.isNaN(v);
      else out[i] = u == v || Math.abs(u - v) <= atol + rtol * Math.abs(v);
    }
    return Tensor.of(out, shape);
  }

  private static Tensor fromDoubles(double[] v, DType dtype, int n) {
    return switch (dtype) {
      case FLOAT32 -> { float[] f = new float[n]; for (int i = 0; i < n; i++) f[i] = (float) v[i]; yield Tensor.of(f, n); }
      case INT64 -> { long[] l = new long[n]; for (int i = 0; i < n; i++) l[i] = (long) v[i]; yield Tensor.of(l, n); }
      case BOOL -> { boolean[] b = new boolean[n]; for (int i = 0; i < n; i++) b[i] = v[i] != 0; yield Tensor.of(b, n); }
    };
  }
}
