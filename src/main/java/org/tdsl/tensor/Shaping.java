package org.tdsl.tensor;

import java.util.ArrayList;
import java.util.List;

/** Raw operations that move elements: cat, flip, repeat, gather/scatter, index_select, sort, topk. */
public final class Shaping {
  private Shaping() {}

  public static Tensor cat(List<Tensor> tensors, int dim) {
    if (tensors.isEmpty()) throw new TensorException("torch.cat(): expected a non-empty list of Tensors");
    List<Tensor> parts = new ArrayList<>();
    DType dt = null;
    Tensor ref = null;
    for (Tensor t : tensors) {
      dt = dt == null ? t.dtype() : DType.promote(dt, t.dtype());
      if (t.dim() == 1 && t.numel() == 0) continue; // legacy: empty 1-D tensors are skipped
      if (t.dim() == 0) throw new TensorException("zero-dimensional tensor (at position " + tensors.indexOf(t)
          + ") cannot be concatenated");
      if (ref == null) ref = t;
      parts.add(t);
    }
    if (ref == null) return Tensor.empty(dt, 0);
    int d = Shapes.wrapDim(dim, ref.dim());
    int total = 0;
    for (int i = 0; i < parts.size(); i++) {
      Tensor t = parts.get(i);
      if (t.dim() != ref.dim()) {
        throw new TensorException("Tensors must have same number of dimensions: got " + ref.dim() + " and " + t.dim());
      }
      for (int k = 0; k < t.dim(); k++) {
        if (k != d && t.shapeRef()[k] != ref.shapeRef()[k]) {
          throw new TensorException("Sizes of tensors must match except in dimension " + d + ". Expected size "
              + ref.shapeRef()[k] + " but got size " + t.shapeRef()[k] + " for tensor number " + tensors.indexOf(t)
              + " in the list.");
        }
      }
      total += t.shapeRef()[d];
    }
    int[] shape = ref.shape();
    shape[d] = total;
    Tensor out = Tensor.empty(dt, shape);
    int at = 0;
    for (Tensor t : parts) {
      int len = t.shapeRef()[d];
      Strided.copy(t, out.narrow(d, at, len));
      at += len;
    }
    return out;
  }

  public static Tensor flip(Tensor t, int... dims) { return t.flipView(dims).clone(); }

  /** Tiles the tensor: repeats[i] copies along dim i (leading repeats add dims). */
  public static Tensor repeat(Tensor t, int... repeats) {
    if (repeats.length < t.dim()) {
      throw new TensorException("Number of dimensions of repeat dims can not be smaller than number of dimensions of"
          + " tensor");
    }
    int n = repeats.length;
    int[] padded = new int[n];
    for (int i = 0; i < n; i++) padded[i] = i < n - t.dim() ? 1 : t.shapeRef()[i - (n - t.dim())];
    Tensor x = t.reshape(padded);
    int[] inter = new int[2 * n], exp = new int[2 * n], fin = new int[n];
    for (int i = 0; i < n; i++) {
      inter[2 * i] = 1; inter[2 * i + 1] = padded[i];
      exp[2 * i] = repeats[i]; exp[2 * i + 1] = padded[i];
      fin[i] = repeats[i] * padded[i];
    }
    return x.reshape(inter).expand(exp).clone().view(fin);
  }

  private static int checkIndex(long i, int size, int dim) {
    if (i < -size || i >= size) {
      throw new TensorException("index " + i + " is out of bounds for dimension " + dim + " with size " + size);
    }
    return (int) (i < 0 ? i + size : i);
  }

  /** Walks every position of {@code shape}, giving its coordinates. */
  interface CoordFn { void at(int flat, int[] coord); }

  static void forEach(int[] shape, CoordFn fn) {
    int n = Shapes.numel(shape);
    int[] c = new int[shape.length];
    for (int f = 0; f < n; f++) {
      fn.at(f, c);
      for (int d = shape.length - 1; d >= 0; d--) {
        if (++c[d] < shape[d]) break;
        c[d] = 0;
      }
    }
  }

  static int offsetOf(Tensor t, int[] coord) {
    int o = t.offset();
    for (int d = 0; d < coord.length; d++) o += coord[d] * t.stridesRef()[d];
    return o;
  }

  private static void checkIndexTensor(Tensor index, String op) {
    if (index.dtype() != DType.INT64) throw new TensorException(op + "(): Expected dtype int64 for index");
  }

  /** out[...i_d...] = t[... index[...] ...] along dim. */
  public static Tensor gather(Tensor t, int dim, Tensor index) {
    checkIndexTensor(index, "gather");
    int d = Shapes.wrapDim(dim, t.dim());
    if (index.dim() != t.dim() && !(t.dim() == 0 || index.dim() == 0)) {
      throw new TensorException("Index tensor must have the same number of dimensions as input tensor");
    }
    Tensor out = Tensor.empty(t.dtype(), index.shapeRef());
    if (t.dim() == 0) { out.copyFrom(t); return out; }
    int size = t.shapeRef()[d];
    forEach(index.shapeRef(), (f, c) -> {
      int i = checkIndex(index.storage().l[offsetOf(index, c)], size, d);
      int saved = c[d];
      c[d] = i;
      int src = offsetOf(t, c);
      c[d] = saved;
      out.storage().setFrom(f, t.storage(), src);
    });
    return out;
  }

