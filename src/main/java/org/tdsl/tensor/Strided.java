package org.tdsl.tensor;

import org.tdsl.tensor.kernels.Parallel;

/**
 * Walks an N-d iteration space row by row for several operands at once (each with its own
 * strides and offset). Adjacent dims that are contiguous for every operand are merged first, so
 * a contiguous tensor is one long row and a broadcast bias is rows with inner stride 0.
 */
final class Strided {
  private Strided() {}

  interface RowFn { void row(int[] offs, int[] inner, int n); }

  static void rows(int[] shape, int[][] strides, int[] offsets, RowFn fn) {
    rows(shape, strides, offsets, fn, false);
  }

  /** Below this many elements a second thread costs more than it saves. */
  static final int PARALLEL_MIN = 1 << 18;

  /**
   * {@link #rows}, spread over the kernels' threads when the tensor is large and
   * {@code parallel} is set: only for a fn whose rows write disjoint memory (a fresh output),
   * since rows then run concurrently. Large elementwise ops are memory-bound, and one core
   * moves about half of what two do.
   */
  static void rows(int[] shape, int[][] strides, int[] offsets, RowFn fn, boolean parallel) {
    int k = strides.length, nd = shape.length;
    for (int s : shape) if (s == 0) return;
    int[] cs = new int[nd];
    int[][] cst = new int[k][nd];
    int m = 0;
    for (int d = 0; d < nd; d++) {
      if (shape[d] == 1) continue;
      boolean merge = m > 0;
      for (int o = 0; o < k && merge; o++) merge = cst[o][m - 1] == strides[o][d] * shape[d];
      if (merge) {
        cs[m - 1] *= shape[d];
        for (int o = 0; o < k; o++) cst[o][m - 1] = strides[o][d];
      } else {
        cs[m] = shape[d];
        for (int o = 0; o < k; o++) cst[o][m] = strides[o][d];
        m++;
      }
    }
    if (m == 0) { fn.row(offsets.clone(), new int[k], 1); return; }
    int n = cs[m - 1];
    int[] inner = new int[k];
    for (int o = 0; o < k; o++) inner[o] = cst[o][m - 1];
    long total = 1;
    for (int d = 0; d < m; d++) total *= cs[d];
    int threads = Parallel.threads();
    if (!parallel || threads == 1 || total < PARALLEL_MIN) {
      walk(cs, cst, m, offsets.clone(), inner, n, 0, total / n, fn);
      return;
    }
    int dims = m;
    if (m == 1) {  // one long row: cut it into pieces
      int parts = 4 * threads;
      Parallel.forEach(parts, t -> {
        int from = Parallel.bound(n, t, parts), to = Parallel.bound(n, t + 1, parts);
        int[] offs = offsets.clone();
        for (int o = 0; o < k; o++) offs[o] += from * inner[o];
        if (to > from) fn.row(offs, inner.clone(), to - from);
      });
      return;
    }
    long rowCount = total / n;
    int parts = (int) Math.min(rowCount, 4L * threads);
    Parallel.forEach(parts, t -> {
      long from = rowCount * t / parts, to = rowCount * (t + 1) / parts;
      walk(cs, cst, dims, offsets.clone(), inner.clone(), n, from, to - from, fn);
    });
  }

  /** Runs rows [first, first + count) of the merged iteration (dims 0..m-2 index the rows). */
  private static void walk(int[] cs, int[][] cst, int m, int[] offs, int[] inner, int n, long first, long count,
                           RowFn fn) {
    int k = offs.length;
    int[] idx = new int[m];
    long rest = first;
    for (int d = m - 2; d >= 0; d--) {  // the first row's multi-index and offsets
      idx[d] = (int) (rest % cs[d]);
      rest /= cs[d];
      for (int o = 0; o < k; o++) offs[o] += idx[d] * cst[o][d];
    }
    for (long r = 0; r < count; r++) {
      fn.row(offs, inner, n);
      int d = m - 2;
      for (; d >= 0; d--) {
        idx[d]++;
        for (int o = 0; o < k; o++) offs[o] += cst[o][d];
        if (idx[d] < cs[d]) break;
        for (int o = 0; o < k; o++) offs[o] -= cst[o][d] * cs[d];
        idx[d] = 0;
      }
      if (d < 0) return;
    }
  }

  /** Copies src into dst elementwise (same shape; any strides; converting dtype). Bumps nothing. */
  static void copy(Tensor src, Tensor dst) {
    Storage s = src.storage(), t = dst.storage();
    rows(dst.shapeRef(), new int[][] {src.stridesRef(), dst.stridesRef()}, new int[] {src.offset(), dst.offset()},
        (offs, inner, n) -> {
          if (s.f != null && t.f != null && inner[1] == 1) {
            org.tdsl.tensor.kernels.Elementwise.copy(s.f, offs[0], inner[0], t.f, offs[1], n);
          } else if (s.l != null && t.l != null) {
            for (int i = 0; i < n; i++) t.l[offs[1] + i * inner[1]] = s.l[offs[0] + i * inner[0]];
          } else {
            for (int i = 0; i < n; i++) t.setFrom(offs[1] + i * inner[1], s, offs[0] + i * inner[0]);
          }
        });
  }
}
