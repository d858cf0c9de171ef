package org.tdsl.interp.bind;

import org.tdsl.autograd.Torch;
import org.tdsl.interp.Args;
import org.tdsl.interp.TdslError;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.Tensor;

/** normal, multinomial and bernoulli: draws with PyTorch's forms, each taking generator=. */
final class RandomOps {
  private RandomOps() {}

  static void install(OpTable t) {
    t.function("normal(mean=0.0, std=1.0, size=None, *, generator=None, dtype=None, device=None, requires_grad=False)",
        "Normal draws: normal(mean_tensor, std_tensor), normal(mean_tensor, 1.0), normal(0.0, std_tensor) or normal(0.0, 1.0, size=(2, 3)).",
        a -> CreationOps.finish(Generators.draw(a, () -> normal(a)), a));
    t.both("multinomial(input, num_samples, replacement=False, *, generator=None)",
        "Category indices drawn from each row of non-negative weights (with or without replacement).",
        a -> Generators.draw(a, () -> Tensor.multinomial(floats(a.get("input"), "multinomial"),
            Convert.toInt(a.get("num_samples"), "num_samples"), a.getBool("replacement"))));
    t.both("bernoulli(input, p=None, *, generator=None)",
        "1 with probability input (elementwise, or p for every element), else 0; the dtype of input.",
        a -> Generators.draw(a, () -> {
          Tensor in = floats(a.get("input"), "bernoulli");
          Tensor r = a.get("p") == null ? Tensor.bernoulli(in) : Tensor.bernoulli(a.getDouble("p"), in.shape());
          return r.to(in.dtype());
        }));
  }

  private static Tensor normal(Args a) {
    Object mean = a.get("mean"), std = a.get("std"), size = a.get("size");
    if (mean instanceof Tensor || std instanceof Tensor) {
      if (size != null) throw new TdslError("normal() received an invalid combination of arguments: size= goes with a float mean and std");
      Tensor m = mean instanceof Tensor mt ? floats(mt, "normal") : Tensor.scalar(Convert.optionalDouble(mean, "mean"));
      if (!(std instanceof Tensor) && Convert.optionalDouble(std, "std") < 0) throw negativeStd(std);
      Tensor s = std instanceof Tensor st ? floats(st, "normal") : Tensor.scalar(Convert.optionalDouble(std, "std"));
      Tensor drawn = Tensor.normal(m, s);
      // PyTorch records the draw with a zero gradient for a mean or std that requires grad
      Tensor[] inputs = {mean instanceof Tensor mt ? mt : null, std instanceof Tensor st ? st : null};
      return Torch.record("NormalBackward1", inputs, drawn, new Tensor[0], c -> new Tensor[] {
          c.needs(0) ? Torch.zeros_like(inputs[0]) : null, c.needs(1) ? Torch.zeros_like(inputs[1]) : null});
    }
    if (size == null) {
      throw new TdslError("normal() received an invalid combination of arguments - got (float, float), but expected one of: (Tensor mean, Tensor std), (Tensor mean, float std), (float mean, Tensor std), (float mean, float std, tuple of ints size)");
    }
    double s = Convert.optionalDouble(std, "std");
    if (s < 0) throw negativeStd(std);
    int[] shape = Convert.ints(size, "size");
    return Tensor.normal(Tensor.scalar((double) Convert.optionalDouble(mean, "mean")).expand(shape), Tensor.scalar(s).expand(shape));
  }

  private static TdslError negativeStd(Object std) {
    double s = Convert.optionalDouble(std, "std");
    return new TdslError("normal expects std >= 0.0, but found std " + (s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s)));
  }

  /** A float tensor argument: these draws are defined on probabilities and means. */
  private static Tensor floats(Object v, String fn) {
    Tensor t = Convert.tensor(v, fn, "input");
    if (!t.dtype().isFloatingPoint()) {
      String type = t.dtype() == DType.INT64 ? "Long" : "Bool";
      throw new TdslError(switch (fn) {
        case "multinomial" -> "multinomial only supports floating-point dtypes for input, got: " + type;
        case "bernoulli" -> "\"bernoulli_tensor_cpu_p_\" not implemented for '" + type + "'";
        default -> fn + " expects a floating point tensor, got " + type;
      });
    }
    return t;
  }
}
