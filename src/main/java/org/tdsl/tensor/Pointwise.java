package org.tdsl.tensor;

import org.tdsl.tensor.kernels.BinaryOp;
import org.tdsl.tensor.kernels.Elementwise;
import org.tdsl.tensor.kernels.UnaryOp;

/** Raw elementwise operations with broadcasting and PyTorch's type promotion. */
public final class Pointwise {
  private Pointwise() {}

  /**
   * PyTorch's result_type: dimensioned tensors outrank 0-d tensors, which outrank wrapped
   * numbers; a lower-ranked operand only matters when its category (bool < int < float) is higher.
   */
  public static DType resultType(Tensor a, Tensor b) {
    DType dimT = null, zeroT = null, wrapT = null;
    for (Tensor t : new Tensor[] {a, b}) {
      if (t.isWrappedNumber()) wrapT = wrapT == null ? t.dtype() : DType.promote(wrapT, t.dtype());
      else if (t.dim() == 0) zeroT = zeroT == null ? t.dtype() : DType.promote(zeroT, t.dtype());
      else dimT = dimT == null ? t.dtype() : DType.promote(dimT, t.dtype());
    }
    DType r = dimT;
    for (DType lower : new DType[] {zeroT, wrapT}) {
      if (lower == null) continue;
      if (r == null || lower.ordinal() > r.ordinal()) r = lower;
    }
    return r;
  }

  public static Tensor unary(UnaryOp op, Tensor x) {
    DType dt = x.dtype();
    if (!op.keepsIntegers() && dt != DType.FLOAT32) { x = x.to(DType.FLOAT32); dt = DType.FLOAT32; }
    if (dt == DType.BOOL) {
      if (op == UnaryOp.NEG) {
        throw new TensorException("Negation, the `-` operator, on a bool tensor is not supported. If you are trying"
            + " to invert a mask, use the `~` or `logical_not()` operator instead.");
      }
      x = x.to(DType.INT64);
      dt = DType.INT64;
    }
    Tensor out = Tensor.empty(dt, x.shapeRef());
    Storage xs = x.storage(), os = out.storage();
    Tensor src = x;
    Strided.rows(x.shapeRef(), new int[][] {src.stridesRef(), out.stridesRef()}, new int[] {src.offset(), 0},
        (offs, inner, n) -> {
          if (os.f != null) Elementwise.unary(op, xs.f, offs[0], inner[0], os.f, offs[1], n);
          else for (int i = 0; i < n; i++) os.l[offs[1] + i] = op.apply(xs.l[offs[0] + i * inner[0]]);
        }, true);
    return out;
  }

  /** The dtype the op computes in (before comparisons turn it into bool). */
  static DType computeType(BinaryOp op, DType common) {
    if (op.isLogical()) return DType.BOOL;
    if (op == BinaryOp.DIV) return DType.FLOAT32;
    if (common == DType.BOOL && !op.isComparison() && op != BinaryOp.ADD && op != BinaryOp.MUL
        && op != BinaryOp.MAXIMUM && op != BinaryOp.MINIMUM) {
      if (op == BinaryOp.SUB) {
        throw new TensorException("Subtraction, the `-` operator, with two bool tensors is not supported. Use the"
            + " `^` or `logical_xor()` operator instead.");
      }
      return DType.INT64;
    }
    return common;
  }

  public static Tensor binary(BinaryOp op, Tensor a, Tensor b) {
    if (a.dtype() == DType.FLOAT32 && b.dtype() == DType.FLOAT32 && !op.isComparison() && !op.isLogical()) {
      Tensor out = denseFloat(op, a, b);
      if (out != null) return out;
    }
    DType compute = computeType(op, resultType(a, b));
    DType outType = op.isComparison() || op.isLogical() ? DType.BOOL : compute;
    int[] shape = Shapes.broadcast(a.shapeRef(), b.shapeRef());
    Tensor x = a.to(compute).expand(shape), y = b.to(compute).expand(shape);
    Tensor out = Tensor.empty(outType, shape);
    binaryInto(op, x, y, out);
    return out;
  }

  /**
   * The common case straight to the kernel: two dense float32 tensors of one shape, or one of
   * them a single element (a scalar operand). Null for anything else (broadcasting views and
   * the strided walk handle it); small tensors spend most of their time in that bookkeeping.
   */
  private static Tensor denseFloat(BinaryOp op, Tensor a, Tensor b) {
    int[] as = a.shapeRef(), bs = b.shapeRef();
    int aStride = 1, bStride = 1;
    int[] shape;
    if (java.util.Arrays.equals(as, bs)) shape = as;
    else if (b.numel() == 1 && bs.length <= as.length) { shape = as; bStride = 0; }
    else if (a.numel() == 1 && as.length <= bs.length) { shape = bs; aStride = 0; }
    else return null;
    if (!a.isContiguous() || !b.isContiguous()) return null;
    Tensor out = Tensor.empty(DType.FLOAT32, shape);
    float[] x = a.storage().f, y = b.storage().f, o = out.storage().f;
    int ao = a.offset(), bo = b.offset(), n = o.length;
    if (n < Strided.PARALLEL_MIN) {
      Elementwise.binary(op, x, ao, aStride, y, bo, bStride, o, 0, n);
    } else {  // memory-bound: the strided walk cuts the one long row over the threads
      Strided.rows(new int[] {n}, new int[][] {{aStride}, {bStride}, {1}}, new int[] {ao, bo, 0},
          (offs, in, len) -> Elementwise.binary(op, x, offs[0], in[0], y, offs[1], in[1], o, offs[2], len), true);
    }
    return out;
  }

