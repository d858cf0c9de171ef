package org.tdsl.interp.bind;

import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.tdsl.autograd.Torch;
import org.tdsl.interp.Args;
import org.tdsl.interp.TdslError;
import org.tdsl.tensor.Tensor;

/** Elementwise arithmetic, comparisons, reductions and products. */
final class MathOps {
  private MathOps() {}

  private static final Map<String, UnaryOperator<Tensor>> UNARY = Map.ofEntries(
      Map.entry("abs", Torch::abs), Map.entry("neg", Torch::neg), Map.entry("negative", Torch::neg),
      Map.entry("exp", Torch::exp), Map.entry("log", Torch::log), Map.entry("log2", Torch::log2),
      Map.entry("log1p", Torch::log1p), Map.entry("expm1", Torch::expm1), Map.entry("sqrt", Torch::sqrt),
      Map.entry("rsqrt", Torch::rsqrt), Map.entry("sin", Torch::sin), Map.entry("cos", Torch::cos),
      Map.entry("tan", Torch::tan), Map.entry("tanh", Torch::tanh), Map.entry("sigmoid", Torch::sigmoid),
      Map.entry("relu", Torch::relu), Map.entry("sign", Torch::sign), Map.entry("floor", Torch::floor),
      Map.entry("ceil", Torch::ceil), Map.entry("round", Torch::round), Map.entry("reciprocal", Torch::reciprocal),
      Map.entry("square", Torch::square), Map.entry("gelu", Torch::gelu), Map.entry("logical_not", Torch::logical_not));

  private static final Map<String, BinaryOperator<Tensor>> BINARY = Map.ofEntries(
      Map.entry("mul", Torch::mul), Map.entry("multiply", Torch::mul), Map.entry("true_divide", Torch::div),
      Map.entry("floor_divide", Torch::floor_divide), Map.entry("remainder", Torch::remainder),
      Map.entry("pow", Torch::pow), Map.entry("maximum", Torch::maximum), Map.entry("minimum", Torch::minimum),
      Map.entry("eq", Torch::eq), Map.entry("ne", Torch::ne), Map.entry("lt", Torch::lt), Map.entry("le", Torch::le),
      Map.entry("gt", Torch::gt), Map.entry("ge", Torch::ge), Map.entry("logical_and", Torch::logical_and),
      Map.entry("logical_or", Torch::logical_or), Map.entry("logical_xor", Torch::logical_xor));

  private static final Map<String, BinaryOperator<Tensor>> PRODUCTS = Map.of(
      "matmul", Torch::matmul, "mm", Torch::mm, "bmm", Torch::bmm, "dot", Torch::dot, "mv", Torch::mv,
      "outer", Torch::outer);

  /** Names whose bare form stays Python's builtin: the tensor form answers as torch.NAME and t.NAME(). */
  private static final java.util.Set<String> PYTHON_NAMES = java.util.Set.of("abs", "round", "pow", "sum", "max", "min", "all", "any");

  static void install(OpTable t) {
    UNARY.forEach((name, op) -> elementwise(t, name + "(input)", "Elementwise " + name + ".", a -> op.apply(in(a))));
    BINARY.forEach((name, op) -> elementwise(t, name + "(input, other)", "Elementwise " + name + ", broadcasting.",
        a -> op.apply(in(a), Convert.operand(a.get("other"), name))));
    PRODUCTS.forEach((name, op) -> t.both(name + "(input, other)", "Matrix product (" + name + ").",
        a -> op.apply(in(a), Convert.tensor(a.get("other"), name, "other"))));

    t.both("add(input, other, *, alpha=1)", "input + alpha * other, broadcasting.",
        a -> Torch.add(in(a), Convert.operand(a.get("other"), "add"), a.getDouble("alpha")));
    t.both("sub(input, other, *, alpha=1)", "input - alpha * other, broadcasting.",
        a -> Torch.sub(in(a), Convert.operand(a.get("other"), "sub"), a.getDouble("alpha")));
    t.alias("subtract", "sub");
    t.both("div(input, other, *, rounding_mode=None)", "input / other (true division; rounding_mode 'trunc' or 'floor').",
        a -> a.get("rounding_mode") == null ? Torch.div(in(a), Convert.operand(a.get("other"), "div"))
            : Torch.div(in(a), Convert.operand(a.get("other"), "div"), a.getString("rounding_mode")));
    t.alias("divide", "div");
    t.both("clamp(input, min=None, max=None)", "Limits values to [min, max].",
        a -> Torch.clamp(in(a), Convert.optionalDouble(a.get("min"), "min"), Convert.optionalDouble(a.get("max"), "max")));
    t.alias("clip", "clamp");
    t.both("leaky_relu(input, negative_slope=0.01)", "max(0, x) + negative_slope * min(0, x).",
        a -> Torch.leaky_relu(in(a), a.getDouble("negative_slope")));
    t.both("softplus(input, beta=1, threshold=20)", "log(1 + exp(beta * x)) / beta.",
        a -> Torch.softplus(in(a), a.getDouble("beta"), a.getDouble("threshold")));
    t.both("where(condition, input=None, other=None)",
        "Elements of input where condition holds, else of other; where(condition) alone: nonzero(condition, as_tuple=True).",
        a -> {
          Tensor condition = Convert.tensor(a.get("condition"), "where", "condition");
          if (a.get("input") == null && a.get("other") == null) return CountingOps.perDim(org.tdsl.tensor.Counting.nonzero(condition));
          return Torch.where(condition, Convert.operand(a.get("input"), "where"), Convert.operand(a.get("other"), "where"));
        });
    t.both("softmax(input, dim)", "exp(x) / sum(exp(x)) along dim.", a -> Torch.softmax(in(a), dim(a)));
    t.both("log_softmax(input, dim)", "log(softmax(x)) along dim, computed stably.", a -> Torch.log_softmax(in(a), dim(a)));

    reductions(t);
  }

