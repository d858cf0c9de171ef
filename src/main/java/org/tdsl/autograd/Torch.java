package org.tdsl.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.Index;
import org.tdsl.tensor.Indexing;
import org.tdsl.tensor.Linalg;
import org.tdsl.tensor.Pointwise;
import org.tdsl.tensor.Reductions;
import org.tdsl.tensor.Shapes;
import org.tdsl.tensor.Shaping;
import org.tdsl.tensor.Tensor;
import org.tdsl.tensor.TensorException;
import org.tdsl.tensor.kernels.BinaryOp;
import org.tdsl.tensor.kernels.UnaryOp;

/**
 * The differentiable operations, named as in PyTorch. Each computes its forward with the raw
 * tensor operations and, when grad mode is on and an input requires grad, records a {@link Node}
 * whose backward formula is written with these same operations (so create_graph gives higher
 * derivatives for free). Broadcasting's backward sums over the expanded axes ({@link #sumTo}).
 */
public final class Torch {
  private Torch() {}

  // ================================================================ recording

  /** The edge a gradient for t follows: its node, its cached AccumulateGrad, or none. */
  static Edge edgeOf(Tensor t) {
    if (!t.requiresGrad()) return new Edge(null, 0);
    if (t.gradFn() == null) return new Edge(AccumulateGrad.of(t), 0);
    return new Edge((Node) t.gradFn(), t.outputNr());
  }

  /** Whether an op on these inputs would be recorded (grad mode on and some input requires grad). */
  public static boolean isRecording(Tensor... inputs) { return tracking(inputs); }

  static boolean tracking(Tensor... inputs) {
    if (!GradMode.isEnabled()) return false;
    for (Tensor t : inputs) if (t != null && t.requiresGrad()) return true;
    return false;
  }

  /**
   * Records an operation computed outside this class (nn's convolution, pooling, losses): when
   * grad mode is on and an input requires grad, makes the node {@code name} with edges to the
   * inputs (null entries allowed for non-tensor slots), saves {@code saved} with their versions,
   * and makes out its output 0. The backward returns one gradient per input (null where none),
   * written with Torch ops so that create_graph works. Returns out.
   */
  public static Tensor record(String name, Tensor[] inputs, Tensor out, Tensor[] saved, Node.Backward fn) {
    return recordMulti(name, inputs, new Tensor[] {out}, saved, fn)[0];
  }

  /** {@link #record} for an operation with several outputs (output i gets outputNr i; int outputs stay untracked). */
  public static Tensor[] recordMulti(String name, Tensor[] inputs, Tensor[] outs, Tensor[] saved, Node.Backward fn) {
    if (!tracking(inputs)) return outs;
    Edge[] edges = new Edge[inputs.length];
    for (int i = 0; i < inputs.length; i++) edges[i] = inputs[i] == null ? new Edge(null, 0) : edgeOf(inputs[i]);
    Node node = new Node(name, edges, Node.shapesOf(inputs), Node.shapesOf(outs), saved, fn, Node.nextSequenceNr());
    for (int i = 0; i < outs.length; i++) {
      if (outs[i].dtype() != DType.FLOAT32) continue;
      outs[i].setRequiresGrad(true);
      outs[i].setGradFn(node);
      outs[i].setOutputNr(i);
    }
    return outs;
  }

  static final Tensor[] NONE = new Tensor[0];

  static Tensor[] ts(Tensor... ts) { return ts; }

  /** Sums a broadcast gradient back to shape (over leading dims and dims that were 1). */
  public static Tensor sumTo(Tensor g, int[] shape) {
    int[] gs = g.shape();
    if (Arrays.equals(gs, shape)) return g;
    int lead = gs.length - shape.length;
    if (lead < 0) return reshape(g, shape);
    List<Integer> dims = new ArrayList<>();
    for (int i = 0; i < lead; i++) dims.add(i);
    for (int i = 0; i < shape.length; i++) if (shape[i] == 1 && gs[i + lead] != 1) dims.add(i + lead);
    Tensor r = dims.isEmpty() ? g : sum(g, dims.stream().mapToInt(Integer::intValue).toArray(), true);
    return Arrays.equals(r.shape(), shape) ? r : reshape(r, shape);
  }

  /** A Python float as a tensor operand. */
  public static Tensor scalar(double v) { return Tensor.wrap(v); }
  /** A Python int as a tensor operand. */
  public static Tensor scalar(long v) { return Tensor.wrap(v); }

  // ================================================================ creation

  public static Tensor tensor(Object data, DType dtype, boolean requiresGrad) {
    Tensor t = Tensor.fromNested(data, dtype);
    if (requiresGrad) requires_grad_(t, true);
    return t;
  }

  public static Tensor zeros(int... shape) { return Tensor.zeros(shape); }
  public static Tensor ones(int... shape) { return Tensor.ones(shape); }
  public static Tensor full(int[] shape, double value, DType dtype) { return Tensor.full(value, dtype, shape); }
  public static Tensor eye(int n, int m) { return Tensor.eye(n, m, DType.FLOAT32); }
  public static Tensor arange(long start, long end, long step) { return Tensor.arange(start, end, step); }
  public static Tensor arange(double start, double end, double step) { return Tensor.arange(start, end, step); }
  public static Tensor linspace(double start, double end, int steps) { return Tensor.linspace(start, end, steps); }
  public static Tensor rand(int... shape) { return Tensor.rand(shape); }
  public static Tensor randn(int... shape) { return Tensor.randn(shape); }
  public static Tensor randint(long low, long high, int... shape) { return Tensor.randint(low, high, shape); }
  public static Tensor randperm(int n) { return Tensor.randperm(n); }
  public static Tensor bernoulli(Tensor p) { return Tensor.bernoulli(p); }
  public static void manual_seed(long seed) { org.tdsl.tensor.Rng.seed(seed); }
  public static Tensor zeros_like(Tensor t) { return t.zerosLike(); }
  public static Tensor ones_like(Tensor t) { return t.onesLike(); }
  public static Tensor full_like(Tensor t, double v) { return t.fullLike(v); }
  public static Tensor rand_like(Tensor t) { return t.randLike(); }
  public static Tensor randn_like(Tensor t) { return t.randnLike(); }

  // ================================================================ autograd slots

