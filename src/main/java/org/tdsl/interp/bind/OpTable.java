package org.tdsl.interp.bind;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.BuiltinFn;
import org.tdsl.interp.Builtins;

/**
 * Where tensor operations are bound to names, once: an operation registered with
 * {@link #both} answers as a function ({@code sum(t, dim=1)}, {@code torch.sum(...)}) and as a
 * method ({@code t.sum(dim=1)}), because the method is the same builtin with the tensor
 * bound to its first parameter.
 */
final class OpTable {
  private final Builtins builtins;
  private final Namespace torch;
  private final Map<String, Builtin> methods = new LinkedHashMap<>();

  OpTable(Builtins builtins, Namespace torch) {
    this.builtins = builtins;
    this.torch = torch;
  }

  /** A function (bare name and torch.NAME) that is also a tensor method. */
  Builtin both(String signature, String help, BuiltinFn impl) {
    Builtin b = function(signature, help, impl);
    // the method form takes no out= (PyTorch's tensor methods have none)
    methods.put(b.name(), new Builtin(b.name(), KeywordExtras.signature(signature, false), help, KeywordExtras.impl(signature, impl, false)));
    return b;
  }

  /** A function only: bare name and torch.NAME. */
  Builtin function(String signature, String help, BuiltinFn impl) {
    Builtin b = builtins.register(nameOf(signature), KeywordExtras.signature(signature), help, KeywordExtras.impl(signature, impl));
    torch.put(b.name(), b);
    return b;
  }

  /** A torch.NAME function that keeps its bare name for Python's builtin of the same name. */
  Builtin torchOnly(String signature, String help, BuiltinFn impl) {
    Builtin b = new Builtin(nameOf(signature), KeywordExtras.signature(signature), help, KeywordExtras.impl(signature, impl));
    torch.put(b.name(), b);
    return b;
  }

  /** A tensor method only; its first parameter is the tensor. */
  Builtin method(String signature, String help, BuiltinFn impl) {
    Builtin b = new Builtin(nameOf(signature), KeywordExtras.signature(signature, false), help, KeywordExtras.impl(signature, impl, false));
    methods.put(b.name(), b);
    return b;
  }

  void alias(String alias, String name) {
    Builtin b = methods.get(name);
    if (b != null) methods.put(alias, b);
  }

  Map<String, Builtin> methods() { return methods; }

  Builtins builtins() { return builtins; }

  Namespace torch() { return torch; }

  private static String nameOf(String signature) {
    return signature.substring(0, signature.indexOf('(')).trim();
  }
}
