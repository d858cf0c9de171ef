package org.tdsl.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An n-dimensional array: a {@link Storage} seen through shape, strides (in elements) and an
 * offset. Views share storage (and with it the version counter).
 *
 * <p>The methods here are the raw operations: they never record anything on the tape. The
 * differentiable forms are {@code org.tdsl.autograd.Torch}'s static methods, which call these.
 * The autograd slots (requiresGrad, grad, gradFn, retainsGrad, outputNr) are plain fields
 * that only autograd interprets.
 */
public final class Tensor {
  private final Storage storage;
  private final int[] shape;
  private final int[] strides;
  private final int offset;
  private final DType dtype;
  private final Tensor base;

  private boolean requiresGrad;
  private Tensor grad;
  private GradFn gradFn;
  private boolean retainsGrad;
  private int outputNr;
  private boolean wrappedNumber;
  private GradFn gradAccumulator;
  private boolean parameter;

  public Tensor(Storage storage, int[] shape, int[] strides, int offset) {
    this(storage, shape, strides, offset, null);
  }

  private Tensor(Storage storage, int[] shape, int[] strides, int offset, Tensor base) {
    this.storage = storage;
    this.shape = shape;
    this.strides = strides;
    this.offset = offset;
    this.dtype = storage.dtype();
    this.base = base == null ? null : (base.base != null ? base.base : base);
  }

  private Tensor viewOf(int[] newShape, int[] newStrides, int newOffset) {
    return new Tensor(storage, newShape, newStrides, newOffset, this);
  }

  // ---------------------------------------------------------------- creation

  public static Tensor of(float[] data, int... shape) { return fromStorage(Storage.ofFloats(data), shape); }
  public static Tensor of(long[] data, int... shape) { return fromStorage(Storage.ofLongs(data), shape); }
  public static Tensor of(boolean[] data, int... shape) { return fromStorage(Storage.ofBools(data), shape); }

  private static Tensor fromStorage(Storage s, int[] shape) {
    if (Shapes.numel(shape) != s.size()) {
      throw new TensorException("shape '" + Shapes.str(shape) + "' is invalid for input of size " + s.size());
    }
    return new Tensor(s, shape.clone(), Shapes.contiguousStrides(shape), 0);
  }

  public static Tensor scalar(double v) { return of(new float[] {(float) v}); }
  public static Tensor scalar(long v) { return of(new long[] {v}); }
  public static Tensor scalar(boolean v) { return of(new boolean[] {v}); }

  /** A 0-d tensor standing for a Python number: lowest priority in type promotion. */
  public static Tensor wrap(double v) { Tensor t = scalar(v); t.wrappedNumber = true; return t; }
  public static Tensor wrap(long v) { Tensor t = scalar(v); t.wrappedNumber = true; return t; }
  public static Tensor wrap(boolean v) { Tensor t = scalar(v); t.wrappedNumber = true; return t; }

  /**
   * A tensor from nested data: a Number/Boolean, or a java.util.List / Java array of them, as
   * {@code torch.tensor} takes. Any floating-point number makes it float32; only booleans make
   * it bool; otherwise int64. {@code dtype} (nullable) forces the type.
   */
  public static Tensor fromNested(Object data, DType dtype) {
    List<Integer> shape = new ArrayList<>();
    Object probe = data;
    while (true) {
      List<?> list = asList(probe);
      if (list == null) break;
      shape.add(list.size());
      if (list.isEmpty()) break;
      probe = list.get(0);
    }
    int[] sh = shape.stream().mapToInt(Integer::intValue).toArray();
    List<Object> flat = new ArrayList<>();
    flatten(data, 0, sh, flat);
    DType inferred = DType.BOOL;
    boolean any = false;
    for (Object o : flat) {
      any = true;
      DType d = o instanceof Boolean ? DType.BOOL
          : (o instanceof Double || o instanceof Float) ? DType.FLOAT32 : DType.INT64;
      inferred = DType.promote(inferred, d);
    }
    if (!any) inferred = DType.FLOAT32;
    DType dt = dtype != null ? dtype : inferred;
    Storage s = Storage.allocate(dt, flat.size());
    for (int i = 0; i < flat.size(); i++) {
      Object o = flat.get(i);
      if (o instanceof Boolean b) s.setLong(i, b ? 1 : 0);
      else if (o instanceof Double || o instanceof Float) s.setDouble(i, ((Number) o).doubleValue());
      else s.setLong(i, ((Number) o).longValue());
    }
    return new Tensor(s, sh, Shapes.contiguousStrides(sh), 0);
  }