  /** PyTorch's requires_grad_: only leaves may change the flag; only float tensors may require grad. */
  public static Tensor requires_grad_(Tensor t, boolean flag) {
    if (!t.isLeaf()) {
      if (!flag) {
        throw new TensorException("you can only change requires_grad flags of leaf variables. If you want to use a"
            + " computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
      }
      return t;
    }
    if (flag && t.dtype() != DType.FLOAT32) {
      throw new TensorException("only Tensors of floating point and complex dtype can require gradients");
    }
    t.setRequiresGrad(flag);
    return t;
  }

  /** Keeps the gradient of a non-leaf in its .grad during backward (no-op on leaves). */
  public static void retain_grad(Tensor t) {
    if (!t.requiresGrad()) throw new TensorException("can't retain_grad on Tensor that has requires_grad=False");
    if (t.isLeaf()) return;
    t.setRetainsGrad(true);
    ((Node) t.gradFn()).retainGradOf(t);
  }

  /** A tensor sharing storage with no history. */
  public static Tensor detach(Tensor t) { return t.detach(); }

  public static void backward(Tensor t) { Autograd.backward(t); }
  public static void backward(Tensor t, Tensor grad) { Autograd.backward(t, grad); }

  // ================================================================ arithmetic

  public static Tensor add(Tensor a, Tensor b) { return add(a, b, 1); }
  public static Tensor add(Tensor a, double b) { return add(a, scalar(b)); }
  public static Tensor add(Tensor a, long b) { return add(a, scalar(b)); }

  /** a + alpha·b. */
  public static Tensor add(Tensor a, Tensor b, double alpha) {
    Tensor bb = alpha == 1 ? b : Pointwise.binary(BinaryOp.MUL, b, alphaOf(alpha, b));
    Tensor out = Pointwise.binary(BinaryOp.ADD, a, bb);
    int[] as = a.shape(), bs = b.shape();
    return record("AddBackward0", ts(a, b), out, NONE, c -> new Tensor[] {
        c.needs(0) ? sumTo(c.grad(), as) : null,
        c.needs(1) ? sumTo(alpha == 1 ? c.grad() : mul(c.grad(), alpha), bs) : null});
  }

  private static Tensor alphaOf(double alpha, Tensor like) {
    return alpha == Math.rint(alpha) && like.dtype() != DType.FLOAT32 ? Tensor.wrap((long) alpha) : Tensor.wrap(alpha);
  }

  public static Tensor sub(Tensor a, Tensor b) { return sub(a, b, 1); }
  public static Tensor sub(Tensor a, double b) { return sub(a, scalar(b)); }
  public static Tensor sub(Tensor a, long b) { return sub(a, scalar(b)); }
  /** scalar − tensor (Python's {@code 2 - t}). */
  public static Tensor rsub(Tensor a, double s) { return rsub(a, scalar(s)); }

  /** number − tensor, the number wrapped (its Python type kept): PyTorch's rsub.Scalar, RsubBackward1. */
  public static Tensor rsub(Tensor a, Tensor number) {
    Tensor out = Pointwise.binary(BinaryOp.SUB, number, a);
    return record("RsubBackward1", ts(a), out, NONE, c -> new Tensor[] {neg(c.grad())});
  }

  public static Tensor sub(Tensor a, Tensor b, double alpha) {
    Tensor bb = alpha == 1 ? b : Pointwise.binary(BinaryOp.MUL, b, alphaOf(alpha, b));
    Tensor out = Pointwise.binary(BinaryOp.SUB, a, bb);
    int[] as = a.shape(), bs = b.shape();
    return record("SubBackward0", ts(a, b), out, NONE, c -> new Tensor[] {
        c.needs(0) ? sumTo(c.grad(), as) : null,
        c.needs(1) ? sumTo(mul(c.grad(), -alpha), bs) : null});
  }

  public static Tensor mul(Tensor a, Tensor b) {
    Tensor out = Pointwise.binary(BinaryOp.MUL, a, b);
    int[] as = a.shape(), bs = b.shape();
    boolean ga = tracking(a), gb = tracking(b);
    return record("MulBackward0", ts(a, b), out, ts(gb ? a : null, ga ? b : null), c -> new Tensor[] {
        c.needs(0) ? sumTo(mul(c.grad(), c.saved(1)), as) : null,
        c.needs(1) ? sumTo(mul(c.grad(), c.saved(0)), bs) : null});
  }
  public static Tensor mul(Tensor a, double b) { return mul(a, scalar(b)); }
  public static Tensor mul(Tensor a, long b) { return mul(a, scalar(b)); }

  public static Tensor div(Tensor a, Tensor b) {
    Tensor out = Pointwise.binary(BinaryOp.DIV, a, b);
    int[] as = a.shape(), bs = b.shape();
    boolean gb = tracking(b);
    return record("DivBackward0", ts(a, b), out, ts(gb ? a : null, b), c -> new Tensor[] {
        c.needs(0) ? sumTo(div(c.grad(), c.saved(1)), as) : null,
        c.needs(1) ? sumTo(neg(div(mul(c.grad(), c.saved(0)), mul(c.saved(1), c.saved(1)))), bs) : null});
  }
  public static Tensor div(Tensor a, double b) { return div(a, scalar(b)); }
  public static Tensor div(Tensor a, long b) { return div(a, scalar(b)); }
  /** scalar / tensor (Python's {@code 1 / t}): PyTorch's reciprocal times the scalar (MulBackward0). */
  public static Tensor rdiv(Tensor a, double s) { return mul(reciprocal(a), s); }

  /** div with rounding_mode "trunc" or "floor" (null: true division). Zero gradient, as PyTorch. */
  public static Tensor div(Tensor a, Tensor b, String roundingMode) {
    if (roundingMode == null) return div(a, b);
    Tensor out;
    if (roundingMode.equals("floor")) {
      out = Pointwise.binary(BinaryOp.FLOOR_DIVIDE, a, b);
    } else if (roundingMode.equals("trunc")) {
      Tensor q = Pointwise.binary(BinaryOp.DIV, a, b);
      DType dt = Pointwise.resultType(a, b);
      Tensor tr = Pointwise.where(Pointwise.binary(BinaryOp.LT, q, Tensor.wrap(0.0)), Pointwise.unary(UnaryOp.CEIL, q),
          Pointwise.unary(UnaryOp.FLOOR, q));
      out = tr.to(dt);
    } else {
      throw new TensorException("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '"
          + roundingMode + "'");
    }
    int[] as = a.shape(), bs = b.shape();
    return record("DivBackward0", ts(a, b), out, NONE, c -> new Tensor[] {
        c.needs(0) ? Tensor.zeros(as) : null, c.needs(1) ? Tensor.zeros(bs) : null});
  }

  /** Python's {@code //}: floor of the quotient; not differentiable (the result never requires grad). */
  public static Tensor floor_divide(Tensor a, Tensor b) { return Pointwise.binary(BinaryOp.FLOOR_DIVIDE, a, b); }
  public static Tensor floor_divide(Tensor a, double b) { return floor_divide(a, scalar(b)); }
  public static Tensor floor_divide(Tensor a, long b) { return floor_divide(a, scalar(b)); }

  /** Python's {@code %}: the remainder has the sign of the divisor. */
  public static Tensor remainder(Tensor a, Tensor b) {
    Tensor out = Pointwise.binary(BinaryOp.REMAINDER, a, b);
    int[] as = a.shape(), bs = b.shape();
    boolean gb = tracking(b);
    // PyTorch's remainder.Scalar is RemainderBackward0, remainder.Tensor RemainderBackward1.
    String name = b.isWrappedNumber() ? "RemainderBackward0" : "RemainderBackward1";
    return record(name, ts(a, b), out, ts(gb ? a : null, gb ? b : null), c -> new Tensor[] {
        c.needs(0) ? sumTo(c.grad(), as) : null,
        c.needs(1) ? sumTo(neg(mul(c.grad(), floor_divide(c.saved(0), c.saved(1)))), bs) : null});
  }
  public static Tensor remainder(Tensor a, double b) { return remainder(a, scalar(b)); }
  public static Tensor remainder(Tensor a, long b) { return remainder(a, scalar(b)); }

  public static Tensor pow(Tensor a, Tensor b) {
    if (b.isWrappedNumber()) return pow(a, b.itemDouble(), b.dtype());
    if (a.isWrappedNumber()) return pow(a.itemDouble(), b);
    Tensor out = Pointwise.binary(BinaryOp.POW, a, b);
    int[] as = a.shape(), bs = b.shape();
    return record("PowBackward1", ts(a, b), out, ts(a, b, out), c -> {
      Tensor x = c.saved(0), e = c.saved(1);
      Tensor gx = null, ge = null;
      if (c.needs(0)) {
        Tensor d = mul(e, pow(x, sub(e, 1.0)));
        d = where(logical_and(eq(e, scalar(0.0)), isFiniteMask(d)), Tensor.wrap(0.0), d);
        gx = sumTo(mul(c.grad(), d), as);
      }
      if (c.needs(1)) {
        Tensor d = mul(c.saved(2), log(x));
        d = where(logical_and(eq(x, scalar(0.0)), ge(e, scalar(0.0))), Tensor.wrap(0.0), d);
        ge = sumTo(mul(c.grad(), d), bs);
      }
      return new Tensor[] {gx, ge};
    });
  }

  private static Tensor isFiniteMask(Tensor t) { return Pointwise.binary(BinaryOp.EQ, t, t); }

  public static Tensor pow(Tensor a, double e) { return pow(a, e, DType.FLOAT32); }
  public static Tensor pow(Tensor a, long e) { return pow(a, (double) e, DType.INT64); }

  private static Tensor pow(Tensor a, double e, DType expType) {
    Tensor exp = expType == DType.INT64 ? Tensor.wrap((long) e) : Tensor.wrap(e);
    if (a.dtype() == DType.INT64 && expType == DType.INT64 && e < 0) {
      throw new TensorException("Integers to negative integer powers are not allowed.");
    }
    Tensor out = e == 2 ? Pointwise.unary(UnaryOp.SQUARE, a.dtype() == DType.BOOL ? a.to(DType.INT64) : a)
        : Pointwise.binary(BinaryOp.POW, a, exp);
    if (e == 2 && a.dtype() != DType.FLOAT32 && expType == DType.FLOAT32) out = out.to(DType.FLOAT32);
    return record("PowBackward0", ts(a), out, ts(a), c -> new Tensor[] {
        e == 0 ? zeros_like(c.grad()) : mul(c.grad(), mul(pow(c.saved(0), e - 1), e))});
  }

  /** scalar ** tensor. */
  public static Tensor pow(double base, Tensor e) {
    Tensor out = Pointwise.binary(BinaryOp.POW, Tensor.wrap(base), e);
    return record("PowBackward1", ts(e), out, ts(out), c -> new Tensor[] {
        base == 0 ? zeros_like(c.grad()) : mul(c.grad(), mul(c.saved(0), Math.log(base)))});
  }

  public static Tensor neg(Tensor a) {
    return record("NegBackward0", ts(a), Pointwise.unary(UnaryOp.NEG, a), NONE, c -> new Tensor[] {neg(c.grad())});
  }

  private interface Grad1 { Tensor of(Tensor g, Tensor x, Tensor y); }

  /** A unary op whose derivative needs the input x and/or the output y. */
  private static Tensor unary(UnaryOp op, String name, Tensor a, boolean saveIn, boolean saveOut, Grad1 grad) {
    Tensor out = Pointwise.unary(op, a);
    return record(name, ts(a), out, ts(saveIn ? a : null, saveOut ? out : null),
        c -> new Tensor[] {grad.of(c.grad(), c.saved(0), c.saved(1))});
  }

  public static Tensor abs(Tensor a) { return unary(UnaryOp.ABS, "AbsBackward0", a, true, false, (g, x, y) -> mul(g, sign(x))); }
  public static Tensor exp(Tensor a) { return unary(UnaryOp.EXP, "ExpBackward0", a, false, true, (g, x, y) -> mul(g, y)); }
  public static Tensor log(Tensor a) { return unary(UnaryOp.LOG, "LogBackward0", a, true, false, (g, x, y) -> div(g, x)); }
  public static Tensor log2(Tensor a) {
    return unary(UnaryOp.LOG2, "Log2Backward0", a, true, false, (g, x, y) -> div(g, mul(x, Math.log(2))));
  }
  public static Tensor log1p(Tensor a) {
    return unary(UnaryOp.LOG1P, "Log1PBackward0", a, true, false, (g, x, y) -> div(g, add(x, 1.0)));
  }
  public static Tensor expm1(Tensor a) {
    return unary(UnaryOp.EXPM1, "Expm1Backward0", a, false, true, (g, x, y) -> mul(g, add(y, 1.0)));
  }
  public static Tensor sqrt(Tensor a) {
    return unary(UnaryOp.SQRT, "SqrtBackward0", a, false, true, (g, x, y) -> div(g, mul(y, 2.0)));
  }
  public static Tensor rsqrt(Tensor a) {
    return unary(UnaryOp.RSQRT, "RsqrtBackward0", a, false, true, (g, x, y) -> mul(g, mul(pow(y, 3.0), -0.5)));
  }
  public static Tensor sin(Tensor a) { return unary(UnaryOp.SIN, "SinBackward0", a, true, false, (g, x, y) -> mul(g, cos(x))); }
  public static Tensor cos(Tensor a) {
    return unary(UnaryOp.COS, "CosBackward0", a, true, false, (g, x, y) -> mul(g, neg(sin(x))));
  }
  public static Tensor tan(Tensor a) {
    return unary(UnaryOp.TAN, "TanBackward0", a, false, true, (g, x, y) -> mul(g, add(mul(y, y), 1.0)));
  }
  public static Tensor tanh(Tensor a) {
    return unary(UnaryOp.TANH, "TanhBackward0", a, false, true, (g, x, y) -> mul(g, rsub(mul(y, y), 1.0)));
  }
  public static Tensor sigmoid(Tensor a) {
    return unary(UnaryOp.SIGMOID, "SigmoidBackward0", a, false, true, (g, x, y) -> mul(g, mul(y, rsub(y, 1.0))));
  }
  public static Tensor relu(Tensor a) {
    // one fused pass unless this backward is itself recorded (create_graph needs the product)
    return unary(UnaryOp.RELU, "ReluBackward0", a, false, true, (g, x, y) -> GradMode.isEnabled()
        ? mul(g, gt(y, scalar(0.0))) : Pointwise.binary(BinaryOp.RELU_BACKWARD, g, y));
  }
  public static Tensor leaky_relu(Tensor a, double slope) {
    Tensor out = Pointwise.where(Pointwise.binary(BinaryOp.GT, a, Tensor.wrap(0.0)), a,
        Pointwise.binary(BinaryOp.MUL, a, Tensor.wrap(slope)));
    return record("LeakyReluBackward0", ts(a), out, ts(a), c ->
        new Tensor[] {mul(c.grad(), where(gt(c.saved(0), scalar(0.0)), Tensor.wrap(1.0), Tensor.wrap(slope)))});
  }
  /** gelu with the exact erf form (approximate='none'): x·Φ(x). */
  public static Tensor gelu(Tensor a) {
    return unary(UnaryOp.GELU, "GeluBackward0", a, true, false, (g, x, y) -> {
      Tensor phi = mul(exp(mul(mul(x, x), -0.5)), 1 / Math.sqrt(2 * Math.PI));
      return mul(g, add(normalCdf(x), mul(x, phi)));
    });
  }

  /** Φ(x), the standard normal CDF (gelu(x)/x), differentiable for gelu's second derivative. */
  private static Tensor normalCdf(Tensor x) {
    Tensor raw = x.detach();
    Tensor cdf = Pointwise.binary(BinaryOp.DIV, Pointwise.unary(UnaryOp.GELU, raw), raw);
    cdf = Pointwise.where(Pointwise.binary(BinaryOp.EQ, raw, Tensor.wrap(0.0)), Tensor.wrap(0.5), cdf);
    return record("NdtrBackward0", ts(x), cdf, ts(x), c -> new Tensor[] {
        mul(c.grad(), mul(exp(mul(mul(c.saved(0), c.saved(0)), -0.5)), 1 / Math.sqrt(2 * Math.PI)))});
  }

  /** softplus(x) = log(1 + exp(βx))/β, linear above threshold. */
  public static Tensor softplus(Tensor a, double beta, double threshold) {
    Tensor bx = Pointwise.binary(BinaryOp.MUL, a, Tensor.wrap(beta));
    Tensor soft = Pointwise.binary(BinaryOp.DIV,
        Pointwise.unary(UnaryOp.LOG1P, Pointwise.unary(UnaryOp.EXP, bx)), Tensor.wrap(beta));
    Tensor out = Pointwise.where(Pointwise.binary(BinaryOp.GT, bx, Tensor.wrap(threshold)), a, soft);
    return record("SoftplusBackward0", ts(a), out, ts(a), c -> {
      Tensor x = c.saved(0);
      Tensor s = sigmoid(mul(x, beta));
      return new Tensor[] {mul(c.grad(), where(gt(mul(x, beta), scalar(threshold)), Tensor.wrap(1.0), s))};
    });
  }
  public static Tensor softplus(Tensor a) { return softplus(a, 1, 20); }

  /** Clamps into [min, max]; either bound may be null. The gradient flows where the input was inside. */
  public static Tensor clamp(Tensor a, Double min, Double max) {
    if (min == null && max == null) throw new TensorException("torch.clamp: At least one of 'min' or 'max' must not be None");
    Tensor out = Pointwise.clamp(a, min, max);
    return record("ClampBackward1", ts(a), out, ts(a), c -> {
      Tensor x = c.saved(0);
      Tensor inside = Tensor.ones(DType.BOOL, x.shape());
      if (min != null) inside = Pointwise.binary(BinaryOp.LOGICAL_AND, inside, Pointwise.binary(BinaryOp.GE, x, Tensor.wrap(min)));
      if (max != null) inside = Pointwise.binary(BinaryOp.LOGICAL_AND, inside, Pointwise.binary(BinaryOp.LE, x, Tensor.wrap(max)));
      return new Tensor[] {mul(c.grad(), inside)};
    });
  }

  private static Tensor zeroGrad(UnaryOp op, String name, Tensor a) {
    return record(name, ts(a), Pointwise.unary(op, a), NONE, c -> new Tensor[] {zeros_like(c.grad())});
  }
  public static Tensor sign(Tensor a) { return zeroGrad(UnaryOp.SIGN, "SignBackward0", a); }
  public static Tensor floor(Tensor a) { return zeroGrad(UnaryOp.FLOOR, "FloorBackward0", a); }
  public static Tensor ceil(Tensor a) { return zeroGrad(UnaryOp.CEIL, "CeilBackward0", a); }
  public static Tensor round(Tensor a) { return zeroGrad(UnaryOp.ROUND, "RoundBackward0", a); }

  public static Tensor reciprocal(Tensor a) {
    return unary(UnaryOp.RECIPROCAL, "ReciprocalBackward0", a, false, true, (g, x, y) -> mul(g, neg(mul(y, y))));
  }
  /** x², recorded as PyTorch does: PowBackward0. */
  public static Tensor square(Tensor a) { return pow(a, 2L); }

  public static Tensor maximum(Tensor a, Tensor b) { return extremum(a, b, true); }
  public static Tensor minimum(Tensor a, Tensor b) { return extremum(a, b, false); }

  private static Tensor extremum(Tensor a, Tensor b, boolean max) {
    Tensor out = Pointwise.binary(max ? BinaryOp.MAXIMUM : BinaryOp.MINIMUM, a, b);
    int[] as = a.shape(), bs = b.shape();
    return record(max ? "MaximumBackward0" : "MinimumBackward0", ts(a, b), out, ts(a, b), c -> {
      Tensor x = c.saved(0), y = c.saved(1);
      Tensor wins = max ? gt(x, y) : lt(x, y);
      Tensor tie = mul(eq(x, y), 0.5);
      Tensor wa = add(wins.to(DType.FLOAT32), tie);
      return new Tensor[] {
          c.needs(0) ? sumTo(mul(c.grad(), wa), as) : null,
          c.needs(1) ? sumTo(mul(c.grad(), rsub(wa, 1.0)), bs) : null};
    });
  }

  // ================================================================ comparisons, logic (never differentiable)

  public static Tensor eq(Tensor a, Tensor b) { return Pointwise.binary(BinaryOp.EQ, a, b); }
  public static Tensor ne(Tensor a, Tensor b) { return Pointwise.binary(BinaryOp.NE, a, b); }
  public static Tensor lt(Tensor a, Tensor b) { return Pointwise.binary(BinaryOp.LT, a, b); }
  public static Tensor le(Tensor a, Tensor b) { return Pointwise.binary(BinaryOp.LE, a, b); }
  public static Tensor gt(Tensor a, Tensor b) { return Pointwise.binary(BinaryOp.GT, a, b); }
  public static Tensor ge(Tensor a, Tensor b) { return Pointwise.binary(BinaryOp.GE, a, b); }
  public static Tensor eq(Tensor a, double b) { return eq(a, scalar(b)); }
  public static Tensor ne(Tensor a, double b) { return ne(a, scalar(b)); }
  public static Tensor lt(Tensor a, double b) { return lt(a, scalar(b)); }
  public static Tensor le(Tensor a, double b) { return le(a, scalar(b)); }
  public static Tensor gt(Tensor a, double b) { return gt(a, scalar(b)); }
  public static Tensor ge(Tensor a, double b) { return ge(a, scalar(b)); }
  public static Tensor logical_and(Tensor a, Tensor b) { return Pointwise.binary(BinaryOp.LOGICAL_AND, a, b); }
  public static Tensor logical_or(Tensor a, Tensor b) { return Pointwise.binary(BinaryOp.LOGICAL_OR, a, b); }
  public static Tensor logical_xor(Tensor a, Tensor b) { return Pointwise.binary(BinaryOp.LOGICAL_XOR, a, b); }
  public static Tensor logical_not(Tensor a) { return Pointwise.binary(BinaryOp.EQ, a.to(DType.BOOL), Tensor.wrap(false)); }

  /** where(cond, a, b): a where cond holds, else b (broadcasting all three). */
  public static Tensor where(Tensor cond, Tensor a, Tensor b) {
    Tensor out = Pointwise.where(cond, a, b);
    int[] as = a.shape(), bs = b.shape();
    return record("WhereBackward0", ts(cond, a, b), out, ts(cond), c -> {
      Tensor m = c.saved(0);
      Tensor zero = Tensor.wrap(0.0);
      return new Tensor[] {null,
          c.needs(1) ? sumTo(where(m, c.grad(), zero), as) : null,
          c.needs(2) ? sumTo(where(m, zero, c.grad()), bs) : null};
    });
  }

  // ================================================================ reductions

  public static Tensor sum(Tensor a) { return sum(a, null, false); }

  /** Sum over dims (null or empty: all) keeping them as size 1 when keepdim. */
  public static Tensor sum(Tensor a, int[] dims, boolean keepdim) {
    Tensor out = Reductions.sum(a, dims, keepdim);
    int[] as = a.shape();
    return record(overAll(dims) ? "SumBackward0" : "SumBackward1", ts(a), out, NONE, c -> new Tensor[] {expandBack(c.grad(), as, dims, keepdim)});
  }

  /**
   * Whether a reduction is over every dim: PyTorch names its node by overload, the full
   * reduction's digit 0 (SumBackward0) and the one over dims 1 (SumBackward1).
   */
  private static boolean overAll(int[] dims) { return dims == null || dims.length == 0; }

  /** Undoes a reduction's shape: unsqueeze the reduced dims (unless keepdim) and expand. */
  private static Tensor expandBack(Tensor g, int[] shape, int[] dims, boolean keepdim) {
    if (!keepdim && shape.length > 0) {
      boolean[] red = reducedMask(shape.length, dims);
      for (int d = 0; d < shape.length; d++) if (red[d]) g = unsqueeze(g, d);
    }
    return expand(g, shape);
  }

  private static boolean[] reducedMask(int ndim, int[] dims) {
    boolean[] m = new boolean[ndim];
    if (dims == null || dims.length == 0) { Arrays.fill(m, true); return m; }
    for (int d : dims) m[Shapes.wrapDim(d, ndim)] = true;
    return m;
  }

  public static Tensor mean(Tensor a) { return mean(a, null, false); }

  public static Tensor mean(Tensor a, int[] dims, boolean keepdim) {
    Tensor out = Reductions.mean(a, dims, keepdim);
    int[] as = a.shape();
    int count = Math.max(1, a.numel()) / Math.max(1, out.numel());
    return record(overAll(dims) ? "MeanBackward0" : "MeanBackward1", ts(a), out, NONE,
        c -> new Tensor[] {div(expandBack(c.grad(), as, dims, keepdim), (double) count)});
  }

  public static Tensor prod(Tensor a) { return prod(a, null, false); }

  /** Product over dims; the gradient is prod/x (inputs with zeros are handled by product of the others). */
  public static Tensor prod(Tensor a, int[] dims, boolean keepdim) {
    Tensor out = Reductions.prod(a, dims, keepdim);
    int[] as = a.shape();
    return record(overAll(dims) ? "ProdBackward0" : "ProdBackward1", ts(a), out, ts(a, out), c -> {
      Tensor x = c.saved(0);
      Tensor y = expandBack(c.saved(1), as, dims, keepdim);
      Tensor g = expandBack(c.grad(), as, dims, keepdim);
      Tensor hasZero = eq(x, scalar(0.0));
      if (!Reductions.any(hasZero, null, false).getBool(0)) return new Tensor[] {mul(g, div(y, x))};
      // product of all the others, one element at a time (only when a zero makes y/x useless)
      Tensor flatX = x.detach().contiguous();
      float[] res = new float[flatX.numel()];
      float[] xv = flatX.toFloatArray();
      int[] strides = Shapes.contiguousStrides(as);
      boolean[] red = reducedMask(as.length, dims);
      for (int i = 0; i < res.length; i++) {
        double p = 1;
        for (int j = 0; j < res.length; j++) {
          if (j == i) continue;
          boolean same = true;
          for (int d = 0; d < as.length && same; d++) {
            if (!red[d] && (i / strides[d]) % as[d] != (j / strides[d]) % as[d]) same = false;
          }
          if (same) p *= xv[j];
        }
        res[i] = (float) p;
      }
      return new Tensor[] {mul(g, Tensor.of(res, as))};
    });
  }

  /** The largest element (gradient shared evenly among ties, as PyTorch). */
  public static Tensor max(Tensor a) { return extremeAll(a, true); }
  public static Tensor min(Tensor a) { return extremeAll(a, false); }

  private static Tensor extremeAll(Tensor a, boolean isMax) {
    Tensor out = Reductions.amax(a, null, false, isMax);
    // PyTorch's overloads: max() is MaxBackward1, max(dim) MaxBackward0.
    return record(isMax ? "MaxBackward1" : "MinBackward1", ts(a), out, ts(a, out), c -> {
      Tensor mask = eq(c.saved(0), c.saved(1)).to(DType.FLOAT32);
      return new Tensor[] {mul(div(mask, sum(mask)), c.grad())};
    });
  }

  /** torch.max(a, b): the elementwise maximum. */
  public static Tensor max(Tensor a, Tensor b) { return maximum(a, b); }
  public static Tensor min(Tensor a, Tensor b) { return minimum(a, b); }

  /** max along dim: (values, int64 indices). */
  public static Tensor[] max(Tensor a, int dim, boolean keepdim) { return extremeDim(a, dim, keepdim, true); }
  public static Tensor[] min(Tensor a, int dim, boolean keepdim) { return extremeDim(a, dim, keepdim, false); }

  private static Tensor[] extremeDim(Tensor a, int dim, boolean keepdim, boolean isMax) {
    Tensor[] r = Reductions.maxDim(a, dim, keepdim, isMax);
    int[] as = a.shape();
    record(isMax ? "MaxBackward0" : "MinBackward0", ts(a), r[0], ts(r[1]), c ->
        new Tensor[] {indexBack(c.grad(), c.saved(0), as, dim, keepdim)});
    return r;
  }

  /** Places g at indices along dim in zeros of shape (the backward of max/min/sort/topk). */
  private static Tensor indexBack(Tensor g, Tensor idx, int[] shape, int dim, boolean keepdim) {
    if (shape.length == 0) return reshape(g, shape);
    int d = Shapes.wrapDim(dim, shape.length);
    if (!keepdim) { g = unsqueeze(g, d); idx = idx.unsqueeze(d); }
    return scatter(Tensor.zeros(shape), d, idx, g);
  }

  public static Tensor argmax(Tensor a, Integer dim, boolean keepdim) { return Reductions.argmax(a, dim, keepdim, true); }
  public static Tensor argmin(Tensor a, Integer dim, boolean keepdim) { return Reductions.argmax(a, dim, keepdim, false); }
  public static Tensor all(Tensor a, int[] dims, boolean keepdim) { return Reductions.all(a, dims, keepdim); }
  public static Tensor any(Tensor a, int[] dims, boolean keepdim) { return Reductions.any(a, dims, keepdim); }

  /** Variance over dims with the given correction (1: unbiased, 0: population). */
  public static Tensor var(Tensor a, int[] dims, int correction, boolean keepdim) {
    Tensor out = Reductions.var(a, dims, correction, keepdim);
    int[] as = a.shape();
    int n = Math.max(1, a.numel()) / Math.max(1, out.numel());
    return record("VarBackward0", ts(a), out, ts(a), c -> {
      Tensor x = c.saved(0);
      Tensor centered = sub(x, mean(x, dims, true));
      return new Tensor[] {mul(expandBack(c.grad(), as, dims, keepdim), mul(centered, 2.0 / Math.max(0, n - correction)))};
    });
  }

  public static Tensor std(Tensor a, int[] dims, int correction, boolean keepdim) {
    Tensor out = Pointwise.unary(UnaryOp.SQRT, Reductions.var(a, dims, correction, keepdim));
    int[] as = a.shape();
    int n = Math.max(1, a.numel()) / Math.max(1, out.numel());
    return record("StdBackward0", ts(a), out, ts(a, out), c -> {
      Tensor x = c.saved(0);
      Tensor centered = sub(x, mean(x, dims, true));
      Tensor denom = mul(expandBack(c.saved(1), as, dims, keepdim), (double) Math.max(0, n - correction));
      return new Tensor[] {mul(expandBack(c.grad(), as, dims, keepdim), div(centered, denom))};
    });
  }
  public static Tensor var(Tensor a) { return var(a, null, 1, false); }
  public static Tensor std(Tensor a) { return std(a, null, 1, false); }

  public static Tensor logsumexp(Tensor a, int[] dims, boolean keepdim) {
    Tensor out = Reductions.logsumexp(a, dims, keepdim);
    int[] as = a.shape();
    return record("LogsumexpBackward0", ts(a), out, ts(a, out), c -> new Tensor[] {
        mul(expandBack(c.grad(), as, dims, keepdim), exp(sub(c.saved(0), expandBack(c.saved(1), as, dims, keepdim))))});
  }

  public static Tensor cumsum(Tensor a, int dim) {
    Tensor out = Reductions.cumsum(a, dim);
    return record("CumsumBackward0", ts(a), out, NONE, c -> {
      if (c.grad().dim() == 0) return new Tensor[] {c.grad()};
      return new Tensor[] {flip(cumsum(flip(c.grad(), dim), dim), dim)};
    });
  }

  /** The p-norm over dims (null: all); p = 2 by default. */
  public static Tensor norm(Tensor a, double p, int[] dims, boolean keepdim) {
    Tensor absA = Pointwise.unary(UnaryOp.ABS, a);
    Tensor out;
    if (p == Double.POSITIVE_INFINITY) out = Reductions.amax(absA, dims, keepdim, true);
    else if (p == 1) out = Reductions.sum(absA, dims, keepdim);
    else if (p == 2) out = Pointwise.unary(UnaryOp.SQRT, Reductions.sum(Pointwise.unary(UnaryOp.SQUARE, a), dims, keepdim));
    else out = Pointwise.binary(BinaryOp.POW, Reductions.sum(Pointwise.binary(BinaryOp.POW, absA, Tensor.wrap(p)), dims, keepdim),
        Tensor.wrap(1 / p));
    int[] as = a.shape();
    return record("NormBackward1", ts(a), out, ts(a, out), c -> {
      Tensor x = c.saved(0);
      Tensor y = expandBack(c.saved(1), as, dims, keepdim);
      Tensor g = expandBack(c.grad(), as, dims, keepdim);
      Tensor d;
      if (p == 1) d = sign(x);
      else if (p == 2) d = where(eq(y, scalar(0.0)), Tensor.wrap(0.0), div(x, y));
      else if (p == Double.POSITIVE_INFINITY) {
        Tensor m = eq(abs(x), y).to(DType.FLOAT32);
        d = mul(sign(x), div(m, expandBack(sum(m, dims, keepdim), as, dims, keepdim)));
      } else d = where(eq(y, scalar(0.0)), Tensor.wrap(0.0),
          div(mul(x, pow(abs(x), p - 2)), pow(y, p - 1)));
      return new Tensor[] {mul(g, d)};
    });
  }
  public static Tensor norm(Tensor a) { return norm(a, 2, null, false); }

  // ================================================================ linear algebra

  public static Tensor mm(Tensor a, Tensor b) {
    Tensor out = Linalg.mm(a, b);
    return record("MmBackward0", ts(a, b), out, ts(tracking(b) ? a : null, tracking(a) ? b : null), c -> new Tensor[] {
        c.needs(0) ? mm(c.grad(), t(c.saved(1))) : null,
        c.needs(1) ? mm(t(c.saved(0)), c.grad()) : null});
  }

  public static Tensor bmm(Tensor a, Tensor b) {
    Tensor out = Linalg.bmm(a, b);
    return record("BmmBackward0", ts(a, b), out, ts(tracking(b) ? a : null, tracking(a) ? b : null), c -> new Tensor[] {
        c.needs(0) ? bmm(c.grad(), transpose(c.saved(1), 1, 2)) : null,
        c.needs(1) ? bmm(transpose(c.saved(0), 1, 2), c.grad()) : null});
  }

  public static Tensor dot(Tensor a, Tensor b) {
    Tensor out = Linalg.dot(a, b);
    return record("DotBackward0", ts(a, b), out, ts(tracking(b) ? a : null, tracking(a) ? b : null), c -> new Tensor[] {
        c.needs(0) ? mul(c.grad(), c.saved(1)) : null,
        c.needs(1) ? mul(c.grad(), c.saved(0)) : null});
  }

  public static Tensor mv(Tensor a, Tensor v) {
    Tensor out = Linalg.mv(a, v);
    return record("MvBackward0", ts(a, v), out, ts(tracking(v) ? a : null, tracking(a) ? v : null), c -> new Tensor[] {
        c.needs(0) ? outer(c.grad(), c.saved(1)) : null,
        c.needs(1) ? mv(t(c.saved(0)), c.grad()) : null});
  }

  /** Outer product; PyTorch records it as a broadcast multiply (MulBackward0). */
  public static Tensor outer(Tensor a, Tensor b) {
    if (a.dim() != 1 || b.dim() != 1) {
      throw new TensorException("outer: Expected 1-D argument self, but got " + a.dim() + "-D");
    }
    return mul(unsqueeze(a, 1), b);
  }

  /** PyTorch's matmul: dot, mv, mm, or a broadcast batched product, by the operands' dims. */
  public static Tensor matmul(Tensor a, Tensor b) {
    int da = a.dim(), db = b.dim();
    if (da == 0 || db == 0) {
      throw new TensorException("both arguments to matmul need to be at least 1D, but they are " + da + "D and " + db
          + "D");
    }
    if (da == 1 && db == 1) return dot(a, b);
    if (da == 2 && db == 1) return mv(a, b);
    // PyTorch squeezes in place here, which 1.13 records as SqueezeBackward3.
    if (da == 1 && db == 2) return NamedComposite.named("SqueezeBackward3", () -> squeeze(mm(unsqueeze(a, 0), b), 0));
    if (da == 2 && db == 2) return mm(a, b);
    if (da >= 3 && db <= 2) {
      // fold a's batch dims into rows: one mm
      int[] as = a.shape();
      int k = as[da - 1];
      Tensor b2 = db == 1 ? unsqueeze(b, 1) : b;
      if (b2.size(0) != k) {
        throw new TensorException("mat1 and mat2 shapes cannot be multiplied (" + (a.numel() / Math.max(k, 1)) + "x" + k
            + " and " + b2.size(0) + "x" + b2.size(1) + ")");
      }
      Tensor out = mm(reshape(a, -1, k), b2);
      int[] os = Arrays.copyOf(as, db == 1 ? da - 1 : da);
      if (db == 2) os[da - 1] = b.size(1);
      return db == 1 ? viewLike(out, os) : viewLike(out, os);
    }
    // batched: broadcast the batch dims
    Tensor x = da == 1 ? unsqueeze(a, 0) : a;
    Tensor y = db == 1 ? unsqueeze(b, 1) : b;
    int[] xs = x.shape(), ys = y.shape();
    int n = xs[xs.length - 2], k = xs[xs.length - 1], k2 = ys[ys.length - 2], m = ys[ys.length - 1];
    int[] bx = Arrays.copyOf(xs, xs.length - 2), by = Arrays.copyOf(ys, ys.length - 2);
    int[] batch = Shapes.broadcast(bx, by);
    int bn = Shapes.numel(batch);
    if (k != k2) {
      throw new TensorException("Expected size for first two dimensions of batch2 tensor to be: [" + bn + ", " + k
          + "] but got: [" + bn + ", " + k2 + "].");
    }
    Tensor xe = reshape(expand(x, concat(batch, n, k)), bn, n, k);
    Tensor ye = reshape(expand(y, concat(batch, k2, m)), bn, k2, m);
    Tensor out = bmm(xe, ye);
    int[] os = concat(batch, n, m);
    Tensor r = viewLike(out, os);
    // PyTorch ends a batched matmul of a vector with one _unsafe_view (UnsafeViewBackward0).
    Tensor folded = r;
    if (da == 1) r = NamedComposite.named("UnsafeViewBackward0", () -> squeeze(folded, -2));
    if (db == 1) r = NamedComposite.named("UnsafeViewBackward0", () -> squeeze(folded, -1));
    return r;
  }

  private static int[] concat(int[] head, int... tail) {
    int[] r = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, r, head.length, tail.length);
    return r;
  }

