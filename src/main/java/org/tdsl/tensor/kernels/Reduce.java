package org.tdsl.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Reductions of one contiguous float32 row: sum, max, min (NaN propagates, as in PyTorch). */
public final class Reduce {
  private Reduce() {}

  /** The one species, a constant so the JIT compiles every vector op to instructions. */
  private static final VectorSpecies<Float> S = VectorWidth.SPECIES;

  /** From this many elements on, a sum aligns its loads (see {@link #sum}). */
  private static final int ALIGN_MIN = 1024;
  /**
   * From this many elements on, a sum reads its row as four streams (see {@link #sum}).
   * Shorter rows (sum(1) of 4096 × 4096) read as one stream: the prefetcher then follows
   * it from row to row, where four 4 KiB streams per row each had to be found anew (one
   * core: 2.4 → 1.95 ms).
   */
  private static final int STREAMS_MIN = 1 << 16;
  /** Bytes from an array's start to its first element (HotSpot, compressed class pointers). */
  private static final int ARRAY_HEADER = 16;

  /** out[r] = the sum of row r, for rows of n floats from off; rows spread over the threads when many. */
  public static void sumRows(float[] x, int off, int rows, int n, float[] out) {
    long size = (long) rows * n;
    if (rows < Parallel.threads() && size >= (1 << 18)) {  // few long rows: cut each row instead
      for (int r = 0; r < rows; r++) out[r] = sumLong(x, off + r * n, n);
      return;
    }
    int parts = size < (1 << 18) ? 1 : (int) Math.min(rows, 4L * Parallel.threads());
    Parallel.forEach(parts, t -> {
      int from = Parallel.bound(rows, t, parts), to = Parallel.bound(rows, t + 1, parts);
      for (int r = from; r < to; r++) out[r] = sum(x, off + r * n, n);
    });
  }

  /** One long row's sum, its pieces summed on all threads. */
  private static float sumLong(float[] x, int off, int n) {
    int parts = 4 * Parallel.threads();
    float[] partial = new float[parts];
    Parallel.forEach(parts, t -> {
      int from = Parallel.bound(n, t, parts), to = Parallel.bound(n, t + 1, parts);
      partial[t] = sum(x, off + from, to - from);
    });
    float total = 0;
    for (float v : partial) total += v;
    return total;
  }

  /**
   * out[outOff + i] += x[off + r·ld + i] for every row r in [0, rows), i in [0, n), adding
   * the rows in order (the same floats as one axpy per row). Four rows per pass over out:
   * one row at a time stores out once per row, and when ld is a multiple of 1,024 floats
   * each row's loads wait on those stores (their addresses match in the low 12 bits).
   */
  public static void addRows(float[] x, int off, int ld, int rows, float[] out, int outOff, int n) {
    int r = 0;
    if (S != null && n >= S.length()) {
      int l = S.length(), bound = S.loopBound(n);
      for (; r + 4 <= rows; r += 4) {
        int x0 = off + r * ld, x1 = x0 + ld, x2 = x1 + ld, x3 = x2 + ld;
        int i = 0;
        for (; i < bound; i += l) {
          FloatVector acc = FloatVector.fromArray(S, out, outOff + i);
          acc = acc.add(FloatVector.fromArray(S, x, x0 + i));
          acc = acc.add(FloatVector.fromArray(S, x, x1 + i));
          acc = acc.add(FloatVector.fromArray(S, x, x2 + i));
          acc = acc.add(FloatVector.fromArray(S, x, x3 + i));
          acc.intoArray(out, outOff + i);
        }
        for (; i < n; i++) out[outOff + i] = out[outOff + i] + x[x0 + i] + x[x1 + i] + x[x2 + i] + x[x3 + i];
      }
    }
    for (; r < rows; r++) {
      int xr = off + r * ld;
      for (int i = 0; i < n; i++) out[outOff + i] += x[xr + i];
    }
  }

