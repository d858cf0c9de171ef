package org.tdsl.interp.bind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tdsl.autograd.GradMode;
import org.tdsl.autograd.Torch;
import org.tdsl.interp.BuiltinFn;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.tensor.Shapes;
import org.tdsl.tensor.Tensor;

/**
 * Keywords PyTorch accepts across many operations, added to their signatures in one place
 * when the OpTable binds them: {@code keepdims=} (numpy's spelling of keepdim) wherever
 * keepdim is a parameter, and {@code out=} on the common operations that have it in PyTorch.
 */
final class KeywordExtras {
  private KeywordExtras() {}

  /** The operations that take out= here: PyTorch has it on each of them. */
  static final Set<String> OUT = Set.of(
      "add", "sub", "mul", "div", "pow", "matmul", "mm", "bmm", "mv", "dot", "outer", "addmm", "baddbmm",
      "exp", "log", "sqrt", "abs", "neg", "sin", "cos", "tanh", "sigmoid", "clamp", "maximum", "minimum",
      "sum", "mean", "prod", "cumsum", "cat", "stack", "where", "eq", "ne", "lt", "le", "gt", "ge",
      "zeros", "ones", "full", "eye", "arange", "linspace", "rand", "randn", "randint", "randperm",
      "normal", "multinomial", "bernoulli", "triu", "tril", "diag",
      "argmax", "argmin", "floor", "ceil", "round", "remainder", "square", "reciprocal", "rsqrt");

  /** The signature with the extra keyword-only parameters this operation takes. */
  static String signature(String signature) {
    return signature(signature, true);
  }

  /** withOut false: a tensor method's signature, which never takes out=. */
  static String signature(String signature, boolean withOut) {
    List<String> extra = new ArrayList<>();
    if (hasParam(signature, "keepdim") && !hasParam(signature, "keepdims")) extra.add("keepdims=None");
    if (withOut && OUT.contains(name(signature)) && !hasParam(signature, "out")) extra.add("out=None");
    if (extra.isEmpty()) return signature;
    int close = signature.lastIndexOf(')');
    String body = signature.substring(signature.indexOf('(') + 1, close).trim();
    List<String> params = new ArrayList<>();
    for (String p : body.split(",")) if (!p.isBlank()) params.add(p.trim());
    int kwargs = params.size();
    boolean star = false;
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).startsWith("**")) kwargs = i;
      else if (params.get(i).startsWith("*")) star = true;
    }
    if (!star) extra.add(0, "*");
    params.addAll(kwargs, extra);
    return signature.substring(0, signature.indexOf('(') + 1) + String.join(", ", params) + signature.substring(close);
  }

  /** The implementation, reading the extra keywords: keepdims fills keepdim; out receives the result. */
  static BuiltinFn impl(String signature, BuiltinFn impl) {
    return impl(signature, impl, true);
  }

  static BuiltinFn impl(String signature, BuiltinFn impl, boolean withOut) {
    BuiltinFn withKeepdims = !hasParam(signature, "keepdim") || hasParam(signature, "keepdims") ? impl : a -> {
      Object keepdims = a.get("keepdims");
      if (keepdims != null && a.keywords().containsKey("keepdim")) {
        throw new TdslError(name(signature) + "(): keepdim and keepdims cannot both be given");
      }
      return impl.call(keepdims == null ? a : a.with("keepdim", keepdims));
    };
    if (!withOut || !OUT.contains(name(signature)) || hasParam(signature, "out")) return withKeepdims;
    return a -> {
      Object out = a.get("out");
      Object result = withKeepdims.call(a);
      return out == null ? result : intoOut(out, result, name(signature));
    };
  }

  /**
   * Writes a result into out= as PyTorch does, outside the tape (out= tensors never record a
   * gradient: PyTorch refuses them when an input requires grad). tdsl does not resize: out
   * must have the result's shape.
   */
  static Tensor intoOut(Object out, Object result, String fn) {
    if (!(out instanceof Tensor o)) throw new TdslError(fn + "(): argument 'out' must be Tensor, not " + Values.typeName(out));
    if (!(result instanceof Tensor r)) throw new TdslError(fn + "(): out= needs a tensor result");
    if (r.requiresGrad() && org.tdsl.autograd.GradMode.isEnabled()) {
      throw new TdslError(fn + "(): functions with out=... arguments don't support automatic differentiation, "
          + "but one of the arguments requires grad.");
    }
    if (!java.util.Arrays.equals(o.shape(), r.shape())) {
      throw new TdslError(fn + "(): out= has shape " + Shapes.str(o.shape()) + " but the result has shape "
          + Shapes.str(r.shape()) + " (tdsl does not resize out=)");
    }
    try (GradMode.Scope s = GradMode.noGrad()) {
      Torch.copy_(o, r);
    }
    return o;
  }

  private static String name(String signature) {
    return signature.substring(0, signature.indexOf('(')).trim();
  }

  private static boolean hasParam(String signature, String param) {
    String body = signature.substring(signature.indexOf('(') + 1, signature.lastIndexOf(')'));
    for (String p : body.split(",")) {
      String n = p.trim().replace("*", "");
      int eq = n.indexOf('=');
      if ((eq < 0 ? n : n.substring(0, eq)).trim().equals(param)) return true;
    }
    return false;
  }
}