  /** The reshape matmul ends with: PyTorch's _unsafe_view (UnsafeViewBackward0). */
  private static Tensor viewLike(Tensor out, int[] shape) {
    Tensor r = out.view(shape);
    int[] os = out.shape();
    return record("UnsafeViewBackward0", ts(out), r, NONE, c -> new Tensor[] {reshape(c.grad(), os)});
  }

  // ================================================================ views

  public static Tensor view(Tensor a, int... shape) {
    Tensor out = a.view(shape);
    int[] as = a.shape();
    return record("ViewBackward0", ts(a), out, NONE, c -> new Tensor[] {reshape(c.grad(), as)});
  }

  /** A view when possible (ReshapeAliasBackward0), else a copy (CloneBackward0 then UnsafeViewBackward0). */
  public static Tensor reshape(Tensor a, int... shape) {
    int[] as = a.shape();
    if (a.canView(shape)) {
      Tensor out = a.view(shape);
      return record("ReshapeAliasBackward0", ts(a), out, NONE, c -> new Tensor[] {reshape(c.grad(), as)});
    }
    Tensor copy = clone(a);
    Tensor out = copy.view(shape);
    int[] cs = copy.shape();
    return record("UnsafeViewBackward0", ts(copy), out, NONE, c -> new Tensor[] {reshape(c.grad(), cs)});
  }

