package org.tdsl.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Subscripts as NumPy/PyTorch define them. A subscript becomes a list of {@link Step}s: the
 * basic ones (select, slice, unsqueeze) are views; at most one final {@link Advanced} step
 * gathers with index tensors. The raw get/set here apply the steps directly; autograd applies
 * the same steps with its differentiable views, so node names match PyTorch's.
 */
public final class Indexing {
  private Indexing() {}

  public sealed interface Step {}
  public record SelectStep(int dim, int index) implements Step {}
  public record SliceStep(int dim, Integer start, Integer stop, int step) implements Step {}
  public record UnsqueezeStep(int dim) implements Step {}
  /** Gather along dims (positions in the tensor after the basic steps) with broadcast int64 indices. */
  public record Advanced(int[] dims, Tensor[] indices) implements Step {}

  public static List<Step> plan(int[] shape, List<Index> items) {
    int ndim = shape.length, consumed = 0, ellipses = 0;
    for (Index it : items) {
      switch (it) {
        case Index.At a -> consumed++;
        case Index.Slice s -> consumed++;
        case Index.Take t -> consumed += t.tensor().dtype() == DType.BOOL ? t.tensor().dim() : 1;
        case Index.Ellipsis e -> ellipses++;
        case Index.NewAxis n -> { }
      }
    }
    if (ellipses > 1) throw new TensorException("an index can only have a single ellipsis ('...')");
    if (consumed > ndim) throw new TensorException("too many indices for tensor of dimension " + ndim);
    List<Step> steps = new ArrayList<>();
    List<Integer> advDims = new ArrayList<>();
    List<Tensor> advIdx = new ArrayList<>();
    int d = 0, orig = 0;
    for (Index it : items) {
      switch (it) {
        case Index.At a -> {
          int size = shape[orig];
          if (a.index() < -size || a.index() >= size) {
            throw new TensorException("index " + a.index() + " is out of bounds for dimension " + orig + " with size "
                + size);
          }
          steps.add(new SelectStep(d, (int) (a.index() < 0 ? a.index() + size : a.index())));
          orig++;
        }
        case Index.Slice s -> {
          int step = s.step() == null ? 1 : s.step();
          if (step <= 0) throw new TensorException("step must be greater than zero");
          if (!s.isFull()) steps.add(new SliceStep(d, s.start(), s.stop(), step));
          d++;
          orig++;
        }
        case Index.NewAxis n -> { steps.add(new UnsqueezeStep(d)); d++; }
        case Index.Ellipsis e -> { d += ndim - consumed; orig += ndim - consumed; }
        case Index.Take t -> {
          Tensor x = t.tensor();
          if (x.dtype() == DType.BOOL) {
            if (x.dim() == 0) {
              steps.add(new UnsqueezeStep(d));
              advDims.add(d);
              advIdx.add(x.getBool(0) ? Tensor.of(new long[] {0}, 1) : Tensor.empty(DType.INT64, 0));
              d++;
              continue;
            }
            for (int k = 0; k < x.dim(); k++) {
              if (x.shapeRef()[k] != shape[orig + k]) {
                throw new TensorException("The shape of the mask " + Shapes.str(x.shapeRef()) + " at index " + k
                    + " does not match the shape of the indexed tensor " + Shapes.str(shape) + " at index " + (orig + k));
              }
            }
            Tensor[] nz = Shaping.nonzero(x);
            for (int k = 0; k < nz.length; k++) { advDims.add(d + k); advIdx.add(nz[k]); }
            d += x.dim();
            orig += x.dim();
          } else {
            if (x.dtype() != DType.INT64) {
              throw new TensorException("tensors used as indices must be long, int, byte or bool tensors");
            }
            advDims.add(d);
            advIdx.add(x);
            d++;
            orig++;
          }
        }
      }
    }
    if (!advDims.isEmpty()) {
      int[] bshape = advIdx.get(0).shapeRef();
      try {
        for (Tensor t : advIdx) bshape = Shapes.broadcast(bshape, t.shapeRef());
      } catch (TensorException e) {
        StringBuilder sb = new StringBuilder();
        for (Tensor t : advIdx) sb.append(sb.isEmpty() ? "" : ", ").append(Shapes.str(t.shapeRef()));
        throw new TensorException("shape mismatch: indexing tensors could not be broadcast together with shapes " + sb);
      }
      Tensor[] idx = new Tensor[advIdx.size()];
      for (int k = 0; k < idx.length; k++) idx[k] = advIdx.get(k).expand(bshape);
      steps.add(new Advanced(advDims.stream().mapToInt(Integer::intValue).toArray(), idx));
    }
    return steps;
  }

  /** Applies a basic step as a raw view. */
  public static Tensor apply(Tensor t, Step s) {
    return switch (s) {
      case SelectStep x -> t.select(x.dim(), x.index());
      case SliceStep x -> t.slice(x.dim(), x.start(), x.stop(), x.step());
      case UnsqueezeStep x -> t.unsqueeze(x.dim());
      case Advanced a -> advancedGet(t, a);
    };
  }