  private static List<?> asList(Object o) {
    if (o instanceof List<?> l) return l;
    if (o instanceof Object[] a) return Arrays.asList(a);
    if (o instanceof float[] a) { List<Object> l = new ArrayList<>(); for (float v : a) l.add((double) v); return l; }
    if (o instanceof double[] a) { List<Object> l = new ArrayList<>(); for (double v : a) l.add(v); return l; }
    if (o instanceof long[] a) { List<Object> l = new ArrayList<>(); for (long v : a) l.add(v); return l; }
    if (o instanceof int[] a) { List<Object> l = new ArrayList<>(); for (int v : a) l.add((long) v); return l; }
    if (o instanceof boolean[] a) { List<Object> l = new ArrayList<>(); for (boolean v : a) l.add(v); return l; }
    return null;
  }

  private static void flatten(Object o, int depth, int[] shape, List<Object> out) {
    List<?> list = asList(o);
    if (depth == shape.length) {
      if (list != null) throw new TensorException("too many dimensions '" + o.getClass().getSimpleName() + "'");
      if (o instanceof Tensor t) {
        if (t.numel() != 1) throw new TensorException("only one element tensors can be converted to Python scalars");
        out.add(t.item());
        return;
      }
      if (!(o instanceof Number || o instanceof Boolean)) {
        throw new TensorException("Could not infer dtype of " + (o == null ? "NoneType" : o.getClass().getSimpleName()));
      }
      out.add(o);
      return;
    }
    if (list == null || list.size() != shape[depth]) {
      throw new TensorException("expected sequence of length " + shape[depth] + " at dim " + depth + " (got "
          + (list == null ? 0 : list.size()) + ")");
    }
    for (Object e : list) flatten(e, depth + 1, shape, out);
  }

  public static Tensor empty(DType dtype, int... shape) {
    return new Tensor(Storage.allocate(dtype, Shapes.numel(shape)), shape.clone(), Shapes.contiguousStrides(shape), 0);
  }
  public static Tensor zeros(int... shape) { return empty(DType.FLOAT32, shape); }
  public static Tensor zeros(DType dtype, int... shape) { return empty(dtype, shape); }
  public static Tensor ones(int... shape) { return full(1, DType.FLOAT32, shape); }
  public static Tensor ones(DType dtype, int... shape) { return full(1, dtype, shape); }

  public static Tensor full(double value, DType dtype, int... shape) {
    Tensor t = empty(dtype, shape);
    t.fill(value);
    return t;
  }

  public static Tensor eye(int n, int m, DType dtype) {
    if (n < 0) throw new TensorException("n must be greater or equal to 0, got " + n);
    if (m < 0) throw new TensorException("m must be greater or equal to 0, got " + m);
    Tensor t = empty(dtype, n, m);
    for (int i = 0; i < Math.min(n, m); i++) t.storage.setLong(i * m + i, 1);
    return t;
  }

  /** Integer range [start, end) by step, int64. */
  public static Tensor arange(long start, long end, long step) {
    if (step == 0) throw new TensorException("step must be nonzero");
    if (end != start && (end > start) != (step > 0)) throw inconsistentBounds();
    long n = Math.max(0, (end - start + step + (step > 0 ? -1 : 1)) / step);
    long[] v = new long[Allocations.reserve(n)];
    for (int i = 0; i < n; i++) v[i] = start + i * step;
    return of(v, (int) n);
  }