  public static Tensor flatten(Tensor a, int start, int end) {
    if (a.dim() == 0) return reshape(a, 1);
    int s = Shapes.wrapDim(start, a.dim()), e = Shapes.wrapDim(end, a.dim());
    if (s == e) return a;
    return reshape(a, a.flatten(start, end).shape());
  }
  public static Tensor flatten(Tensor a) { return flatten(a, 0, -1); }

  public static Tensor t(Tensor a) {
    Tensor out = a.t();
    return record("TBackward0", ts(a), out, NONE, c -> new Tensor[] {t(c.grad())});
  }

  public static Tensor transpose(Tensor a, int d0, int d1) {
    Tensor out = a.transpose(d0, d1);
    return record("TransposeBackward0", ts(a), out, NONE, c -> new Tensor[] {transpose(c.grad(), d0, d1)});
  }

  public static Tensor permute(Tensor a, int... dims) {
    Tensor out = a.permute(dims);
    int[] inv = new int[dims.length];
    for (int i = 0; i < dims.length; i++) inv[Shapes.wrapDim(dims[i], dims.length)] = i;
    return record("PermuteBackward0", ts(a), out, NONE, c -> new Tensor[] {permute(c.grad(), inv)});
  }

  public static Tensor expand(Tensor a, int... shape) {
    Tensor out = a.expand(shape);
    if (Arrays.equals(out.shape(), a.shape()) && !tracking(a)) return out;
    int[] as = a.shape();
    return record("ExpandBackward0", ts(a), out, NONE, c -> new Tensor[] {sumTo(c.grad(), as)});
  }
  public static Tensor expand_as(Tensor a, Tensor other) { return expand(a, other.shape()); }

