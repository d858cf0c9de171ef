package org.tdsl.interp.bind;

import java.util.List;
import org.tdsl.interp.Args;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.TdslError;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.Tensor;

/**
 * The legacy constructors torch.Tensor(...), torch.FloatTensor(...), torch.LongTensor(...) and
 * the new_* methods, which make a tensor with another's dtype (and device).
 */
final class TensorClassOps {
  private TensorClassOps() {}

  /** torch.Tensor(*args): from data (a sequence or a tensor), or uninitialised from sizes. */
  static Builtin constructor(String name, DType dtype) {
    return new Builtin(name, name + "(*args, device=None)",
        "A " + dtype.shortName() + " tensor: " + name + "([1, 2]) from data, " + name + "(2, 3) of that shape (zeros in tdsl).",
        a -> {
          if (a.get("device") != null) Device.usable(a.get("device"));
          List<Object> args = a.varargs("args").items();
          if (args.size() == 1 && !(args.get(0) instanceof TorchSize) && !(args.get(0) instanceof Long)) {
            Object data = args.get(0);
            if (data instanceof Tensor t) return t;  // PyTorch's legacy constructor hands the tensor back
            if (Convert.items(data) == null) {
              throw new TdslError("new(): data must be a sequence (got " + org.tdsl.interp.Values.typeName(data) + ")");
            }
            return Convert.fromData(data, dtype);
          }
          if (args.isEmpty()) return Tensor.zeros(dtype, 0);  // torch.Tensor(): an empty vector
          return Tensor.zeros(dtype, Convert.shape(a.varargs("args"), name));
        });
  }

  static void install(OpTable t) {
    t.method("new_zeros(input, *size, dtype=None, device=None, requires_grad=False)",
        "Zeros of the given size with input's dtype.", a -> made(a, Tensor.zeros(dtype(a), size(a, "new_zeros"))));
    t.method("new_ones(input, *size, dtype=None, device=None, requires_grad=False)",
        "Ones of the given size with input's dtype.", a -> made(a, Tensor.ones(dtype(a), size(a, "new_ones"))));
    t.method("new_empty(input, *size, dtype=None, device=None, requires_grad=False)",
        "An uninitialised tensor (zeros in tdsl) of the given size with input's dtype.",
        a -> made(a, Tensor.empty(dtype(a), size(a, "new_empty"))));
    t.method("new_full(input, size, fill_value, *, dtype=None, device=None, requires_grad=False)",
        "fill_value in a tensor of the given size with input's dtype.",
        a -> made(a, Tensor.full(Convert.optionalDouble(a.get("fill_value"), "fill_value"), dtype(a),
            Convert.ints(a.get("size"), "size"))));
    t.method("new_tensor(input, data, *, dtype=None, device=None, requires_grad=False)",
        "A tensor from data (copied) with input's dtype unless dtype= says otherwise.",
        a -> made(a, Convert.fromData(a.get("data"), dtype(a)).detach()));
    t.method("nelement(input)", "The number of elements (numel's other name).", a -> (long) MathOps.in(a).numel());
  }

  private static int[] size(Args a, String fn) {
    return Convert.shape(a.varargs("size"), fn);
  }

  private static DType dtype(Args a) {
    DType d = Convert.dtype(a.get("dtype"));
    return d != null ? d : MathOps.in(a).dtype();
  }

  private static Tensor made(Args a, Tensor t) {
    return CreationOps.finish(t, a);
  }
}