  private static void reductions(OpTable t) {
    reduce(t, "sum(input, dim=None, keepdim=False, *, dtype=None)", "The sum of all elements, or along dim.",
        a -> a.get("dim") == null ? Torch.sum(in(a)) : Torch.sum(in(a), dims(a), a.getBool("keepdim")));
    t.both("mean(input, dim=None, keepdim=False, *, dtype=None)", "The mean of all elements, or along dim.",
        a -> a.get("dim") == null ? Torch.mean(in(a)) : Torch.mean(in(a), dims(a), a.getBool("keepdim")));
    t.both("prod(input, dim=None, keepdim=False, *, dtype=None)", "The product of all elements, or along dim.",
        a -> a.get("dim") == null ? Torch.prod(in(a)) : Torch.prod(in(a), dims(a), a.getBool("keepdim")));
    for (String name : new String[] {"max", "min"}) {
      boolean max = name.equals("max");
      reduce(t, name + "(input, dim=None, keepdim=False)",
          "The " + name + "imum of all elements; with dim, (values, indices); with a tensor, elementwise.",
          a -> {
            Object dim = a.get("dim");
            if (dim instanceof Tensor other) return max ? Torch.maximum(in(a), other) : Torch.minimum(in(a), other);
            if (dim == null) return max ? Torch.max(in(a)) : Torch.min(in(a));
            Tensor[] r = max ? Torch.max(in(a), dim(a), a.getBool("keepdim")) : Torch.min(in(a), dim(a), a.getBool("keepdim"));
            return ReturnTuple.of(name, r[0], r[1]);
          });
    }
    t.both("argmax(input, dim=None, keepdim=False)", "The index of the largest element (flattened, or along dim).",
        a -> Torch.argmax(in(a), a.get("dim") == null ? null : dim(a), a.getBool("keepdim")));
    t.both("argmin(input, dim=None, keepdim=False)", "The index of the smallest element (flattened, or along dim).",
        a -> Torch.argmin(in(a), a.get("dim") == null ? null : dim(a), a.getBool("keepdim")));
    reduce(t, "all(input, dim=None, keepdim=False)", "True when every element is nonzero.",
        a -> Torch.all(in(a), dims(a), a.getBool("keepdim")));
    reduce(t, "any(input, dim=None, keepdim=False)", "True when some element is nonzero.",
        a -> Torch.any(in(a), dims(a), a.getBool("keepdim")));
    t.both("var(input, dim=None, unbiased=True, keepdim=False, *, correction=None)", "The variance (Bessel-corrected by default).",
        a -> Torch.var(in(a), dims(a), correction(a), a.getBool("keepdim")));
    t.both("std(input, dim=None, unbiased=True, keepdim=False, *, correction=None)", "The standard deviation (Bessel-corrected by default).",
        a -> Torch.std(in(a), dims(a), correction(a), a.getBool("keepdim")));
    t.both("logsumexp(input, dim, keepdim=False)", "log(sum(exp(x))) along dim, computed stably.",
        a -> Torch.logsumexp(in(a), dims(a), a.getBool("keepdim")));
    t.both("cumsum(input, dim)", "Running sums along dim.", a -> Torch.cumsum(in(a), dim(a)));
    t.both("norm(input, p=2, dim=None, keepdim=False)", "The p-norm of all elements, or along dim.",
        a -> Torch.norm(in(a), a.getDouble("p"), dims(a), a.getBool("keepdim")));
  }

  private static void elementwise(OpTable t, String signature, String help, org.tdsl.interp.BuiltinFn impl) {
    String name = signature.substring(0, signature.indexOf('('));
    if (PYTHON_NAMES.contains(name)) {
      t.torchOnly(signature, help, impl);
      t.method(signature, help, impl);
    } else {
      t.both(signature, help, impl);
    }
  }

  private static void reduce(OpTable t, String signature, String help, org.tdsl.interp.BuiltinFn impl) {
    elementwise(t, signature, help, impl);
  }

  static Tensor in(Args a) {
    return Convert.tensor(a.get("input"), null, "input");
  }

  private static int dim(Args a) {
    return Convert.toInt(a.get("dim"), "dim");
  }

  private static int[] dims(Args a) {
    return Convert.dims(a.get("dim"));
  }

  private static int correction(Args a) {
    Object c = a.get("correction");
    if (c != null) return Convert.toInt(c, "correction");
    return a.getBool("unbiased") ? 1 : 0;
  }
}