  public static Tensor unsqueeze(Tensor a, int dim) {
    Tensor out = a.unsqueeze(dim);
    int d = Shapes.wrapDim(dim, a.dim() + 1);
    return record("UnsqueezeBackward0", ts(a), out, NONE, c -> new Tensor[] {squeeze(c.grad(), d)});
  }

  public static Tensor squeeze(Tensor a) {
    Tensor out = a.squeeze();
    int[] as = a.shape();
    return record("SqueezeBackward0", ts(a), out, NONE, c -> new Tensor[] {reshape(c.grad(), as)});
  }

  public static Tensor squeeze(Tensor a, int dim) {
    Tensor out = a.squeeze(dim);
    int[] as = a.shape();
    return record("SqueezeBackward1", ts(a), out, NONE, c -> new Tensor[] {reshape(c.grad(), as)});
  }

  public static Tensor select(Tensor a, int dim, int index) {
    Tensor out = a.select(dim, index);
    int[] as = a.shape();
    int d = Shapes.wrapDim(dim, a.dim());
    int i = index < 0 ? index + as[d] : index;
    return record("SelectBackward0", ts(a), out, NONE,
        c -> new Tensor[] {embed(c.grad(), as, v -> select(v, d, i), "SelectBackwardBackward0")});
  }

  public static Tensor narrow(Tensor a, int dim, int start, int length) {
    Tensor out = a.narrow(dim, start, length);
    int[] as = a.shape();
    int d = Shapes.wrapDim(dim, a.dim());
    int s = start < 0 ? start + as[d] : start;
    return record("SliceBackward0", ts(a), out, NONE,
        c -> new Tensor[] {embed(c.grad(), as, v -> narrow(v, d, s, length), "SliceBackwardBackward0")});
  }

