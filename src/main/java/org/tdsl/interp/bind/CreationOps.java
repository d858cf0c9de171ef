package org.tdsl.interp.bind;

import org.tdsl.autograd.Torch;
import org.tdsl.interp.Args;
import org.tdsl.interp.TdslError;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.Tensor;

/** tensor(), zeros(), arange(), rand(), ... and manual_seed(). */
final class CreationOps {
  private CreationOps() {}

  static void install(OpTable t) {
    t.function("tensor(data, *, dtype=None, device=None, requires_grad=False)",
        "A tensor from a number or nested lists: tensor([[1., 2.], [3., 4.]]).",
        a -> finish(Convert.fromData(a.get("data"), Convert.dtype(a.get("dtype"))), a));
    t.function("zeros(*sizes, size=None, dtype=None, device=None, requires_grad=False)", "A tensor of zeros: zeros(2, 3).",
        a -> finish(Tensor.zeros(dtypeOr(a, DType.FLOAT32), size(a, "zeros")), a));
    t.function("ones(*sizes, size=None, dtype=None, device=None, requires_grad=False)", "A tensor of ones: ones(2, 3).",
        a -> finish(Tensor.ones(dtypeOr(a, DType.FLOAT32), size(a, "ones")), a));
    t.function("empty(*sizes, size=None, dtype=None, device=None, requires_grad=False)", "An uninitialised tensor (tdsl fills it with zeros).",
        a -> finish(Tensor.empty(dtypeOr(a, DType.FLOAT32), size(a, "empty")), a));
    t.function("full(size, fill_value, *, dtype=None, device=None, requires_grad=False)", "A tensor filled with one value.",
        a -> {
          Object v = a.get("fill_value");
          DType inferred = v instanceof Double ? DType.FLOAT32 : v instanceof Boolean ? DType.BOOL : DType.INT64;
          return finish(Tensor.full(Convert.optionalDouble(v, "fill_value"), dtypeOr(a, inferred),
              Convert.ints(a.get("size"), "size")), a);
        });
    t.function("eye(n, m=None, *, dtype=None, device=None, requires_grad=False)", "The identity matrix, n x n (or n x m).",
        a -> {
          int n = Convert.toInt(a.get("n"), "n");
          int m = a.get("m") == null ? n : Convert.toInt(a.get("m"), "m");
          return finish(Tensor.eye(n, m, dtypeOr(a, DType.FLOAT32)), a);
        });
    t.function("arange(start, end=None, step=1, *, dtype=None, device=None, requires_grad=False)",
        "Values from start (default 0) up to end, step apart: arange(5), arange(0., 1., 0.25).",
        a -> {
          Object start = a.get("start"), end = a.get("end"), step = a.get("step");
          if (end == null) { end = start; start = 0L; }
          boolean floats = start instanceof Double || end instanceof Double || step instanceof Double;
          if (Convert.optionalDouble(step, "step") == 0) throw new TdslError("step must be nonzero");
          Tensor r = floats
              ? Tensor.arange(Convert.optionalDouble(start, "start"), Convert.optionalDouble(end, "end"), Convert.optionalDouble(step, "step"))
              : Tensor.arange((long) Convert.toInt(start, "start"), Convert.toInt(end, "end"), Convert.toInt(step, "step"));
          return finish(r, a);
        });
    t.function("linspace(start, end, steps, *, dtype=None, device=None, requires_grad=False)", "steps values evenly spaced from start to end.",
        a -> finish(Tensor.linspace(a.getDouble("start"), a.getDouble("end"), Convert.toInt(a.get("steps"), "steps")), a));
    t.function("rand(*sizes, size=None, dtype=None, generator=None, device=None, requires_grad=False)", "Uniform random numbers in [0, 1).",
        a -> finish(Generators.draw(a, () -> Tensor.rand(size(a, "rand"))), a));
    t.function("randn(*sizes, size=None, dtype=None, generator=None, device=None, requires_grad=False)", "Standard normal random numbers.",
        a -> finish(Generators.draw(a, () -> Tensor.randn(size(a, "randn"))), a));
    t.function("randint(low, high=None, size=None, *, dtype=None, generator=None, device=None, requires_grad=False)",
        "Random integers in [low, high): randint(10, (3,)) or randint(2, 10, (3,)).",
        a -> {
          Object low = a.get("low"), high = a.get("high"), size = a.get("size");
          if (size == null) { size = high; high = low; low = 0L; }
          if (size == null) throw new TdslError("randint() missing 1 required positional argument: 'size'");
          long lo = Convert.toInt(low, "low"), hi = Convert.toInt(high, "high");
          int[] shape = Convert.ints(size, "size");
          return finish(Generators.draw(a, () -> Tensor.randint(lo, hi, shape)), a);
        });
    t.function("randperm(n, *, dtype=None, generator=None, device=None, requires_grad=False)", "A random permutation of 0..n-1.",
        a -> finish(Generators.draw(a, () -> Tensor.randperm(Convert.toInt(a.get("n"), "n"))), a));
    t.function("manual_seed(seed)", "Makes every random draw (init, dropout, shuffling) repeatable.",
        a -> { Torch.manual_seed(a.getLong("seed")); return null; });

    t.function("zeros_like(input, *, dtype=None, device=None, requires_grad=False)", "Zeros with input's shape and dtype.",
        a -> finish(input(a, "zeros_like").zerosLike(), a));
    t.function("ones_like(input, *, dtype=None, device=None, requires_grad=False)", "Ones with input's shape and dtype.",
        a -> finish(input(a, "ones_like").onesLike(), a));
    t.function("empty_like(input, *, dtype=None, device=None, requires_grad=False)", "An uninitialised tensor like input.",
        a -> finish(input(a, "empty_like").emptyLike(), a));
    t.function("full_like(input, fill_value, *, dtype=None, device=None, requires_grad=False)", "fill_value with input's shape and dtype.",
        a -> finish(input(a, "full_like").fullLike(a.getDouble("fill_value")), a));
    t.function("rand_like(input, *, dtype=None, device=None, requires_grad=False)", "Uniform random numbers shaped like input.",
        a -> finish(input(a, "rand_like").randLike(), a));
    t.function("randn_like(input, *, dtype=None, device=None, requires_grad=False)", "Normal random numbers shaped like input.",
        a -> finish(input(a, "randn_like").randnLike(), a));
  }

  /** The sizes of zeros(2, 3), zeros((2, 3)) or zeros(size=(2, 3)). */
  private static int[] size(Args a, String fn) {
    Object size = a.get("size");
    if (size == null) return Convert.shape(a.varargs("sizes"), fn);
    if (!a.varargs("sizes").items().isEmpty()) throw new TdslError(fn + "() got multiple values for argument 'size'");
    return Convert.ints(size, fn + "(): size");
  }

  private static Tensor input(Args a, String fn) {
    return Convert.tensor(a.get("input"), fn, "input");
  }

  private static DType dtypeOr(Args a, DType fallback) {
    DType d = Convert.dtype(a.get("dtype"));
    return d == null ? fallback : d;
  }

  /** Applies dtype= (when the creator did not), device= (the CPU only) and requires_grad=. */
  static Tensor finish(Tensor t, Args a) {
    if (a.get("device") != null) Device.usable(a.get("device"));
    DType d = Convert.dtype(a.get("dtype"));
    if (d != null && t.dtype() != d) t = t.to(d);
    if (a.getBool("requires_grad")) {
      if (!t.dtype().isFloatingPoint()) {
        throw new TdslError("Only Tensors of floating point and complex dtype can require gradients");
      }
      Torch.requires_grad_(t, true);
    }
    return t;
  }
}