  /** out = op(x, y) for x, y already of the compute type and out's shape; out contiguous. */
  private static void binaryInto(BinaryOp op, Tensor x, Tensor y, Tensor out) {
    Storage xs = x.storage(), ys = y.storage(), os = out.storage();
    Strided.rows(out.shapeRef(), new int[][] {x.stridesRef(), y.stridesRef(), out.stridesRef()},
        new int[] {x.offset(), y.offset(), 0}, (offs, in, n) -> {
          int xo = offs[0], yo = offs[1], oo = offs[2], xi = in[0], yi = in[1];
          if (xs.f != null) {
            if (os.f != null) Elementwise.binary(op, xs.f, xo, xi, ys.f, yo, yi, os.f, oo, n);
            else for (int i = 0; i < n; i++) os.b[oo + i] = op.test(xs.f[xo + i * xi], ys.f[yo + i * yi]);
          } else if (xs.l != null) {
            try {
              if (os.l != null) for (int i = 0; i < n; i++) os.l[oo + i] = op.apply(xs.l[xo + i * xi], ys.l[yo + i * yi]);
              else for (int i = 0; i < n; i++) os.b[oo + i] = op.test(xs.l[xo + i * xi], ys.l[yo + i * yi]);
            } catch (ArithmeticException e) {
              throw new TensorException("ZeroDivisionError");
            }
          } else {
            for (int i = 0; i < n; i++) {
              long u = xs.b[xo + i * xi] ? 1 : 0, v = ys.b[yo + i * yi] ? 1 : 0;
              os.b[oo + i] = op.isComparison() || op.isLogical() ? op.test(u, v) : op.apply(u, v) != 0;
            }
          }
        }, true);
  }

  /** where(cond, a, b) with broadcasting over all three. */
  public static Tensor where(Tensor cond, Tensor a, Tensor b) {
    DType dt = resultType(a, b);
    int[] shape = Shapes.broadcast(Shapes.broadcast(cond.shapeRef(), a.shapeRef()), b.shapeRef());
    Tensor c = cond.to(DType.BOOL).expand(shape), x = a.to(dt).expand(shape), y = b.to(dt).expand(shape);
    Tensor out = Tensor.empty(dt, shape);
    Storage cs = c.storage(), xs = x.storage(), ys = y.storage(), os = out.storage();
    Strided.rows(shape, new int[][] {c.stridesRef(), x.stridesRef(), y.stridesRef(), out.stridesRef()},
        new int[] {c.offset(), x.offset(), y.offset(), 0}, (offs, in, n) -> {
          for (int i = 0; i < n; i++) {
            int ci = offs[0] + i * in[0];
            if (cs.b[ci]) os.setFrom(offs[3] + i, xs, offs[1] + i * in[1]);
            else os.setFrom(offs[3] + i, ys, offs[2] + i * in[2]);
          }
        });
    return out;
  }

  /** x clamped to [min, max] (either may be null); NaN stays NaN. */
  public static Tensor clamp(Tensor x, Double min, Double max) {
    Tensor r = x;
    if (min != null) r = binary(BinaryOp.MAXIMUM, r, wrapLike(min, x));
    if (max != null) r = binary(BinaryOp.MINIMUM, r, wrapLike(max, x));
    return r == x ? x.clone() : r;
  }

  static Tensor wrapLike(double v, Tensor like) {
    return like.dtype() == DType.FLOAT32 || v != Math.rint(v) ? Tensor.wrap(v) : Tensor.wrap((long) v);
  }

  /** out += alpha·x in place (float32), x broadcast to out; bumps out's version. */
  public static void addInPlace(Tensor out, Tensor x, float alpha) {
    if (out.dtype() != DType.FLOAT32 || x.dtype() != DType.FLOAT32) {
      out.copyFrom(binary(BinaryOp.ADD, out, alpha == 1 ? x : binary(BinaryOp.MUL, x, Tensor.wrap((double) alpha))));
      return;
    }
    if (x.storage() != out.storage() && java.util.Arrays.equals(x.shapeRef(), out.shapeRef()) && x.isContiguous()
        && out.isContiguous()) {
      Elementwise.axpy(alpha, x.storage().f, x.offset(), 1, out.storage().f, out.offset(), out.numel());
      out.storage().bumpVersion();
      return;
    }
    Tensor xe = x.expand(out.shapeRef());
    Storage xs = xe.storage(), os = out.storage();
    if (xs == os) xe = xe.clone();
    Tensor src = xe;
    Strided.rows(out.shapeRef(), new int[][] {src.stridesRef(), out.stridesRef()},
        new int[] {src.offset(), out.offset()}, (offs, in, n) -> {
          if (in[1] == 1) Elementwise.axpy(alpha, src.storage().f, offs[0], in[0], os.f, offs[1], n);
          else for (int i = 0; i < n; i++) os.f[offs[1] + i * in[1]] += alpha * src.storage().f[offs[0] + i * in[0]];
        });
    os.bumpVersion();
  }
}