  /** Python slicing along dim, {@code a[start:stop:step]}. */
  public static Tensor slice(Tensor a, int dim, Integer start, Integer stop, int step) {
    Tensor out = a.slice(dim, start, stop, step);
    int[] as = a.shape();
    int d = Shapes.wrapDim(dim, a.dim());
    return record("SliceBackward0", ts(a), out, NONE,
        c -> new Tensor[] {embed(c.grad(), as, v -> slice(v, d, start, stop, step), "SliceBackwardBackward0")});
  }

  /**
   * zeros(shape) with g written into the part picked by view: the backward of a view op. It is
   * itself differentiable (its backward applies the same view) for higher derivatives.
   */
  static Tensor embed(Tensor g, int[] shape, UnaryOperator<Tensor> view, String name) {
    Tensor out = Tensor.zeros(shape);
    try (GradMode.Scope s = GradMode.noGrad()) {
      view.apply(out).copyFrom(g);
    }
    return record(name, ts(g), out, NONE, c -> new Tensor[] {view.apply(c.grad())});
  }

  // ================================================================ indexing

  /** {@code a[items]}: basic items become differentiable views, tensor items one IndexBackward0. */
  public static Tensor index(Tensor a, List<Index> items) {
    Tensor r = a;
    for (Indexing.Step s : Indexing.plan(a.shape(), items)) {
      r = switch (s) {
        case Indexing.SelectStep x -> select(r, x.dim(), x.index());
        case Indexing.SliceStep x -> slice(r, x.dim(), x.start(), x.stop(), x.step());
        case Indexing.UnsqueezeStep x -> unsqueeze(r, x.dim());
        case Indexing.Advanced x -> advancedIndex(r, x);
      };
    }
    if (r == a) r = alias(a);
    return r;
  }