  /** Float range [start, end) by step, float32. */
  public static Tensor arange(double start, double end, double step) {
    if (step == 0) throw new TensorException("step must be nonzero");
    if (end != start && (end > start) != (step > 0)) throw inconsistentBounds();
    int n = Allocations.reserve((long) Math.max(0, Math.ceil((end - start) / step)));
    float[] v = new float[n];
    for (int i = 0; i < n; i++) v[i] = (float) (start + i * step);
    return of(v, n);
  }

  /** PyTorch's words (sic) for arange(5, 0) or arange(0, 5, -1). */
  private static TensorException inconsistentBounds() {
    return new TensorException("upper bound and larger bound inconsistent with step sign");
  }

  public static Tensor linspace(double start, double end, int steps) {
    if (steps < 0) throw new TensorException("number of steps must be non-negative");
    float[] v = new float[Allocations.reserve(steps)];
    double step = steps > 1 ? (end - start) / (steps - 1) : 0;
    int half = steps / 2;
    for (int i = 0; i < steps; i++) v[i] = (float) (i < half ? start + step * i : end - step * (steps - 1 - i));
    return of(v, steps);
  }

  public static Tensor rand(int... shape) {
    Rng r = Rng.current();
    return of(r.floats("rand", shape, r::nextFloat), shape);
  }

  public static Tensor randn(int... shape) {
    Rng r = Rng.current();
    return of(r.floats("randn", shape, r::nextGaussian), shape);
  }

  public static Tensor randint(long low, long high, int... shape) {
    if (low >= high) {
      throw new TensorException("random_ expects 'from' to be less than 'to', but got from=" + low + " >= to=" + high);
    }
    Rng r = Rng.current();
    return of(r.longs("randint", shape, () -> r.nextLong(low, high)), shape);
  }

  public static Tensor randperm(int n) {
    Rng r = Rng.current();
    long[] recorded = r.recordedLongs("randperm", new int[] {n});
    if (recorded != null) return of(recorded, n);
    long[] v = new long[Allocations.reserve(n)];
    for (int i = 0; i < n; i++) v[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = (int) r.nextLong(0, i + 1);
      long t = v[i]; v[i] = v[j]; v[j] = t;
    }
    return of(v, n);
  }

  /** 1 with probability p (elementwise from a float tensor of probabilities), else 0. */
  public static Tensor bernoulli(Tensor p) {
    Rng r = Rng.current();
    Tensor pc = p.to(DType.FLOAT32).contiguous();
    int[] i = {0};
    return of(r.floats("bernoulli", p.shape, () -> r.nextDouble() < pc.storage.f[pc.offset + i[0]++] ? 1 : 0), p.shape);
  }

  public static Tensor bernoulli(double p, int... shape) {
    Rng r = Rng.current();
    return of(r.floats("bernoulli", shape, () -> r.nextDouble() < p ? 1 : 0), shape);
  }

  /**
   * {@code torch.normal}: mean + std * N(0, 1), elementwise over the broadcast of mean and std
   * (either may be a one-element tensor standing for a number). A replayed draw is the output.
   */
  public static Tensor normal(Tensor mean, Tensor std) {
    int[] shape = Shapes.broadcast(mean.shape, std.shape);
    Rng r = Rng.current();
    double[] recorded = r.recordedFloats("normal", shape);
    Tensor m = mean.to(DType.FLOAT32).expand(shape).contiguous(), s = std.to(DType.FLOAT32).expand(shape).contiguous();
    int n = Shapes.numel(shape);
    for (int i = 0; i < n; i++) {
      if (!(s.getDouble(i) >= 0)) throw new TensorException("normal expects all elements of std >= 0.0");
    }
    float[] v = new float[Allocations.reserve(n)];
    for (int i = 0; i < n; i++) v[i] = (float) (recorded != null ? recorded[i] : m.getDouble(i) + s.getDouble(i) * r.nextGaussian());
    return of(v, shape);
  }