  /** {@code t[items]}: a view when only basic items are used, else a new tensor. */
  public static Tensor get(Tensor t, List<Index> items) {
    Tensor r = t;
    for (Step s : plan(t.shapeRef(), items)) r = apply(r, s);
    return r == t ? t.asStrided(t.shapeRef(), t.stridesRef(), t.offset()) : r;
  }

  /** {@code t[items] = value}: value (broadcast, converted) is written into the selected elements. */
  public static void set(Tensor t, List<Index> items, Tensor value) {
    Tensor r = t;
    for (Step s : plan(t.shapeRef(), items)) {
      if (s instanceof Advanced a) { advancedPut(r, a, value, false); return; }
      r = apply(r, s);
    }
    r.copyFrom(value);
  }

  /** The shape of the advanced result and the permutation from the adv-first layout to it. */
  private record Layout(int[] bshape, int[] perm, int[] restDims, int[] advFirstShape, int[] resultShape) {}

  private static Layout layout(Tensor v, Advanced a) {
    int n = v.dim(), k = a.dims().length;
    int[] bshape = a.indices()[0].shapeRef();
    boolean[] isAdv = new boolean[n];
    for (int d : a.dims()) isAdv[d] = true;
    int[] rest = new int[n - k];
    for (int d = 0, j = 0; d < n; d++) if (!isAdv[d]) rest[j++] = d;
    int b = bshape.length, r = rest.length;
    int[] advFirst = new int[b + r];
    System.arraycopy(bshape, 0, advFirst, 0, b);
    for (int j = 0; j < r; j++) advFirst[b + j] = v.shapeRef()[rest[j]];
    boolean adjacent = true;
    for (int j = 1; j < k; j++) adjacent &= a.dims()[j] == a.dims()[j - 1] + 1;
    int at = adjacent ? a.dims()[0] : 0;
    // result dims: rest[0..at) ++ B ++ rest[at..]; perm maps result position -> adv-first position
    int[] perm = new int[b + r];
    int p = 0;
    for (int j = 0; j < at; j++) perm[p++] = b + j;
    for (int j = 0; j < b; j++) perm[p++] = j;
    for (int j = at; j < r; j++) perm[p++] = b + j;
    int[] result = new int[b + r];
    for (int j = 0; j < b + r; j++) result[j] = advFirst[perm[j]];
    return new Layout(bshape, perm, rest, advFirst, result);
  }

  private static int[] positions(Tensor v, Advanced a, Layout l) {
    int count = Shapes.numel(l.bshape());
    int[] offs = new int[count];
    for (int k = 0; k < a.dims().length; k++) {
      Tensor idx = a.indices()[k].contiguous();
      int dim = a.dims()[k], size = v.shapeRef()[dim], stride = v.stridesRef()[dim];
      for (int f = 0; f < count; f++) {
        long i = idx.getLong(f);
        if (i < -size || i >= size) {
          throw new TensorException("index " + i + " is out of bounds for dimension " + k + " with size " + size);
        }
        offs[f] += (int) (i < 0 ? i + size : i) * stride;
      }
    }
    return offs;
  }

  private static Tensor restView(Tensor v, Layout l, int offset) {
    int[] rs = new int[l.restDims().length], rst = new int[l.restDims().length];
    for (int j = 0; j < rs.length; j++) { rs[j] = v.shapeRef()[l.restDims()[j]]; rst[j] = v.stridesRef()[l.restDims()[j]]; }
    return v.asStrided(rs, rst, offset);
  }

  public static Tensor advancedGet(Tensor v, Advanced a) {
    Layout l = layout(v, a);
    int[] offs = positions(v, a, l);
    Tensor out = Tensor.empty(v.dtype(), l.advFirstShape());
    int restN = Shapes.numel(l.advFirstShape()) / Math.max(1, offs.length);
    int[] restShape = java.util.Arrays.copyOfRange(l.advFirstShape(), l.bshape().length, l.advFirstShape().length);
    for (int f = 0; f < offs.length; f++) {
      Strided.copy(restView(v, l, v.offset() + offs[f]),
          out.asStrided(restShape, Shapes.contiguousStrides(restShape), f * restN));
    }
    return out.permute(l.perm()).contiguous();
  }

  /** Writes (or with accumulate adds) value into v at the advanced positions; bumps v's version. */
  public static void advancedPut(Tensor v, Advanced a, Tensor value, boolean accumulate) {
    Layout l = layout(v, a);
    int[] offs = positions(v, a, l);
    Tensor val = value.to(v.dtype()).expand(l.resultShape());
    int[] inv = new int[l.perm().length];
    for (int j = 0; j < inv.length; j++) inv[l.perm()[j]] = j;
    Tensor advFirst = val.permute(inv);
    for (int f = 0; f < offs.length; f++) {
      Tensor src = advFirst;
      int[] coord = new int[l.bshape().length];
      int rem = f;
      for (int d = coord.length - 1; d >= 0; d--) { coord[d] = rem % l.bshape()[d]; rem /= l.bshape()[d]; }
      for (int d = 0; d < coord.length; d++) src = src.select(0, coord[d]);
      Tensor dst = restView(v, l, v.offset() + offs[f]);
      if (accumulate) Pointwise.addInPlace(dst, src, 1f);
      else Strided.copy(src, dst);
    }
    v.storage().bumpVersion();
  }
}