  /** {@code a[...]} with nothing to do: PyTorch still returns a new view (AliasBackward0). */
  private static Tensor alias(Tensor a) {
    Tensor out = a.asStrided(a.shape(), a.strides(), a.offset());
    return record("AliasBackward0", ts(a), out, NONE, c -> new Tensor[] {c.grad()});
  }

  public static Tensor index(Tensor a, Index... items) { return index(a, List.of(items)); }

  private static Tensor advancedIndex(Tensor a, Indexing.Advanced x) {
    Tensor out = Indexing.advancedGet(a, x);
    int[] as = a.shape();
    return record("IndexBackward0", ts(a), out, NONE, c -> new Tensor[] {indexPutAccumulate(as, x, c.grad())});
  }

  /** zeros(shape) with g added at the advanced positions (duplicates add up). */
  private static Tensor indexPutAccumulate(int[] shape, Indexing.Advanced x, Tensor g) {
    Tensor out = Tensor.zeros(shape);
    Indexing.advancedPut(out, x, g.detach(), true);
    return record("IndexPutBackward0", ts(g), out, NONE, c -> new Tensor[] {advancedIndex(c.grad(), x)});
  }

  /** {@code a[items] = value} in place; on a tensor with history it records CopySlices. */
  public static Tensor setitem(Tensor a, List<Index> items, Tensor value) {
    InPlace.checkInplace(a);
    if (a.base() != null && tracking(a.base(), value)) {
      return InPlace.inplace(a, x -> setitem(clone(x), items, value), false, value);
    }
    if (!tracking(a, value)) {
      Indexing.set(a, items, value);
      return a;
    }
    int[] vs = value.shape();
    Tensor old = InPlace.shallowAlias(a);
    Indexing.set(a, items, value.detach());
    Tensor result = a.asStrided(a.shape(), a.strides(), a.offset());
    record("CopySlices", ts(old, value), result, NONE, c -> {
      Tensor g = c.grad();
      Tensor ga = null, gv = null;
      if (c.needs(0)) {
        Tensor keep = Tensor.ones(g.shape());
        Indexing.set(keep, items, Tensor.wrap(0.0));
        ga = mul(g, keep);
      }
      if (c.needs(1)) gv = sumTo(index(g, items), vs);
      return new Tensor[] {ga, gv};
    });
    InPlace.rebase(a, result);
    return a;
  }

  public static Tensor setitem(Tensor a, List<Index> items, double value) { return setitem(a, items, scalar(value)); }

  // ================================================================ joining, moving elements

  public static Tensor cat(List<Tensor> tensors, int dim) {
    Tensor out = Shaping.cat(tensors, dim);
    Tensor[] ins = tensors.toArray(new Tensor[0]);
    int[] sizes = new int[ins.length];
    int d = out.dim() == 0 ? 0 : Shapes.wrapDim(dim, out.dim());
    for (int i = 0; i < ins.length; i++) sizes[i] = ins[i].dim() == 1 && ins[i].numel() == 0 ? 0 : ins[i].size(d);
    return record("CatBackward0", ins, out, NONE, c -> {
      Tensor[] g = new Tensor[ins.length];
      int at = 0;
      for (int i = 0; i < g.length; i++) {
        boolean skipped = ins[i].dim() == 1 && ins[i].numel() == 0; // legacy empty input: not part of out
        if (c.needs(i)) g[i] = skipped ? Tensor.zeros(0) : narrow(c.grad(), d, at, sizes[i]);
        if (!skipped) at += sizes[i];
      }
      return g;
    });
  }

  public static Tensor stack(List<Tensor> tensors, int dim) {
    if (tensors.isEmpty()) throw new TensorException("stack expects a non-empty TensorList");
    int[] s0 = tensors.get(0).shape();
    for (int i = 1; i < tensors.size(); i++) {
      if (!Arrays.equals(tensors.get(i).shape(), s0)) {
        throw new TensorException("stack expects each tensor to be equal size, but got " + Shapes.str(s0)
            + " at entry 0 and " + Shapes.str(tensors.get(i).shape()) + " at entry " + i);
      }
    }
    int d = Shapes.wrapDim(dim, s0.length + 1);
    List<Tensor> parts = new ArrayList<>();
    for (Tensor t : tensors) parts.add(t.unsqueeze(d));
    Tensor out = Shaping.cat(parts, d);
    Tensor[] ins = tensors.toArray(new Tensor[0]);
    return record("StackBackward0", ins, out, NONE, c -> {
      Tensor[] g = new Tensor[ins.length];
      for (int i = 0; i < g.length; i++) if (c.needs(i)) g[i] = select(c.grad(), d, i);
      return g;
    });
  }

  /** Pieces of the given size along dim (the last may be smaller): one SplitBackward0 node. */
  public static List<Tensor> split(Tensor a, int size, int dim) {
    int d = Shapes.wrapDim(dim, a.dim());
    int n = a.size(d);
    if (size <= 0 && n > 0) throw new TensorException("split_size can only be 0 if dimension size is 0, but got dimension size of " + n);
    List<Integer> sizes = new ArrayList<>();
    for (int at = 0; at < n; at += size) sizes.add(Math.min(size, n - at));
    if (sizes.isEmpty()) sizes.add(0);
    return splitWithSizes("SplitBackward0", a, sizes.stream().mapToInt(Integer::intValue).toArray(), d);
  }

  public static List<Tensor> split_with_sizes(Tensor a, int[] sizes, int dim) {
    int d = Shapes.wrapDim(dim, a.dim());
    int total = 0;
    for (int s : sizes) total += s;
    if (total != a.size(d)) {
      throw new TensorException("split_with_sizes expects split_sizes to sum exactly to " + a.size(d)
          + " (input tensor's size at dimension " + d + "), but got split_sizes=" + Arrays.toString(sizes));
    }
    return splitWithSizes("SplitWithSizesBackward0", a, sizes, d);
  }

  /** chunks pieces of equal size (the last smaller), as PyTorch's chunk. */
  public static List<Tensor> chunk(Tensor a, int chunks, int dim) {
    if (chunks <= 0) throw new TensorException("chunk expects `chunks` to be greater than 0, got: " + chunks);
    int d = Shapes.wrapDim(dim, a.dim());
    int size = (a.size(d) + chunks - 1) / chunks;
    return split(a, Math.max(size, 1), d);
  }

  /** name: PyTorch's node for the overload, split (by one size, chunk too) or split_with_sizes. */
  private static List<Tensor> splitWithSizes(String name, Tensor a, int[] sizes, int d) {
    Tensor[] outs = new Tensor[sizes.length];
    int at = 0;
    for (int i = 0; i < sizes.length; i++) { outs[i] = a.narrow(d, at, sizes[i]); at += sizes[i]; }
    recordMulti(name, ts(a), outs, NONE,
        c -> {
          List<Tensor> gs = new ArrayList<>();
          for (int i = 0; i < sizes.length; i++) gs.add(c.grad(i));
          return new Tensor[] {cat(gs, d)};
        });
    return List.of(outs);
  }

  public static Tensor repeat(Tensor a, int... repeats) {
    Tensor out = Shaping.repeat(a, repeats);
    int[] as = a.shape();
    return record("RepeatBackward0", ts(a), out, NONE, c -> {
      int n = repeats.length;
      int[] padded = new int[n];
      for (int i = 0; i < n; i++) padded[i] = i < n - as.length ? 1 : as[i - (n - as.length)];
      int[] split = new int[2 * n];
      int[] dims = new int[n];
      for (int i = 0; i < n; i++) { split[2 * i] = repeats[i]; split[2 * i + 1] = padded[i]; dims[i] = 2 * i; }
      Tensor g = sum(reshape(c.grad(), split), dims, false);
      return new Tensor[] {reshape(g, as)};
    });
  }

  public static Tensor flip(Tensor a, int... dims) {
    Tensor out = Shaping.flip(a, dims);
    return record("FlipBackward0", ts(a), out, NONE, c -> new Tensor[] {flip(c.grad(), dims)});
  }

  public static Tensor gather(Tensor a, int dim, Tensor index) {
    Tensor out = Shaping.gather(a, dim, index);
    int[] as = a.shape();
    return record("GatherBackward0", ts(a), out, ts(index), c -> new Tensor[] {
        scatter_add(Tensor.zeros(as), dim, c.saved(0), c.grad())});
  }