  public static float sum(float[] x, int off, int n) {
    int i = 0;
    float acc = 0;
    if (S != null && n >= S.length()) {
      int l = S.length();
      if (n >= ALIGN_MIN) {
        // Start the vector loads on a vector-size boundary: each load that straddles two
        // cache lines costs a second access (a 64 MiB sum on one core: 2.5 → 1.7 ms). An
        // array's address is not visible from Java, but a large one sits where G1 puts
        // humongous objects, at the start of a region, with its data ARRAY_HEADER bytes in;
        // when that guess is wrong the loads are merely as unaligned as before.
        for (int lead = Math.floorMod(-ARRAY_HEADER / 4 - off, l); i < lead; i++) acc += x[off + i];
      }
      int o = off + i, rest = n - i;
      FloatVector v0 = FloatVector.zero(S), v1 = v0, v2 = v0, v3 = v0;
      int q = rest / 4 / (2 * l) * (2 * l);
      if (q >= 8 * l && n >= STREAMS_MIN) {
        // Four streams, a quarter of the row each, two accumulators apiece: a single
        // stream keeps too few cache misses in flight to reach the cache's bandwidth (a
        // 64 MiB sum on one core: 2.35 → 2.05 ms), and one accumulator per stream would wait
        // on its own add latency.
        FloatVector w0 = v0, w1 = v0, w2 = v0, w3 = v0;
        int o0 = o, o1 = o + q, o2 = o + 2 * q, o3 = o + 3 * q;
        for (int p = 0; p < q; p += 2 * l) {
          v0 = v0.add(FloatVector.fromArray(S, x, o0 + p));
          w0 = w0.add(FloatVector.fromArray(S, x, o0 + p + l));
          v1 = v1.add(FloatVector.fromArray(S, x, o1 + p));
          w1 = w1.add(FloatVector.fromArray(S, x, o1 + p + l));
          v2 = v2.add(FloatVector.fromArray(S, x, o2 + p));
          w2 = w2.add(FloatVector.fromArray(S, x, o2 + p + l));
          v3 = v3.add(FloatVector.fromArray(S, x, o3 + p));
          w3 = w3.add(FloatVector.fromArray(S, x, o3 + p + l));
        }
        v0 = v0.add(w0);
        v1 = v1.add(w1);
        v2 = v2.add(w2);
        v3 = v3.add(w3);
        i += 4 * q;
      }
      // Four independent accumulators: one would wait on its own add latency every step.
      for (; i + 4 * l <= n; i += 4 * l) {
        v0 = v0.add(FloatVector.fromArray(S, x, off + i));
        v1 = v1.add(FloatVector.fromArray(S, x, off + i + l));
        v2 = v2.add(FloatVector.fromArray(S, x, off + i + 2 * l));
        v3 = v3.add(FloatVector.fromArray(S, x, off + i + 3 * l));
      }
      for (; i + l <= n; i += l) v0 = v0.add(FloatVector.fromArray(S, x, off + i));
      acc += Lanes.sum(v0.add(v1).add(v2.add(v3)));
    }
    for (; i < n; i++) acc += x[off + i];
    return acc;
  }

  public static float max(float[] x, int off, int n) {
    int i = 0;
    float acc = Float.NEGATIVE_INFINITY;
    if (S != null && n >= S.length()) {
      FloatVector v = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
      int bound = S.loopBound(n);
      for (; i < bound; i += S.length()) v = v.max(FloatVector.fromArray(S, x, off + i));
      acc = v.reduceLanes(VectorOperators.MAX);
    }
    for (; i < n; i++) acc = Math.max(acc, x[off + i]);
    return acc;
  }

  public static float min(float[] x, int off, int n) {
    int i = 0;
    float acc = Float.POSITIVE_INFINITY;
    if (S != null && n >= S.length()) {
      FloatVector v = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
      int bound = S.loopBound(n);
      for (; i < bound; i += S.length()) v = v.min(FloatVector.fromArray(S, x, off + i));
      acc = v.reduceLanes(VectorOperators.MIN);
    }
    for (; i < n; i++) acc = Math.min(acc, x[off + i]);
    return acc;
  }
}
