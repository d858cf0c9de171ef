package org.tdsl.tensor;

import org.tdsl.tensor.kernels.Parallel;
import org.tdsl.tensor.kernels.Reduce;
import org.tdsl.tensor.kernels.Softmax;

/**
 * Raw reductions. Every reduction moves the reduced dims last (a view), makes that contiguous
 * (free when they already are), and reduces rows of the resulting [outer, inner] matrix with
 * the vectorised row kernels.
 */
public final class Reductions {
  private Reductions() {}

  /** Rows to reduce: a contiguous [outer, inner] tensor, and the output shapes. */
  private record Plan(Tensor rows, int outer, int inner, int[] shape, int[] keepShape) {}

  /** The reduced-dim mask for dims (null or empty: all dims). */
  static boolean[] mask(int ndim, int[] dims) {
    boolean[] m = new boolean[ndim];
    if (dims == null || dims.length == 0) { java.util.Arrays.fill(m, true); return m; }
    for (int d : dims) {
      int w = Shapes.wrapDim(d, ndim);
      if (ndim == 0) continue;
      if (m[w]) throw new TensorException("dim " + w + " appears multiple times in the list of dims");
      m[w] = true;
    }
    return m;
  }

  private static Plan plan(Tensor t, int[] dims) {
    int n = t.dim();
    boolean[] red = mask(n, dims);
    int[] perm = new int[n];
    int k = 0, outer = 1, inner = 1, kept = 0;
    for (int d = 0; d < n; d++) if (!red[d]) { perm[k++] = d; outer *= t.shapeRef()[d]; kept++; }
    for (int d = 0; d < n; d++) if (red[d]) { perm[k++] = d; inner *= t.shapeRef()[d]; }
    int[] shape = new int[kept], keep = new int[n];
    for (int d = 0, j = 0; d < n; d++) {
      keep[d] = red[d] ? 1 : t.shapeRef()[d];
      if (!red[d]) shape[j++] = t.shapeRef()[d];
    }
    Tensor rows = t.permute(perm).contiguous();
    return new Plan(rows, outer, inner, shape, keep);
  }

  private static Tensor finish(Tensor flat, Plan p, boolean keepdim) {
    return flat.view(keepdim ? p.keepShape : p.shape);
  }

  public static Tensor sum(Tensor t, int[] dims, boolean keepdim) {
    if (t.dtype() == DType.FLOAT32) {
      Tensor col = columnSum(t, dims, keepdim);
      if (col != null) return col;
    }
    Plan p = plan(t, dims);
    Storage s = p.rows.storage();
    int base = p.rows.offset();
    if (t.dtype() == DType.FLOAT32) {
      float[] out = new float[p.outer];
      Reduce.sumRows(s.f, base, p.outer, p.inner, out);
      return finish(Tensor.of(out, p.outer), p, keepdim);
    }
    long[] out = new long[p.outer];
    for (int r = 0; r < p.outer; r++) {
      long acc = 0;
      for (int i = 0; i < p.inner; i++) acc += s.getLong(base + r * p.inner + i);
      out[r] = acc;
    }
    return finish(Tensor.of(out, p.outer), p, keepdim);
  }

  /** Sum over leading dims of a contiguous tensor: add rows (a bias gradient), no transpose copy. */
  private static Tensor columnSum(Tensor t, int[] dims, boolean keepdim) {
    int n = t.dim();
    if (!t.isContiguous() || n < 2 || dims == null || dims.length == 0) return null;
    boolean[] red = mask(n, dims);
    int lead = 0;
    while (lead < n && red[lead]) lead++;
    for (int d = lead; d < n; d++) if (red[d]) return null;
    if (lead == 0 || lead == n) return null;
    int rows = 1, cols = 1;
    for (int d = 0; d < lead; d++) rows *= t.shapeRef()[d];
    for (int d = lead; d < n; d++) cols *= t.shapeRef()[d];
    float[] out = new float[cols];
    float[] x = t.storage().f;
    int off = t.offset(), r0 = rows, c0 = cols;
    // Memory-bound, so wide enough rows split their columns over the threads: each column
    // still adds its rows in order, so the result does not depend on the split.
    int parts = (long) rows * cols < Strided.PARALLEL_MIN || cols < 1024 ? 1 : 4 * Parallel.threads();
    Parallel.forEach(parts, p -> {
      int from = Parallel.bound(c0, p, parts) / 16 * 16;
      int to = p == parts - 1 ? c0 : Parallel.bound(c0, p + 1, parts) / 16 * 16;
      Reduce.addRows(x, off + from, c0, r0, out, from, to - from);
    });
    int[] shape = new int[keepdim ? n : n - lead];
    for (int d = 0, j = 0; d < n; d++) {
      if (d < lead) { if (keepdim) shape[j++] = 1; } else shape[j++] = t.shapeRef()[d];
    }
    return Tensor.of(out, shape);
  }