  /** A copy of a with src written at index along dim. */
  public static Tensor scatter(Tensor a, int dim, Tensor index, Tensor src) {
    Tensor out = Shaping.scatter(a, dim, index, src, false);
    return record("ScatterBackward0", ts(a, null, src), out, ts(index), c -> new Tensor[] {
        c.needs(0) ? scatter(c.grad(), dim, c.saved(0), Tensor.zeros(c.saved(0).shape())) : null, null,
        c.needs(2) ? gather(c.grad(), dim, c.saved(0)) : null});
  }

  public static Tensor scatter(Tensor a, int dim, Tensor index, double value) {
    Tensor src = Tensor.full(value, a.dtype(), index.shape());
    return scatter(a, dim, index, src);
  }

  public static Tensor scatter_add(Tensor a, int dim, Tensor index, Tensor src) {
    Tensor out = Shaping.scatter(a, dim, index, src, true);
    return record("ScatterAddBackward0", ts(a, null, src), out, ts(index), c -> new Tensor[] {
        c.needs(0) ? c.grad() : null, null, c.needs(2) ? gather(c.grad(), dim, c.saved(0)) : null});
  }

  public static Tensor index_select(Tensor a, int dim, Tensor index) {
    Tensor out = Shaping.indexSelect(a, dim, index);
    int[] as = a.shape();
    return record("IndexSelectBackward0", ts(a), out, ts(index), c -> new Tensor[] {
        index_add(Tensor.zeros(as), dim, c.saved(0), c.grad())});
  }

  public static Tensor index_add(Tensor a, int dim, Tensor index, Tensor src) {
    Tensor out = Shaping.indexAdd(a, dim, index, src);
    return record("IndexAddBackward0", ts(a, null, src), out, ts(index), c -> new Tensor[] {
        c.needs(0) ? c.grad() : null, null, c.needs(2) ? index_select(c.grad(), dim, c.saved(0)) : null});
  }

  public static Tensor masked_fill(Tensor a, Tensor mask, double value) {
    return masked_fill(a, mask, a.dtype() == DType.FLOAT32 || value != Math.rint(value)
        ? Tensor.scalar(value) : Tensor.scalar((long) value));
  }

  public static Tensor masked_fill(Tensor a, Tensor mask, Tensor value) {
    Tensor out = Shaping.maskedFill(a, mask, value);
    int[] as = a.shape();
    return record("MaskedFillBackward0", ts(a, null, value), out, ts(mask), c -> new Tensor[] {
        c.needs(0) ? sumTo(where(c.saved(0), Tensor.wrap(0.0), c.grad()), as) : null, null,
        c.needs(2) ? sum(where(c.saved(0), c.grad(), Tensor.wrap(0.0))) : null});
  }

  /** The k largest (or smallest) along dim: (values, int64 indices). */
  public static Tensor[] topk(Tensor a, int k, int dim, boolean largest) {
    Tensor[] r = Shaping.topk(a, k, dim, largest);
    int[] as = a.shape();
    record("TopkBackward0", ts(a), r[0], ts(r[1]), c -> new Tensor[] {indexBack(c.grad(), c.saved(0), as, dim, true)});
    return r;
  }

  public static Tensor[] sort(Tensor a, int dim, boolean descending) {
    Tensor[] r = Shaping.sort(a, dim, descending);
    int[] as = a.shape();
    record("SortBackward0", ts(a), r[0], ts(r[1]), c -> new Tensor[] {indexBack(c.grad(), c.saved(0), as, dim, true)});
    return r;
  }

  public static Tensor argsort(Tensor a, int dim, boolean descending) { return Shaping.sort(a, dim, descending)[1]; }

  // ================================================================ softmax

  public static Tensor softmax(Tensor a, int dim) {
    Tensor out = Reductions.softmax(a, dim, false);
    return record("SoftmaxBackward0", ts(a), out, ts(out), c -> {
      Tensor y = c.saved(0);
      if (!tracking(c.grad(), y)) return new Tensor[] {Reductions.softmaxBackward(c.grad(), y, dim, false)};
      Tensor gy = mul(c.grad(), y);  // create_graph: the composite formula, recorded
      return new Tensor[] {sub(gy, mul(y, sum(gy, new int[] {dim}, true)))};
    });
  }

  public static Tensor log_softmax(Tensor a, int dim) {
    Tensor out = Reductions.softmax(a, dim, true);
    return record("LogSoftmaxBackward0", ts(a), out, ts(out), c -> {
      Tensor y = c.saved(0);
      if (!tracking(c.grad(), y)) return new Tensor[] {Reductions.softmaxBackward(c.grad(), y, dim, true)};
      return new Tensor[] {sub(c.grad(), mul(exp(y), sum(c.grad(), new int[] {dim}, true)))};
    });
  }

  // ================================================================ copies, casts

  public static Tensor clone(Tensor a) {
    return record("CloneBackward0", ts(a), a.clone(), NONE, c -> new Tensor[] {c.grad()});
  }

  /** a itself when contiguous, else a recorded copy (CloneBackward0), as PyTorch. */
  public static Tensor contiguous(Tensor a) { return a.isContiguous() ? a : clone(a); }

  /** a itself when already of that dtype; float→float copies record ToCopyBackward0. */
  public static Tensor to(Tensor a, DType dtype) {
    if (a.dtype() == dtype) return a;
    Tensor out = a.to(dtype);
    DType from = a.dtype();
    return record("ToCopyBackward0", ts(a), out, NONE, c -> new Tensor[] {c.grad().to(from)});
  }

  // ================================================================ in-place

  public static Tensor zero_(Tensor a) {
    InPlace.checkInplace(a);
    if (!tracking(a)) { a.fillRaw(0); return a; }
    return InPlace.inplace(a, x -> record("ZeroBackward0", ts(x), Tensor.zeros(DType.FLOAT32, x.shape()), NONE,
        c -> new Tensor[] {zeros_like(c.grad())}), false);
  }

  public static Tensor fill_(Tensor a, double value) {
    InPlace.checkInplace(a);
    if (!tracking(a)) { a.fillRaw(value); return a; }
    return InPlace.inplace(a, x -> record("FillBackward2", ts(x), Tensor.full(value, x.dtype(), x.shape()), NONE,
        c -> new Tensor[] {zeros_like(c.grad())}), false);
  }

  /** a += alpha·b. Without recording, float32 runs one fused pass (the optimizers' step). */
  public static Tensor add_(Tensor a, Tensor b, double alpha) {
    InPlace.checkInplace(a);
    InPlace.checkBroadcastInto(a, b);
    if (!tracking(a, b) && a.dtype() == DType.FLOAT32 && b.dtype() == DType.FLOAT32) {
      Pointwise.addInPlace(a, b, (float) alpha);
      return a;
    }
    return InPlace.inplace(a, x -> add(x, b, alpha), false, b);
  }
  public static Tensor add_(Tensor a, Tensor b) { return add_(a, b, 1); }
  public static Tensor add_(Tensor a, double b) { return add_(a, scalar(b), 1); }
  public static Tensor sub_(Tensor a, Tensor b, double alpha) { return add_(a, b, -alpha); }
  public static Tensor sub_(Tensor a, Tensor b) { return add_(a, b, -1); }
  public static Tensor sub_(Tensor a, double b) { return add_(a, scalar(b), -1); }

  public static Tensor mul_(Tensor a, Tensor b) {
    InPlace.checkBroadcastInto(a, b);
    return InPlace.inplace(a, x -> mul(x, b), tracking(b), b);
  }
  public static Tensor mul_(Tensor a, double b) { return mul_(a, scalar(b)); }
  public static Tensor div_(Tensor a, Tensor b) {
    InPlace.checkBroadcastInto(a, b);
    return InPlace.inplace(a, x -> div(x, b), tracking(b), b);
  }
  public static Tensor div_(Tensor a, double b) { return div_(a, scalar(b)); }
  public static Tensor clamp_(Tensor a, Double min, Double max) { return InPlace.inplace(a, x -> clamp(x, min, max), true); }
  public static Tensor pow_(Tensor a, double e) { return InPlace.inplace(a, x -> pow(x, e), true); }

  /** Copies src (broadcast, converted) into a: CopyBackwards when recorded. */
  public static Tensor copy_(Tensor a, Tensor src) {
    int[] ss = src.shape();
    return InPlace.inplace(a, x -> {
      Tensor out = src.to(x.dtype()).expand(x.shape()).clone();
      return record("CopyBackwards", ts(x, src), out, NONE, c -> new Tensor[] {
          c.needs(0) ? zeros_like(c.grad()) : null, c.needs(1) ? sumTo(c.grad(), ss) : null});
    }, false, src);
  }

  public static Tensor masked_fill_(Tensor a, Tensor mask, double value) {
    return InPlace.inplace(a, x -> masked_fill(x, mask, value), false);
  }
}