  /**
   * {@code torch.multinomial}: numSamples category indices per row of non-negative weights (a
   * vector or a matrix of rows), drawn with or without replacement.
   */
  public static Tensor multinomial(Tensor weights, int numSamples, boolean replacement) {
    if (weights.dim() < 1 || weights.dim() > 2) throw new TensorException("prob_dist must be 1 or 2 dim");
    int rows = weights.dim() == 1 ? 1 : weights.shape[0], k = weights.shape[weights.dim() - 1];
    if (numSamples <= 0) throw new TensorException("cannot sample n_sample <= 0 samples");
    if (!replacement && numSamples > k) {
      throw new TensorException("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
    }
    int[] shape = weights.dim() == 1 ? new int[] {numSamples} : new int[] {rows, numSamples};
    Rng r = Rng.current();
    long[] recorded = r.recordedLongs("multinomial", shape);
    if (recorded != null) return of(recorded, shape);
    Tensor w = weights.to(DType.FLOAT32).contiguous();
    long[] out = new long[Allocations.reserve((long) rows * numSamples)];
    for (int row = 0; row < rows; row++) {
      double[] p = new double[k];
      int positive = 0;
      for (int j = 0; j < k; j++) {
        p[j] = w.getDouble(row * k + j);
        if (!(p[j] >= 0) || Double.isInfinite(p[j])) {
          throw new TensorException("probability tensor contains either `inf`, `nan` or element < 0");
        }
        if (p[j] > 0) positive++;
      }
      if (positive == 0) throw new TensorException("invalid multinomial distribution (sum of probabilities <= 0)");
      if (!replacement && numSamples > positive) {
        throw new TensorException("invalid multinomial distribution (with replacement=False, not enough non-negative category to sample)");
      }
      for (int s = 0; s < numSamples; s++) {
        double total = 0;
        for (double x : p) total += x;
        double u = r.nextDouble() * total, acc = 0;
        int chosen = -1;
        for (int j = 0; j < k; j++) {
          if (p[j] <= 0) continue;
          chosen = j;  // the last positive category catches rounding at the top end
          acc += p[j];
          if (u < acc) break;
        }
        out[row * numSamples + s] = chosen;
        if (!replacement) p[chosen] = 0;
      }
    }
    return of(out, shape);
  }

  /**
   * The recorded values of an in-place filler ({@code uniform_}, {@code normal_}) of a tensor of
   * {@code shape} when this thread replays draws (a float tensor), else null: the caller draws.
   */
  public static Tensor replayed(String kind, int... shape) {
    double[] recorded = Rng.current().recordedFloats(kind, shape);
    if (recorded == null) return null;
    float[] v = new float[recorded.length];
    for (int i = 0; i < v.length; i++) v[i] = (float) recorded[i];
    return of(v, shape);
  }

  public Tensor zerosLike() { return empty(dtype, shape); }
  public Tensor onesLike() { return full(1, dtype, shape); }
  public Tensor fullLike(double v) { return full(v, dtype, shape); }
  public Tensor emptyLike() { return empty(dtype, shape); }
  public Tensor randLike() { return rand(shape); }
  public Tensor randnLike() { return randn(shape); }

  // ---------------------------------------------------------------- accessors

  public Storage storage() { return storage; }
  public int[] shape() { return shape.clone(); }
  int[] shapeRef() { return shape; }
  public int[] strides() { return strides.clone(); }
  int[] stridesRef() { return strides; }
  public int offset() { return offset; }
  public DType dtype() { return dtype; }
  public int dim() { return shape.length; }
  public int size(int d) { return shape[Shapes.wrapDim(d, shape.length)]; }
  public int numel() { return Shapes.numel(shape); }
  /** The tensor whose storage this view shares, or null when this tensor is not a view. */
  public Tensor base() { return base; }
  public boolean isView() { return base != null; }

  public boolean isContiguous() {
    int expected = 1;
    for (int d = shape.length - 1; d >= 0; d--) {
      if (shape[d] != 1 && strides[d] != expected) return false;
      expected *= shape[d];
    }
    return true;
  }

  // ---------------------------------------------------------------- autograd slots

  public boolean requiresGrad() { return requiresGrad; }
  public void setRequiresGrad(boolean r) { requiresGrad = r; }
  public Tensor grad() { return grad; }
  public void setGrad(Tensor g) { grad = g; }
  public GradFn gradFn() { return gradFn; }
  public void setGradFn(GradFn fn) { gradFn = fn; }
  public boolean retainsGrad() { return retainsGrad; }
  public void setRetainsGrad(boolean r) { retainsGrad = r; }
  public int outputNr() { return outputNr; }
  public void setOutputNr(int n) { outputNr = n; }
  public boolean isLeaf() { return gradFn == null; }
  public boolean isWrappedNumber() { return wrappedNumber; }
  /**
   * Whether this tensor is an {@code nn.Parameter}: a layer's weight, or a tensor the program
   * wrapped. PyTorch prints such a tensor as {@code Parameter containing:}, and a module
   * registers it when it is assigned to an attribute. Results of operations are plain tensors.
   */
  public boolean isParameter() { return parameter; }
  public void setParameter(boolean p) { parameter = p; }
  /** The leaf's cached gradient accumulator node (autograd keeps its identity stable here). */
  public GradFn gradAccumulator() { return gradAccumulator; }
  public void setGradAccumulator(GradFn g) { gradAccumulator = g; }

  // ---------------------------------------------------------------- elements

  /** Storage index of a logical row-major element number. */
  int storageIndex(int flat) {
    int idx = offset;
    for (int d = shape.length - 1; d >= 0; d--) {
      int s = shape[d];
      idx += (flat % s) * strides[d];
      flat /= s;
    }
    return idx;
  }

  public double getDouble(int flat) { return storage.getDouble(storageIndex(flat)); }
  public long getLong(int flat) { return storage.getLong(storageIndex(flat)); }
  public boolean getBool(int flat) { return storage.getBool(storageIndex(flat)); }

  /** The one element as Double, Long or Boolean (PyTorch's {@code item()}). */
  public Object item() {
    int n = numel();
    if (n != 1) throw new TensorException("a Tensor with " + n + " elements cannot be converted to Scalar");
    int i = storageIndex(0);
    return switch (dtype) {
      case FLOAT32 -> (double) storage.f[i];
      case INT64 -> storage.l[i];
      case BOOL -> storage.b[i];
    };
  }

  public double itemDouble() {
    int n = numel();
    if (n != 1) throw new TensorException("a Tensor with " + n + " elements cannot be converted to Scalar");
    return getDouble(0);
  }

  /** Nested java.util.List of Double / Long / Boolean (a 0-d tensor gives the element). */
  public Object tolist() {
    if (shape.length == 0) return item();
    Tensor c = contiguous();
    return c.listAt(0, c.offset);
  }

  private Object listAt(int d, int off) {
    List<Object> out = new ArrayList<>(shape[d]);
    for (int i = 0; i < shape[d]; i++) {
      int o = off + i * strides[d];
      if (d == shape.length - 1) {
        out.add(switch (dtype) {
          case FLOAT32 -> (double) storage.f[o];
          case INT64 -> storage.l[o];
          case BOOL -> storage.b[o];
        });
      } else {
        out.add(listAt(d + 1, o));
      }
    }
    return out;
  }

  /** Contiguous float copy of the elements (row-major). */
  public float[] toFloatArray() {
    Tensor c = to(DType.FLOAT32).contiguous();
    return Arrays.copyOfRange(c.storage.f, c.offset, c.offset + c.numel());
  }

  public long[] toLongArray() {
    Tensor c = to(DType.INT64).contiguous();
    return Arrays.copyOfRange(c.storage.l, c.offset, c.offset + c.numel());
  }

  // ---------------------------------------------------------------- views

  public Tensor view(int... newShape) {
    int[] sh = Shapes.inferSize(newShape, numel());
    int[] st = Shapes.viewStrides(shape, strides, sh);
    if (st == null) {
      throw new TensorException("view size is not compatible with input tensor's size and stride (at least one"
          + " dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
    }
    return viewOf(sh, st, offset);
  }

  /** A view when the strides allow one, else a contiguous copy. */
  public Tensor reshape(int... newShape) {
    int[] sh = Shapes.inferSize(newShape, numel());
    int[] st = Shapes.viewStrides(shape, strides, sh);
    if (st != null) return viewOf(sh, st, offset);
    Tensor c = contiguous();
    return new Tensor(c.storage, sh, Shapes.contiguousStrides(sh), c.offset);
  }

  /** Whether {@link #reshape} to this shape would be a view. */
  public boolean canView(int... newShape) {
    return Shapes.viewStrides(shape, strides, Shapes.inferSize(newShape, numel())) != null;
  }

  public Tensor flatten(int start, int end) {
    if (shape.length == 0) return reshape(1);
    int s = Shapes.wrapDim(start, shape.length), e = Shapes.wrapDim(end, shape.length);
    if (s > e) throw new TensorException("flatten() has invalid args: start_dim cannot come after end_dim");
    int[] sh = new int[shape.length - (e - s)];
    int k = 0, prod = 1;
    for (int d = 0; d < shape.length; d++) {
      if (d < s || d > e) sh[k++] = shape[d];
      else { prod *= shape[d]; if (d == e) sh[k++] = prod; }
    }
    return reshape(sh);
  }

  public Tensor transpose(int d0, int d1) {
    int n = shape.length;
    int a = Shapes.wrapDim(d0, n), b = Shapes.wrapDim(d1, n);
    if (n == 0) return viewOf(shape, strides, offset);
    int[] sh = shape.clone(), st = strides.clone();
    sh[a] = shape[b]; sh[b] = shape[a];
    st[a] = strides[b]; st[b] = strides[a];
    return viewOf(sh, st, offset);
  }

  public Tensor t() {
    if (shape.length > 2) {
      throw new TensorException("t() expects a tensor with <= 2 dimensions, but self is " + shape.length + "D");
    }
    return shape.length < 2 ? viewOf(shape, strides, offset) : transpose(0, 1);
  }

  public Tensor permute(int... dims) {
    int n = shape.length;
    if (dims.length != n) {
      throw new TensorException("permute(sparse_coo): number of dimensions in the tensor input does not match the"
          + " length of the desired ordering of dimensions i.e. input.dim() = " + n + " is not equal to len(dims) = "
          + dims.length);
    }
    int[] sh = new int[n], st = new int[n];
    boolean[] seen = new boolean[n];
    for (int i = 0; i < n; i++) {
      int d = Shapes.wrapDim(dims[i], n);
      if (seen[d]) throw new TensorException("permute(): duplicate dims are not allowed.");
      seen[d] = true;
      sh[i] = shape[d];
      st[i] = strides[d];
    }
    return viewOf(sh, st, offset);
  }

  /** Broadcasts to a larger shape with stride 0 on new or size-1 dims; -1 keeps a size. */
  public Tensor expand(int... sizes) {
    int n = sizes.length;
    if (n < shape.length) {
      throw new TensorException("expand(torch." + typeName() + "{" + Shapes.str(shape) + "}, size=" + Shapes.str(sizes)
          + "): the number of sizes provided (" + n + ") must be greater or equal to the number of dimensions in the"
          + " tensor (" + shape.length + ")");
    }
    int[] sh = new int[n], st = new int[n];
    for (int i = n - 1; i >= 0; i--) {
      int d = i - (n - shape.length);
      int target = sizes[i];
      if (d < 0) {
        if (target < 0) {
          throw new TensorException("The expanded size of the tensor (" + target + ") isn't allowed in a leading,"
              + " non-existing dimension " + i);
        }
        sh[i] = target;
        st[i] = 0;
      } else if (target == -1 || target == shape[d]) {
        sh[i] = shape[d];
        st[i] = strides[d];
      } else if (shape[d] == 1) {
        sh[i] = target;
        st[i] = 0;
      } else {
        throw new TensorException("The expanded size of the tensor (" + target + ") must match the existing size ("
            + shape[d] + ") at non-singleton dimension " + i + ".  Target sizes: " + Shapes.str(sizes)
            + ".  Tensor sizes: " + Shapes.str(shape));
      }
    }
    return viewOf(sh, st, offset);
  }

  public Tensor expandAs(Tensor other) { return expand(other.shape); }

  public Tensor unsqueeze(int dim) {
    int n = shape.length;
    int d = Shapes.wrapDim(dim, n + 1);
    int[] sh = new int[n + 1], st = new int[n + 1];
    for (int i = 0, j = 0; i <= n; i++) {
      if (i == d) {
        sh[i] = 1;
        st[i] = d < n ? shape[d] * strides[d] : 1;
      } else {
        sh[i] = shape[j];
        st[i] = strides[j];
        j++;
      }
    }
    return viewOf(sh, st, offset);
  }

  /** Drops every size-1 dim. */
  public Tensor squeeze() {
    int k = 0;
    for (int s : shape) if (s != 1) k++;
    int[] sh = new int[k], st = new int[k];
    k = 0;
    for (int d = 0; d < shape.length; d++) if (shape[d] != 1) { sh[k] = shape[d]; st[k++] = strides[d]; }
    return viewOf(sh, st, offset);
  }

  /** Drops dim if its size is 1 (otherwise an unchanged view). */
  public Tensor squeeze(int dim) {
    if (shape.length == 0) { Shapes.wrapDim(dim, 0); return viewOf(shape, strides, offset); }
    int d = Shapes.wrapDim(dim, shape.length);
    if (shape[d] != 1) return viewOf(shape, strides, offset);
    return viewOf(remove(shape, d), remove(strides, d), offset);
  }

  private static int[] remove(int[] a, int i) {
    int[] r = new int[a.length - 1];
    System.arraycopy(a, 0, r, 0, i);
    System.arraycopy(a, i + 1, r, i, a.length - i - 1);
    return r;
  }

  public Tensor select(int dim, int index) {
    if (shape.length == 0) throw new TensorException("select() cannot be applied to a 0-dim tensor.");
    int d = Shapes.wrapDim(dim, shape.length);
    int size = shape[d];
    if (index < -size || index >= size) {
      throw new TensorException("select(): index " + index + " out of range for tensor of size " + Shapes.str(shape)
          + " at dimension " + d);
    }
    int i = index < 0 ? index + size : index;
    return viewOf(remove(shape, d), remove(strides, d), offset + i * strides[d]);
  }

  public Tensor narrow(int dim, int start, int length) {
    int d = Shapes.wrapDim(dim, shape.length);
    int s = start < 0 ? start + shape[d] : start;
    if (s < 0 || length < 0 || s + length > shape[d]) {
      throw new TensorException("start (" + start + ") + length (" + length + ") exceeds dimension size ("
          + shape[d] + ").");
    }
    int[] sh = shape.clone();
    sh[d] = length;
    return viewOf(sh, strides.clone(), offset + s * strides[d]);
  }

  /** Python slicing {@code [start:stop:step]} along dim; nulls mean the defaults; clamps as Python. */
  public Tensor slice(int dim, Integer start, Integer stop, int step) {
    if (step <= 0) throw new TensorException("slice step must be positive");
    int d = Shapes.wrapDim(dim, shape.length);
    int size = shape[d];
    int s = start == null ? 0 : clampIndex(start, size);
    int e = stop == null ? size : clampIndex(stop, size);
    int len = e > s ? (e - s + step - 1) / step : 0;
    int[] sh = shape.clone(), st = strides.clone();
    sh[d] = len;
    st[d] = strides[d] * step;
    return viewOf(sh, st, offset + (len > 0 ? s * strides[d] : 0));
  }

  private static int clampIndex(int i, int size) {
    if (i < 0) i += size;
    return Math.max(0, Math.min(size, i));
  }

  /** Reverses the dims listed (a view with negative strides; copy it with contiguous()). */
  Tensor flipView(int... dims) {
    int[] st = strides.clone();
    int off = offset;
    for (int dim : dims) {
      int d = Shapes.wrapDim(dim, shape.length);
      if (shape[d] > 0) off += (shape[d] - 1) * strides[d];
      st[d] = -strides[d];
    }
    return viewOf(shape, st, off);
  }

  /** A view with explicit geometry over the same storage (as_strided). */
  public Tensor asStrided(int[] newShape, int[] newStrides, int newOffset) {
    return viewOf(newShape.clone(), newStrides.clone(), newOffset);
  }

  // ---------------------------------------------------------------- copies

  /** This tensor if already contiguous, else a contiguous copy. */
  public Tensor contiguous() { return isContiguous() ? this : clone(); }

  /** A contiguous copy with its own storage (no autograd slots). */
  @Override public Tensor clone() {
    Tensor out = empty(dtype, shape);
    Strided.copy(this, out);
    return out;
  }

  /** Shares storage, drops the autograd slots. */
  public Tensor detach() {
    Tensor d = new Tensor(storage, shape, strides, offset, null);
    return d;
  }

  /** This tensor if already of that dtype, else a converted copy. */
  public Tensor to(DType target) {
    if (target == dtype) return this;
    Tensor out = empty(target, shape);
    Strided.copy(this, out);
    return out;
  }

  // ---------------------------------------------------------------- raw in-place writes (bump version)

  /** Writes src (broadcast to this shape, converted) into this tensor's elements. */
  public Tensor copyFrom(Tensor src) {
    Tensor s = src.expand(shape);
    if (s.storage == storage && !(s.isContiguous() && isContiguous() && s.offset == offset)) s = s.clone();
    Strided.copy(s, this);
    storage.bumpVersion();
    return this;
  }

  public Tensor fillRaw(double value) {
    fill(value);
    storage.bumpVersion();
    return this;
  }

  private void fill(double value) {
    if (storage.f != null && isContiguous()) {
      java.util.Arrays.fill(storage.f, offset, offset + numel(), (float) value);
      return;
    }
    Strided.rows(shape, new int[][] {strides}, new int[] {offset}, (offs, inner, n) -> {
      for (int i = 0; i < n; i++) storage.setDouble(offs[0] + i * inner[0], value);
    });
  }

  // ---------------------------------------------------------------- printing

  String typeName() {
    return switch (dtype) {
      case FLOAT32 -> "FloatTensor";
      case INT64 -> "LongTensor";
      case BOOL -> "BoolTensor";
    };
  }

  /** PyTorch's legacy type name for messages: {@code torch.FloatTensor}. */
  public String legacyTypeName() { return "torch." + typeName(); }

  @Override public String toString() {
    Tensor c = this;
    ElementSource src = new ElementSource() {
      @Override public double floatAt(int i) { return c.getDouble(i); }
      @Override public long longAt(int i) { return c.getLong(i); }
      @Override public boolean boolAt(int i) { return c.getBool(i); }
    };
    return TensorFormatter.format(shape.clone(), dtype, src, requiresGrad && gradFn == null,
        gradFn == null ? null : gradFn.name());
  }
}
