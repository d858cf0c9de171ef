package org.tdsl.tensor;

import org.tdsl.tensor.kernels.Gemm;

/** Raw matrix products. Float32 goes through {@link Gemm} with the operands' own strides (no copies). */
public final class Linalg {
  private Linalg() {}

  /** [m, k] · [k, n] → [m, n], with PyTorch's messages. */
  public static Tensor mm(Tensor a, Tensor b) {
    if (a.dim() != 2) throw new TensorException("self must be a matrix");
    if (b.dim() != 2) throw new TensorException("mat2 must be a matrix");
    int m = a.size(0), k = a.size(1), n = b.size(1);
    if (b.size(0) != k) {
      throw new TensorException("mat1 and mat2 shapes cannot be multiplied (" + m + "x" + k + " and " + b.size(0) + "x"
          + n + ")");
    }
    checkTypes(a, b);
    Tensor out = Tensor.empty(a.dtype(), m, n);
    mmInto(a, b, out, 0);
    return out;
  }

  private static void checkTypes(Tensor a, Tensor b) {
    if (a.dtype() != b.dtype()) {
      throw new TensorException("expected scalar type " + name(a.dtype()) + " but found " + name(b.dtype()));
    }
    if (a.dtype() == DType.BOOL) throw new TensorException("\"addmm_impl_cpu_\" not implemented for 'Bool'");
  }

  private static String name(DType d) {
    return switch (d) { case FLOAT32 -> "Float"; case INT64 -> "Long"; case BOOL -> "Bool"; };
  }

  /** Writes a·b (both 2-D views) into the contiguous out at outOff. */
  private static void mmInto(Tensor a, Tensor b, Tensor out, int outOff) {
    int m = a.shapeRef()[0], k = a.shapeRef()[1], n = b.shapeRef()[1];
    int[] as = a.stridesRef(), bs = b.stridesRef();
    if (a.dtype() == DType.FLOAT32) {
      if (m == 0 || n == 0) return;
      Gemm.gemm(m, n, k, a.storage().f, a.offset(), as[0], as[1], b.storage().f, b.offset(), bs[0], bs[1],
          out.storage().f, outOff, n, false);
      return;
    }
    long[] av = a.storage().l, bv = b.storage().l, ov = out.storage().l;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        long acc = 0;
        for (int p = 0; p < k; p++) acc += av[a.offset() + i * as[0] + p * as[1]] * bv[b.offset() + p * bs[0] + j * bs[1]];
        ov[outOff + i * n + j] = acc;
      }
    }
  }

  /** [B, m, k] · [B, k, n] → [B, m, n]. */
  public static Tensor bmm(Tensor a, Tensor b) {
    if (a.dim() != 3) throw new TensorException("batch1 must be a 3D tensor");
    if (b.dim() != 3) throw new TensorException("batch2 must be a 3D tensor");
    int batch = a.size(0), m = a.size(1), k = a.size(2), n = b.size(2);
    if (b.size(0) != batch || b.size(1) != k) {
      throw new TensorException("Expected size for first two dimensions of batch2 tensor to be: [" + batch + ", " + k
          + "] but got: [" + b.size(0) + ", " + b.size(1) + "].");
    }
    checkTypes(a, b);
    Tensor out = Tensor.empty(a.dtype(), batch, m, n);
    for (int i = 0; i < batch; i++) mmInto(a.select(0, i), b.select(0, i), out, i * m * n);
    return out;
  }

  /** Inner product of two 1-D tensors. */
  public static Tensor dot(Tensor a, Tensor b) {
    if (a.dim() != 1 || b.dim() != 1) {
      throw new TensorException("1D tensors expected, but got " + a.dim() + "D and " + b.dim() + "D tensors");
    }
    if (a.numel() != b.numel()) {
      throw new TensorException("inconsistent tensor size, expected tensor [" + a.numel() + "] and src [" + b.numel()
          + "] to have the same number of elements, but got " + a.numel() + " and " + b.numel() + " elements respectively");
    }
    checkTypes(a, b);
    return mm(a.unsqueeze(0), b.unsqueeze(1)).reshape();
  }

  /** Matrix · vector. */
  public static Tensor mv(Tensor a, Tensor v) {
    if (a.dim() != 2 || v.dim() != 1) {
      throw new TensorException("vector + matrix @ vector expected, got 1, " + a.dim() + ", " + v.dim());
    }
    if (a.size(1) != v.size(0)) {
      throw new TensorException("size mismatch, got " + a.size(0) + ", " + a.size(0) + "x" + a.size(1) + "," + v.size(0));
    }
    return mm(a, v.unsqueeze(1)).reshape(a.size(0));
  }
}