  public static Tensor mean(Tensor t, int[] dims, boolean keepdim) {
    if (t.dtype() != DType.FLOAT32) {
      throw new TensorException("mean(): could not infer output dtype. Input dtype must be either a floating point"
          + " or complex dtype. Got: " + (t.dtype() == DType.INT64 ? "Long" : "Bool"));
    }
    Tensor s = sum(t, dims, keepdim);
    int count = Math.max(1, t.numel()) / Math.max(1, s.numel());
    if (t.numel() == 0) count = 0;
    return Pointwise.binary(org.tdsl.tensor.kernels.BinaryOp.DIV, s, Tensor.wrap((double) count));
  }

  public static Tensor prod(Tensor t, int[] dims, boolean keepdim) {
    Plan p = plan(t, dims);
    Storage s = p.rows.storage();
    int base = p.rows.offset();
    if (t.dtype() == DType.FLOAT32) {
      float[] out = new float[p.outer];
      for (int r = 0; r < p.outer; r++) {
        float acc = 1;
        for (int i = 0; i < p.inner; i++) acc *= s.f[base + r * p.inner + i];
        out[r] = acc;
      }
      return finish(Tensor.of(out, p.outer), p, keepdim);
    }
    long[] out = new long[p.outer];
    for (int r = 0; r < p.outer; r++) {
      long acc = 1;
      for (int i = 0; i < p.inner; i++) acc *= s.getLong(base + r * p.inner + i);
      out[r] = acc;
    }
    return finish(Tensor.of(out, p.outer), p, keepdim);
  }

  /** max or min over dims (values only); empty input is PyTorch's error. */
  public static Tensor amax(Tensor t, int[] dims, boolean keepdim, boolean isMax) {
    if (t.numel() == 0) {
      throw new TensorException((isMax ? "max" : "min") + "(): Expected reduction dim to be specified for input.numel()"
          + " == 0. Specify the reduction dim with the 'dim' argument.");
    }
    Plan p = plan(t, dims);
    Storage s = p.rows.storage();
    int base = p.rows.offset();
    if (t.dtype() == DType.FLOAT32) {
      float[] out = new float[p.outer];
      for (int r = 0; r < p.outer; r++) {
        out[r] = isMax ? Reduce.max(s.f, base + r * p.inner, p.inner) : Reduce.min(s.f, base + r * p.inner, p.inner);
      }
      return finish(Tensor.of(out, p.outer), p, keepdim);
    }
    Tensor out = Tensor.empty(t.dtype(), p.outer);
    for (int r = 0; r < p.outer; r++) {
      long acc = s.getLong(base + r * p.inner);
      for (int i = 1; i < p.inner; i++) {
        long v = s.getLong(base + r * p.inner + i);
        acc = isMax ? Math.max(acc, v) : Math.min(acc, v);
      }
      out.storage().setLong(r, acc);
    }
    return finish(out, p, keepdim);
  }

  /** Values and int64 indices of the max (or min) along dim; the first extreme wins, NaN counts as largest. */
  public static Tensor[] maxDim(Tensor t, int dim, boolean keepdim, boolean isMax) {
    int d = Shapes.wrapDim(dim, t.dim());
    if (t.dim() > 0 && t.shapeRef()[d] == 0) {
      throw new TensorException((isMax ? "max" : "min") + "(): Expected reduction dim " + d
          + " to have non-zero size.");
    }
    Plan p = plan(t, new int[] {d});
    Storage s = p.rows.storage();
    int base = p.rows.offset();
    Tensor values = Tensor.empty(t.dtype(), p.outer);
    long[] idx = new long[p.outer];
    for (int r = 0; r < p.outer; r++) {
      int o = base + r * p.inner, best = 0;
      double bv = s.getDouble(o);
      for (int i = 1; i < p.inner; i++) {
        double v = s.getDouble(o + i);
        if (Double.isNaN(bv)) break;
        if (Double.isNaN(v) || (isMax ? v > bv : v < bv)) { bv = v; best = i; }
      }
      idx[r] = best;
      values.storage().setFrom(r, s, o + best);
    }
    return new Tensor[] {finish(values, p, keepdim), finish(Tensor.of(idx, p.outer), p, keepdim)};
  }

  /** argmax / argmin over all elements (dim null) or along dim. */
  public static Tensor argmax(Tensor t, Integer dim, boolean keepdim, boolean isMax) {
    if (dim == null) {
      Tensor flat = t.reshape(-1);
      Tensor r = maxDim(flat, 0, false, isMax)[1];
      return keepdim ? r.reshape(onesShape(t.dim())) : r;
    }
    return maxDim(t, dim, keepdim, isMax)[1];
  }

  private static int[] onesShape(int n) {
    int[] s = new int[n];
    java.util.Arrays.fill(s, 1);
    return s;
  }

  public static Tensor all(Tensor t, int[] dims, boolean keepdim) { return logical(t, dims, keepdim, true); }
  public static Tensor any(Tensor t, int[] dims, boolean keepdim) { return logical(t, dims, keepdim, false); }

  private static Tensor logical(Tensor t, int[] dims, boolean keepdim, boolean all) {
    Plan p = plan(t, dims);
    Storage s = p.rows.storage();
    boolean[] out = new boolean[p.outer];
    for (int r = 0; r < p.outer; r++) {
      boolean acc = all;
      for (int i = 0; i < p.inner; i++) {
        boolean v = s.getBool(p.rows.offset() + r * p.inner + i);
        if (all ? !v : v) { acc = !all; break; }
      }
      out[r] = acc;
    }
    return finish(Tensor.of(out, p.outer), p, keepdim);
  }