  /** A copy of t with src's elements written (or added) at index along dim. */
  public static Tensor scatter(Tensor t, int dim, Tensor index, Tensor src, boolean add) {
    checkIndexTensor(index, add ? "scatter_add" : "scatter");
    int d = Shapes.wrapDim(dim, t.dim());
    Tensor out = t.clone();
    if (t.dim() == 0) { out.copyFrom(src.reshape()); return out; }
    int size = t.shapeRef()[d];
    Tensor s = src.dtype() == t.dtype() ? src : src.to(t.dtype());
    forEach(index.shapeRef(), (f, c) -> {
      int i = checkIndex(index.storage().l[offsetOf(index, c)], size, d);
      int from = offsetOf(s, c);
      int saved = c[d];
      c[d] = i;
      int to = offsetOf(out, c);
      c[d] = saved;
      if (add) out.storage().setDouble(to, out.storage().getDouble(to) + s.storage().getDouble(from));
      else out.storage().setFrom(to, s.storage(), from);
    });
    return out;
  }

  public static Tensor indexSelect(Tensor t, int dim, Tensor index) {
    checkIndexTensor(index, "index_select");
    if (index.dim() > 1) throw new TensorException("index_select(): Index is supposed to be a vector");
    int d = Shapes.wrapDim(dim, t.dim());
    if (t.dim() == 0) return t.clone().reshape(index.numel() == 1 ? new int[0] : new int[] {index.numel()});
    int[] shape = t.shape();
    int n = index.numel();
    shape[d] = n;
    Tensor out = Tensor.empty(t.dtype(), shape);
    long[] idx = index.toLongArray();
    for (int k = 0; k < n; k++) {
      int i = checkIndex(idx[k], t.shapeRef()[d], d);
      Strided.copy(t.select(d, i), out.select(d, k));
    }
    return out;
  }

  /** A copy of t with src's slices added at index along dim (index_add). */
  public static Tensor indexAdd(Tensor t, int dim, Tensor index, Tensor src) {
    int d = Shapes.wrapDim(dim, t.dim());
    Tensor out = t.clone();
    long[] idx = index.toLongArray();
    for (int k = 0; k < idx.length; k++) {
      int i = checkIndex(idx[k], t.shapeRef()[d], d);
      Tensor dst = out.select(d, i);
      Pointwise.addInPlace(dst, src.select(d, k), 1f);
    }
    return out;
  }

  public static Tensor maskedFill(Tensor t, Tensor mask, Tensor value) {
    if (mask.dtype() != DType.BOOL) {
      throw new TensorException("masked_fill_ only supports boolean masks, but got mask with dtype "
          + mask.dtype().shortName());
    }
    if (value.dim() != 0) {
      throw new TensorException("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with "
          + value.dim() + " dimension(s).");
    }
    Shapes.broadcast(t.shapeRef(), mask.shapeRef());
    return Pointwise.where(mask, value.to(t.dtype()), t).expand(
        Shapes.broadcast(t.shapeRef(), mask.shapeRef())).clone();
  }

  /** Sorted values and their int64 indices along dim (stable; NaN sorts as largest). */
  public static Tensor[] sort(Tensor t, int dim, boolean descending) {
    if (t.dim() == 0) return new Tensor[] {t.clone(), Tensor.scalar(0L)};
    int d = Shapes.wrapDim(dim, t.dim());
    Tensor moved = t.transpose(d, -1).contiguous();
    int n = moved.shapeRef()[moved.dim() - 1];
    Tensor values = Tensor.empty(t.dtype(), moved.shapeRef());
    long[] idx = new long[moved.numel()];
    Storage s = moved.storage();
    int rows = n == 0 ? 0 : moved.numel() / n;
    Integer[] order = new Integer[n];
    for (int r = 0; r < rows; r++) {
      int base = moved.offset() + r * n;
      for (int i = 0; i < n; i++) order[i] = i;
      java.util.Comparator<Integer> cmp = (x, y) -> Double.compare(s.getDouble(base + x), s.getDouble(base + y));
      java.util.Arrays.sort(order, descending ? cmp.reversed() : cmp);
      for (int i = 0; i < n; i++) {
        idx[r * n + i] = order[i];
        values.storage().setFrom(r * n + i, s, base + order[i]);
      }
    }
    Tensor indices = Tensor.of(idx, moved.shapeRef());
    return new Tensor[] {values.transpose(d, -1), indices.transpose(d, -1)};
  }

  /** The k largest (or smallest) along dim, in sorted order. */
  public static Tensor[] topk(Tensor t, int k, int dim, boolean largest) {
    int d = Shapes.wrapDim(dim, t.dim());
    int size = t.dim() == 0 ? 1 : t.shapeRef()[d];
    if (k < 0 || k > size) throw new TensorException("selected index k out of range");
    Tensor[] sorted = sort(t, d, largest);
    if (t.dim() == 0) return sorted;
    return new Tensor[] {sorted[0].narrow(d, 0, k).contiguous(), sorted[1].narrow(d, 0, k).contiguous()};
  }

  /** Coordinates of the true (nonzero) elements: one int64 tensor per dim. */
  public static Tensor[] nonzero(Tensor t) {
    List<int[]> hits = new ArrayList<>();
    forEach(t.shapeRef(), (f, c) -> { if (t.storage().getBool(offsetOf(t, c))) hits.add(c.clone()); });
    Tensor[] out = new Tensor[t.dim()];
    for (int d = 0; d < t.dim(); d++) {
      long[] v = new long[hits.size()];
      for (int i = 0; i < v.length; i++) v[i] = hits.get(i)[d];
      out[d] = Tensor.of(v, v.length);
    }
    return out;
  }
}
