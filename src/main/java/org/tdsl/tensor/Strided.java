package org.tdsl.tensor;

/**
 * Walks an N-d iteration space row by row for several operands at once (each with its own
 * strides and offset). Adjacent dims that are contiguous for every operand are merged first, so
 * a contiguous tensor is one long row and a broadcast bias is rows with inner stride 0.
 */
final class Strided {
  private Strided() {}

  interface RowFn { void row(int[] offs, int[] inner, int n); }

  static void rows(int[] shape, int[][] strides, int[] offsets, RowFn fn) {
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
    int[] offs = offsets.clone();
    int[] inner = new int[k];
    if (m == 0) { fn.row(offs, inner, 1); return; }
    int n = cs[m - 1];
    for (int o = 0; o < k; o++) inner[o] = cst[o][m - 1];
    int[] idx = new int[m];
    while (true) {
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