  /** Variance with Bessel's correction {@code correction} (1 = unbiased). */
  public static Tensor var(Tensor t, int[] dims, int correction, boolean keepdim) {
    Tensor x = t.to(DType.FLOAT32);
    Tensor mean = mean(x, dims, true);
    Tensor dev = Pointwise.binary(org.tdsl.tensor.kernels.BinaryOp.SUB, x, mean);
    Tensor sq = sum(Pointwise.binary(org.tdsl.tensor.kernels.BinaryOp.MUL, dev, dev), dims, keepdim);
    int n = Math.max(1, x.numel()) / Math.max(1, sq.numel());
    return Pointwise.binary(org.tdsl.tensor.kernels.BinaryOp.DIV, sq, Tensor.wrap((double) Math.max(0, n - correction)));
  }

  /** Cumulative sum along dim (int inputs give int64). */
  public static Tensor cumsum(Tensor t, int dim) {
    int d = Shapes.wrapDim(dim, t.dim());
    DType dt = t.dtype() == DType.FLOAT32 ? DType.FLOAT32 : DType.INT64;
    Tensor x = t.to(dt);
    Tensor out = x.clone();
    if (t.dim() == 0) return out;
    Tensor moved = out.transpose(d, -1);
    int n = out.shapeRef()[d];
    int st = out.stridesRef()[d];
    Storage s = out.storage();
    int[] sh = moved.shapeRef().clone();
    sh[sh.length - 1] = 1;
    Strided.rows(sh, new int[][] {moved.stridesRef()}, new int[] {0}, (offs, in, cnt) -> {
      for (int r = 0; r < cnt; r++) {
        int o = offs[0] + r * in[0];
        if (s.f != null) for (int i = 1; i < n; i++) s.f[o + i * st] += s.f[o + (i - 1) * st];
        else for (int i = 1; i < n; i++) s.l[o + i * st] += s.l[o + (i - 1) * st];
      }
    });
    return out;
  }

  /** softmax (or log_softmax) along dim, float32. */
  public static Tensor softmax(Tensor t, int dim, boolean log) {
    Tensor x = t.to(DType.FLOAT32);
    if (x.dim() == 0) return softmax(x.reshape(1), 0, log).reshape();
    int d = Shapes.wrapDim(dim, x.dim());
    Tensor moved = x.transpose(d, -1).contiguous();
    Tensor out = Tensor.empty(DType.FLOAT32, moved.shapeRef());
    int n = moved.shapeRef()[moved.dim() - 1];
    if (n > 0) {
      Softmax.rows(moved.storage().f, moved.offset(), out.storage().f, 0, moved.numel() / n, n, log);
    }
    return out.transpose(d, -1);
  }

  /**
   * The gradient through softmax (or log_softmax) along dim, from its output y and the output
   * gradient g, in one pass: no temporaries beyond moving dim last when it is not already.
   */
  public static Tensor softmaxBackward(Tensor g, Tensor y, int dim, boolean log) {
    int d = Shapes.wrapDim(dim, Math.max(1, y.dim()));
    if (y.dim() == 0) return softmaxBackward(g.reshape(1), y.reshape(1), 0, log).reshape();
    Tensor ym = y.transpose(d, -1).contiguous(), gm = g.to(DType.FLOAT32).expand(y.shapeRef()).transpose(d, -1).contiguous();
    Tensor out = Tensor.empty(DType.FLOAT32, ym.shapeRef());
    int n = ym.shapeRef()[ym.dim() - 1];
    if (n > 0) {
      Softmax.backwardRows(ym.storage().f, ym.offset(), gm.storage().f, gm.offset(), out.storage().f, 0,
          ym.numel() / n, n, log);
    }
    return out.transpose(d, -1);
  }

  /** log(sum(exp(x))) over dims, stabilised by the max. */
  public static Tensor logsumexp(Tensor t, int[] dims, boolean keepdim) {
    Tensor x = t.to(DType.FLOAT32);
    Tensor m = amax(x, dims, true, true);
    Tensor finite = Pointwise.where(
        Pointwise.binary(org.tdsl.tensor.kernels.BinaryOp.EQ, Pointwise.unary(org.tdsl.tensor.kernels.UnaryOp.ABS, m),
            Tensor.wrap(Double.POSITIVE_INFINITY)), Tensor.wrap(0.0), m);
    Tensor e = Pointwise.unary(org.tdsl.tensor.kernels.UnaryOp.EXP,
        Pointwise.binary(org.tdsl.tensor.kernels.BinaryOp.SUB, x, finite));
    Tensor s = Pointwise.unary(org.tdsl.tensor.kernels.UnaryOp.LOG, sum(e, dims, keepdim));
    Tensor shift = keepdim ? finite : finite.reshape(sum(e, dims, false).shapeRef());
    return Pointwise.binary(org.tdsl.tensor.kernels.BinaryOp.ADD, s, shift);
  }
}
